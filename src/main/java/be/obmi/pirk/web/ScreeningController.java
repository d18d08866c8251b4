package be.obmi.pirk.web;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.pirk.register.VacancyCases;
import be.obmi.pirk.screening.Indications;
import be.obmi.pirk.screening.Screening;
import be.obmi.pirk.screening.VisitForm;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

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
 * The screening queue (suspected and administratively vacant objects, highest score
 * first, with the rules that fired and the duration in months) and an object's screening
 * page: its indications, the rules that fired, its visits and the form to record one.
 */
@Controller
class ScreeningController {

	static final String QUEUE = "pirk/screening";

	static final String OBJECT = "pirk/screening-object";

	private final Screening screening;

	private final RealEstates objects;

	private final Indications indications;

	private final VacancyCases cases;

	private final ScreeningPages pages;

	ScreeningController(Screening screening, RealEstates objects, Indications indications, VacancyCases cases,
			ScreeningPages pages) {
		this.screening = screening;
		this.objects = objects;
		this.indications = indications;
		this.cases = cases;
		this.pages = pages;
	}

	@GetMapping("/{slug}/pirk/screening")
	String queue(Tenant tenant, @RequestParam(name = "klasse", required = false) String only, Model model) {
		VacancyClass vacancyClass = "ADMINISTRATIVE".equals(only) || "SUSPECTED".equals(only)
				? VacancyClass.valueOf(only) : null;
		model.addAttribute("candidates", screening.queue(tenant, vacancyClass, LocalDate.now(), 500));
		model.addAttribute("only", vacancyClass == null ? "" : vacancyClass.name());
		return QUEUE;
	}

	@GetMapping("/{slug}/pirk/screening/{id}")
	String object(Tenant tenant, @PathVariable long id, Model model) {
		RealEstate object = object(tenant, id);
		return page(tenant, object, VisitForm.empty(LocalDate.now(), pages.displayName(), object.version()), null,
				model);
	}

	@PostMapping("/{slug}/pirk/screening/{id}/bezoek")
	String visit(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute("form") VisitForm form,
			BindingResult errors, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		String actor = pages.requireEditor(tenant);
		RealEstate object = object(tenant, id);
		return pages.save(errors, model, locale, response, () -> {
			redirect.addFlashAttribute("visited", screening.recordVisit(tenant, id, form, actor).classAfter());
			return "/" + tenant.slug() + "/pirk/screening/" + id;
		}, () -> page(tenant, object(tenant, id), form, errors, model));
	}

	private String page(Tenant tenant, RealEstate object, VisitForm form, BindingResult errors, Model model) {
		model.addAttribute("object", object);
		model.addAttribute("months", Screening.months(object.vacantSince(), LocalDate.now()));
		model.addAttribute("indications", indications.of(tenant, object.id()));
		model.addAttribute("fired", screening.fired(tenant, object.id()));
		model.addAttribute("visits", screening.visits(tenant, object.id()));
		model.addAttribute("cases", cases.ofObject(tenant, object.id()));
		model.addAttribute("canEdit", pages.canEdit(tenant));
		pages.bind(model, "form", form, VisitForm.empty(LocalDate.now(), pages.displayName(), object.version()),
				errors);
		return OBJECT;
	}

	private RealEstate object(Tenant tenant, long id) {
		return objects.find(tenant, id)
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.objectUnknown", id)));
	}

}
