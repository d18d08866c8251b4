package be.obmi.knowledge.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.housing.CityInstruments;
import be.obmi.knowledge.housing.HousingCatalogue;
import be.obmi.knowledge.housing.HousingInstrument;
import be.obmi.knowledge.housing.HousingRound;
import be.obmi.knowledge.housing.HousingRounds;
import be.obmi.knowledge.housing.InstrumentForm;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A city's housing-policy instruments: its members read them, its redacteurs keep them
 * (between rounds too) and, while a round is open, confirm, change or end them and submit
 * the round's task. The form names its fields after the instrument's code:
 * {@code present_5.A.1}, {@code link_5.A.1}, {@code note_5.A.1}, {@code since_5.A.1},
 * {@code version_5.A.1} (-1 for an instrument the city had no record of).
 */
@Controller
@RequestMapping("/{slug}/kennis/woonbeleid")
class HousingCityController {

	private final HousingCatalogue catalogue;

	private final CityInstruments instruments;

	private final HousingRounds rounds;

	private final TenantAccess access;

	private final MessageSource messages;

	HousingCityController(HousingCatalogue catalogue, CityInstruments instruments, HousingRounds rounds,
			TenantAccess access, MessageSource messages) {
		this.catalogue = catalogue;
		this.instruments = instruments;
		this.rounds = rounds;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping
	String page(Tenant tenant, Model model) {
		return show(city(tenant), model);
	}

	private String show(Tenant tenant, Model model) {
		HousingRound round = rounds.openRound().orElse(null);
		model.addAttribute("chapters", catalogue.byChapter());
		var records = instruments.of(tenant);
		model.addAttribute("records", records);
		model.addAttribute("demo", records.values().stream().anyMatch(r -> r.demo()));
		model.addAttribute("round", round);
		model.addAttribute("task", round == null ? null : rounds.task(round, tenant).orElse(null));
		model.addAttribute("canEdit", access.has(tenant.slug(), Role.REDACTEUR));
		return "knowledge/housing-city";
	}

	@PostMapping
	String save(Tenant tenant, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "save") @Pattern(regexp = "save|submit") String action, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String actor = access.require(tenant.slug(), Role.REDACTEUR).getUsername();
		city(tenant);
		try {
			List<InstrumentForm> forms = forms(params);
			int changed;
			if ("submit".equals(action)) {
				HousingRound round = rounds.openRound()
					.orElseThrow(() -> new RefusedStateException(Reason.of("knowledge.refused.housing.roundClosed")));
				if (!String.valueOf(round.id()).equals(params.get("round"))) {
					throw new ConcurrentChangeException(Reason.of("knowledge.refused.housing.roundChanged"));
				}
				changed = rounds.submit(tenant, round.id(), forms, number(params.get("taskVersion")), actor);
				redirect.addFlashAttribute("done", "knowledge.housing.city.done.submitted");
			}
			else {
				changed = instruments.save(tenant, forms, actor, false);
				redirect.addFlashAttribute("done", "knowledge.housing.city.done.saved");
			}
			redirect.addFlashAttribute("changed", changed);
			return "redirect:/" + tenant.slug() + "/kennis/woonbeleid";
		}
		catch (ConcurrentChangeException | IllegalStateException | IllegalArgumentException ex) {
			response.setStatus(ex instanceof ConcurrentChangeException || ex instanceof IllegalStateException
					? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", Texts.reason(messages, ex, LocaleContextHolder.getLocale()));
			return show(tenant, model);
		}
	}

	/** The entries the form sent: those instruments with a {@code version_} field. */
	private List<InstrumentForm> forms(Map<String, String> params) {
		List<InstrumentForm> forms = new ArrayList<>();
		for (HousingInstrument instrument : catalogue.instruments()) {
			String code = instrument.code();
			String version = params.get("version_" + code);
			if (version == null) {
				continue;
			}
			forms.add(new InstrumentForm(code, params.containsKey("present_" + code), params.get("link_" + code),
					params.get("note_" + code), date(code, params.get("since_" + code)), number(version)));
		}
		return forms;
	}

	private static LocalDate date(String code, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RefusedValueException(Reason.of("knowledge.refused.housing.since", code));
		}
	}

	private static int number(String text) {
		try {
			return Integer.parseInt(text == null ? "" : text.strip());
		}
		catch (NumberFormatException ex) {
			throw new RefusedValueException(Reason.of("knowledge.refused.housing.formVersion"));
		}
	}

	private static Tenant city(Tenant tenant) {
		if (!CityInstruments.isCity(tenant)) {
			throw new NotFoundException(Reason.of("knowledge.refused.housing.notACity", tenant.name()));
		}
		return tenant;
	}

}
