package be.obmi.buildings.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.buildings.comparison.ComparisonEntries;
import be.obmi.buildings.comparison.ComparisonForm;
import be.obmi.buildings.comparison.LinkedObject;
import be.obmi.buildings.comparison.RegisterLink;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.KnowledgeRound;
import be.obmi.knowledge.KnowledgeRounds;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A city's rows of the Schillenboek comparison: its members read them, its redacteurs
 * save the row of a process while a knowledge round is open (one form per process, with
 * the row's version for optimistic locking).
 */
@Controller
@RequestMapping("/{slug}/schillenboek/vergelijking")
class ComparisonCityController {

	private final ComparisonEntries entries;

	private final KnowledgeRounds rounds;

	private final TenantAccess access;

	private final MessageSource messages;

	ComparisonCityController(ComparisonEntries entries, KnowledgeRounds rounds, TenantAccess access,
			MessageSource messages) {
		this.entries = entries;
		this.rounds = rounds;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping
	String page(Tenant tenant, Model model) {
		return show(city(tenant), model);
	}

	private String show(Tenant tenant, Model model) {
		KnowledgeRound round = rounds.openRound().orElse(null);
		model.addAttribute("round", round);
		model.addAttribute("processes", entries.processes());
		model.addAttribute("rows", entries.current(tenant));
		model.addAttribute("links", RegisterLink.values());
		model.addAttribute("objects", LinkedObject.values());
		model.addAttribute("canEdit", round != null && access.has(tenant.slug(), Role.REDACTEUR));
		return "buildings/comparison-city";
	}

	@PostMapping
	String save(Tenant tenant, @RequestParam("proces") String process, @RequestParam("ronde") long roundId,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String systeem,
			@RequestParam(required = false) String leverancier, @RequestParam(required = false) String koppeling,
			@RequestParam(required = false) String object, @RequestParam(required = false) String kwaliteit,
			@RequestParam(required = false) String maturiteit, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		String actor = access.require(tenant.slug(), Role.REDACTEUR).getUsername();
		city(tenant);
		try {
			ComparisonForm form = new ComparisonForm(process, systeem, leverancier,
					choice(RegisterLink.class, koppeling), choice(LinkedObject.class, object), kwaliteit,
					maturity(maturiteit), version);
			entries.save(tenant, roundId, form, actor, false);
			redirect.addFlashAttribute("saved", process);
			return "redirect:/" + tenant.slug() + "/schillenboek/vergelijking#proces-" + process;
		}
		catch (RefusedValueException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
		}
		catch (ConcurrentChangeException | IllegalStateException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
		}
		return show(tenant, model);
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new RefusedValueException(Reason.of("buildings.refused.comparison.linkMissing"));
		}
	}

	private static Integer maturity(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new RefusedValueException(Reason.of("buildings.refused.comparison.maturity"));
		}
	}

	static Tenant city(Tenant tenant) {
		if (!ComparisonEntries.isCompared(tenant)) {
			throw new NotFoundException(Reason.of("buildings.refused.comparison.notCompared", tenant.name()));
		}
		return tenant;
	}

}
