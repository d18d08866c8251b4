package be.obmi.stats.web;

import java.util.List;
import java.util.Locale;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.IndicatorDescription;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data team's work on indicators: publish and unpublish them, edit their description
 * in Dutch and English (with optimistic locking and the history). A tenant's redacteurs
 * work on the tenant's own indicators under {@code /{slug}/cijfers/beheer}; the shared
 * platform catalogue is edited only by the platform admin, under
 * {@code /platform/cijfers/beheer} (see {@code docs/stats.md}, "Data team").
 */
@Controller
class StatsIndicatorAdminController {

	static final String EDIT_VIEW = "stats/admin-indicator";

	static final String PLATFORM_VIEW = "stats/admin-platform";

	static final String PLATFORM_BASE = "/platform/cijfers/beheer";

	/**
	 * At most this many shared indicators are listed at once (the filter narrows them).
	 */
	static final int PLATFORM_LIST = 100;

	private final StatsAccess access;

	private final Indicators indicators;

	private final AuditTrail audit;

	private final MessageSource messages;

	StatsIndicatorAdminController(StatsAccess access, Indicators indicators, AuditTrail audit, MessageSource messages) {
		this.access = access;
		this.indicators = indicators;
		this.audit = audit;
		this.messages = messages;
	}

	/** Where the data team of a scope works, and how its pages name the scope. */
	private record Place(Scope scope, String base, String owner) {

		String edit(String code) {
			return base + "/indicatoren/" + code;
		}

	}

	private Place place(Tenant tenant) {
		Scope scope = StatsAccess.of(tenant);
		access.requireWrite(scope);
		return new Place(scope, "/" + tenant.slug() + "/cijfers/beheer", tenant.name());
	}

	private Place platform(Locale locale) {
		Scope scope = Scope.platform();
		access.requireWrite(scope);
		return new Place(scope, PLATFORM_BASE, messages.getMessage("stats.admin.platform.owner", null, locale));
	}

	@PostMapping("/{slug}/cijfers/beheer/indicatoren/{code}/{action}")
	String publication(Tenant tenant, @PathVariable String code, @PathVariable String action,
			RedirectAttributes redirect, Locale locale) {
		return publication(place(tenant), code, action, redirect, locale) + "#indicators-heading";
	}

	@GetMapping("/{slug}/cijfers/beheer/indicatoren/{code}")
	String form(Tenant tenant, @PathVariable String code, Model model) {
		return form(place(tenant), code, model);
	}

	@PostMapping("/{slug}/cijfers/beheer/indicatoren/{code}")
	String save(Tenant tenant, @PathVariable String code, @RequestParam int version,
			@ModelAttribute IndicatorDescription description, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		return save(place(tenant), code, version, description, model, redirect, response, locale);
	}

	/** The shared catalogue, filtered by code or name, for the platform admin. */
	@GetMapping(PLATFORM_BASE)
	String platformList(@RequestParam(name = "q", defaultValue = "") @Size(max = 100) String query, Model model,
			Locale locale) {
		Place place = platform(locale);
		String q = query.strip().toLowerCase(Locale.ROOT);
		List<Indicator> matching = indicators.list(place.scope(), true)
			.stream()
			.filter(i -> q.isEmpty() || (i.code() + " " + i.name() + " " + (i.nameEn() == null ? "" : i.nameEn()))
				.toLowerCase(Locale.ROOT)
				.contains(q))
			.toList();
		model.addAttribute("query", query.strip());
		model.addAttribute("total", matching.size());
		model.addAttribute("own", matching.stream().limit(PLATFORM_LIST).toList());
		model.addAttribute("changed", indicators.changedSincePublication(place.scope()));
		model.addAttribute("base", place.base());
		return PLATFORM_VIEW;
	}

	@PostMapping(PLATFORM_BASE + "/indicatoren/{code}/{action}")
	String platformPublication(@PathVariable String code, @PathVariable String action, RedirectAttributes redirect,
			Locale locale) {
		return publication(platform(locale), code, action, redirect, locale);
	}

	@GetMapping(PLATFORM_BASE + "/indicatoren/{code}")
	String platformForm(@PathVariable String code, Model model, Locale locale) {
		return form(platform(locale), code, model);
	}

	@PostMapping(PLATFORM_BASE + "/indicatoren/{code}")
	String platformSave(@PathVariable String code, @RequestParam int version,
			@ModelAttribute IndicatorDescription description, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		return save(platform(locale), code, version, description, model, redirect, response, locale);
	}

	private String publication(Place place, String code, String action, RedirectAttributes redirect, Locale locale) {
		boolean publish = switch (action) {
			case "publiceren" -> true;
			case "depubliceren" -> false;
			default -> throw new NotFoundException(Reason.of("stats.refused.actionUnknown", action));
		};
		try {
			indicators.setPublished(place.scope(), code, publish);
			redirect.addFlashAttribute("indicatorDone", publish ? "published" : "unpublished");
			redirect.addFlashAttribute("indicatorCode", code);
		}
		catch (RefusedValueException ex) {
			redirect.addFlashAttribute("indicatorError", Texts.reason(messages, ex, locale));
		}
		return "redirect:" + place.base();
	}

	private String form(Place place, String code, Model model) {
		Indicator indicator = own(place.scope(), code);
		return form(place, indicator, IndicatorDescription.of(indicator), indicator.version(), model);
	}

	private String save(Place place, String code, int version, IndicatorDescription description, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		Indicator current = own(place.scope(), code);
		try {
			indicators.describe(place.scope(), code, version, description);
			redirect.addFlashAttribute("indicatorDone", "saved");
			redirect.addFlashAttribute("indicatorCode", code);
			return "redirect:" + place.edit(code);
		}
		catch (RefusedValueException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return form(place, current, description, version, model);
		}
		catch (ConcurrentChangeException ex) {
			// the form keeps what the user typed; it carries the current version, so
			// saving again overwrites knowingly
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			model.addAttribute("conflict", true);
			return form(place, current, description, current.version(), model);
		}
	}

	private Indicator own(Scope scope, String code) {
		try {
			return indicators.own(scope, code);
		}
		catch (RefusedValueException ex) {
			throw new NotFoundException(ex.reason());
		}
	}

	private String form(Place place, Indicator indicator, IndicatorDescription description, int version, Model model) {
		String id = String.valueOf(indicator.id());
		List<AuditEvent> history = place.scope().isPlatform() ? audit.platformHistory("indicator", id, 20)
				: audit.history(place.scope().tenantId(), "indicator", id, 20);
		model.addAttribute("indicator", indicator);
		model.addAttribute("description", description);
		model.addAttribute("version", version);
		model.addAttribute("history", history);
		model.addAttribute("base", place.base());
		model.addAttribute("owner", place.owner());
		return EDIT_VIEW;
	}

}
