package be.obmi.datasources.web;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import be.obmi.datasources.domain.DataRequest;
import be.obmi.datasources.domain.DataRequests;
import be.obmi.datasources.domain.Sources;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Texts;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the pages of a joint data request show (for a city and for the Kenniscentrum
 * alike), and how a page step reports its outcome: a redirect with a message, or the
 * refusal's reason (a refused value: 400 from the platform's advice).
 */
@Component
class RequestPage {

	private final DataRequests requests;

	private final Sources sources;

	private final Tenants tenants;

	private final MessageSource messages;

	RequestPage(DataRequests requests, Sources sources, Tenants tenants, MessageSource messages) {
		this.requests = requests;
		this.sources = sources;
		this.tenants = tenants;
		this.messages = messages;
	}

	/** Fills the model of {@code datasources/request} for the request. */
	String show(DataRequest request, Model model) {
		model.addAttribute("request", request);
		model.addAttribute("cities", requests.cities(request.id()));
		model.addAttribute("comments", requests.comments(request.id()));
		model.addAttribute("steps", requests.steps(request.id()));
		model.addAttribute("imports", requests.imports(request.id()));
		model.addAttribute("names", names());
		model.addAttribute("initiator", tenants.byId(request.tenantId()).map(Tenant::name).orElse(""));
		model.addAttribute("source", request.sourceId() == null ? null : sources.find(request.sourceId()).orElse(null));
		return "datasources/request";
	}

	/** The cities' names by id. */
	Map<Long, String> names() {
		return tenants.all().stream().collect(Collectors.toMap(Tenant::id, Tenant::name, (a, b) -> a));
	}

	/**
	 * Runs a page's step: its message (a code of the bundle) after a redirect, or the
	 * refusal's reason (and a refused file's errors) as the error.
	 */
	String step(Supplier<String> action, String done, String back, RedirectAttributes redirect, Locale locale) {
		try {
			String target = action.get();
			redirect.addFlashAttribute("done", messages.getMessage(done, null, locale));
			return "redirect:" + (target == null ? back : target);
		}
		catch (ImportRejectedException ex) {
			redirect.addFlashAttribute("error", messages.getMessage("datasources.import.refused", null, locale));
			redirect.addFlashAttribute("importErrors", ImportError.in(ex.errors(), messages, locale));
			return "redirect:" + back;
		}
		// a refused value (RefusedValueException, an IllegalArgumentException) is not
		// caught: the platform answers 400 with its reason in the user's language
		catch (ConcurrentChangeException | NotFoundException | IllegalStateException ex) {
			redirect.addFlashAttribute("error", Texts.reason(messages, ex, locale));
			return "redirect:" + back;
		}
	}

}
