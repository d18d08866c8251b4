package be.obmi.pirk.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.register.ExemptionForm;
import be.obmi.pirk.register.InclusionForm;
import be.obmi.pirk.register.VacancyCase;
import be.obmi.pirk.register.VacancyCases;
import be.obmi.pirk.register.VacancyLevies;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.PlausibleDate;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The leegstandsregister: the list, inclusion by an administrative act, and a case's page
 * with its dated steps — receipt, appeal and decision, levy years, exemptions, removal.
 */
@Controller
class VacancyRegisterController {

	static final String LIST = "pirk/register";

	static final String FORM = "pirk/register-form";

	static final String CASE = "pirk/register-case";

	private final VacancyCases cases;

	private final VacancyLevies levies;

	private final RealEstates objects;

	private final ScreeningPages pages;

	VacancyRegisterController(VacancyCases cases, VacancyLevies levies, RealEstates objects, ScreeningPages pages) {
		this.cases = cases;
		this.levies = levies;
		this.objects = objects;
		this.pages = pages;
	}

	@GetMapping("/{slug}/pirk/leegstandsregister")
	String list(Tenant tenant, Model model) {
		model.addAttribute("cases", cases.of(tenant));
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("canEdit", pages.canEdit(tenant));
		return LIST;
	}

	@GetMapping("/{slug}/pirk/leegstandsregister/nieuw")
	String create(Tenant tenant, @RequestParam(name = "object", required = false) Long objectId, Model model) {
		pages.requireEditor(tenant);
		RealEstate object = objectId == null ? null : objects.find(tenant, objectId).orElse(null);
		return form(InclusionForm.empty(objectId, object == null ? null : object.vacantSince(), LocalDate.now()), null,
				model);
	}

	@PostMapping("/{slug}/pirk/leegstandsregister")
	String include(Tenant tenant, @Valid @ModelAttribute("form") InclusionForm form, BindingResult errors, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		String actor = pages.requireEditor(tenant);
		return pages.save(errors, model, locale, response,
				() -> "/" + tenant.slug() + "/pirk/leegstandsregister/" + cases.include(tenant, form, actor, false),
				() -> form(form, errors, model));
	}

	private String form(InclusionForm form, BindingResult errors, Model model) {
		pages.bind(model, "form", form, InclusionForm.empty(null, null, LocalDate.now()), errors);
		return FORM;
	}

	@GetMapping("/{slug}/pirk/leegstandsregister/{id}")
	String show(Tenant tenant, @PathVariable long id, Model model) {
		VacancyCase c = require(tenant, id);
		LocalDate today = LocalDate.now();
		model.addAttribute("c", c);
		model.addAttribute("today", today);
		model.addAttribute("steps", cases.steps(tenant, id));
		model.addAttribute("levies", levies.schedule(tenant, c, today));
		model.addAttribute("exemptions", levies.exemptions(tenant, id));
		model.addAttribute("exemptionKinds", ExemptionForm.KINDS);
		model.addAttribute("decisionDue",
				c.appealLodgedOn() == null ? null : c.appealLodgedOn().plusDays(cases.decisionDays()));
		model.addAttribute("canEdit", pages.canEdit(tenant));
		return CASE;
	}

	@PostMapping("/{slug}/pirk/leegstandsregister/{id}/ontvangst")
	String receipt(Tenant tenant, @PathVariable long id,
			@RequestParam @NotNull @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receiptDate,
			@RequestParam int version, Model model, Locale locale, HttpServletResponse response) {
		String actor = pages.requireEditor(tenant);
		require(tenant, id);
		return step(tenant, id, model, locale, response,
				() -> cases.recordReceipt(tenant, id, receiptDate, version, actor));
	}

	@PostMapping("/{slug}/pirk/leegstandsregister/{id}/beroep")
	String appeal(Tenant tenant, @PathVariable long id,
			@RequestParam @NotNull @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lodgedOn,
			@RequestParam int version, Model model, Locale locale, HttpServletResponse response) {
		String actor = pages.requireEditor(tenant);
		require(tenant, id);
		return step(tenant, id, model, locale, response, () -> cases.lodgeAppeal(tenant, id, lodgedOn, version, actor));
	}

	@PostMapping("/{slug}/pirk/leegstandsregister/{id}/beroep/beslissing")
	String decide(Tenant tenant, @PathVariable long id,
			@RequestParam @NotNull @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
			@RequestParam @Pattern(regexp = "UPHELD|GRANTED") String outcome, @RequestParam int version, Model model,
			Locale locale, HttpServletResponse response) {
		String actor = pages.requireEditor(tenant);
		require(tenant, id);
		return step(tenant, id, model, locale, response,
				() -> cases.decideAppeal(tenant, id, decidedOn, outcome, version, actor));
	}

	@PostMapping("/{slug}/pirk/leegstandsregister/{id}/heffing")
	String levy(Tenant tenant, @PathVariable long id, @RequestParam @Min(1) @Max(100) int year,
			@RequestParam(required = false) @DecimalMin("0") @DecimalMax("100000000") BigDecimal amount,
			@RequestParam @NotNull @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn,
			Model model, Locale locale, HttpServletResponse response) {
		String actor = pages.requireEditor(tenant);
		require(tenant, id);
		return step(tenant, id, model, locale, response,
				() -> levies.assess(tenant, id, year, amount, assessedOn, actor));
	}

	@PostMapping("/{slug}/pirk/leegstandsregister/{id}/vrijstelling")
	String exemption(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute("exemption") ExemptionForm form,
			BindingResult errors, Model model, Locale locale, HttpServletResponse response) {
		String actor = pages.requireEditor(tenant);
		require(tenant, id);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", pages.message(errors.getAllErrors().getFirst(), locale));
			return show(tenant, id, model);
		}
		return step(tenant, id, model, locale, response, () -> levies.addExemption(tenant, id, form, actor));
	}

	@PostMapping("/{slug}/pirk/leegstandsregister/{id}/schrapping")
	String removal(Tenant tenant, @PathVariable long id,
			@RequestParam @NotNull @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate useSince,
			@RequestParam @NotNull @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
			@RequestParam int version, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		String actor = pages.requireEditor(tenant);
		require(tenant, id);
		return step(tenant, id, model, locale, response, () -> redirect.addFlashAttribute("removal",
				cases.decideRemoval(tenant, id, useSince, decidedOn, version, actor)));
	}

	private String step(Tenant tenant, long id, Model model, Locale locale, HttpServletResponse response,
			Runnable step) {
		return pages.save(null, model, locale, response, () -> {
			step.run();
			return "/" + tenant.slug() + "/pirk/leegstandsregister/" + id;
		}, () -> show(tenant, id, model));
	}

	private VacancyCase require(Tenant tenant, long id) {
		return cases.find(tenant, id)
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.caseUnknown", id)));
	}

}
