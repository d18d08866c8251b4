package be.obmi.privacy.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import be.obmi.privacy.domain.DpiaModels;
import be.obmi.privacy.domain.DpiaSections;
import be.obmi.privacy.domain.Dpias;
import be.obmi.privacy.domain.ScreeningAnswer;
import be.obmi.privacy.domain.Wp248Criterion;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A city's DPIAs: the list, starting one for a processing activity from a model, the DPIA
 * page, its pre-screening on the WP248 criteria, its written sections and the data
 * subjects' views. Reading for every member; writing for redacteurs while the DPIA is a
 * draft or sent back.
 */
@Controller
@RequestMapping("/{slug}/privacy/dpia")
class DpiaController {

	private final Dpias dpias;

	private final DpiaModels models;

	private final DpiaPages pages;

	private final MessageSource messages;

	DpiaController(Dpias dpias, DpiaModels models, DpiaPages pages, MessageSource messages) {
		this.dpias = dpias;
		this.models = models;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping
	String list(Tenant tenant, Model model) {
		model.addAttribute("dpias", dpias.all(tenant));
		model.addAttribute("activities", dpias.activities(tenant));
		model.addAttribute("models", models.all());
		return "privacy/dpia-list";
	}

	@PostMapping
	String start(Tenant tenant, @RequestParam(required = false) Long activity, @RequestParam String model,
			@RequestParam(required = false) String title, Locale locale, Model page, HttpServletResponse response) {
		pages.requireEditor(tenant);
		try {
			long id = dpias.start(tenant, activity == null ? -1 : activity, model, title, locale, pages.username());
			return DpiaPages.redirect(tenant, id, "screening");
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			page.addAttribute("error", Texts.reason(messages, ex, locale));
			return list(tenant, page);
		}
	}

	@GetMapping("/{id}")
	String dpia(Tenant tenant, @PathVariable long id, Model model) {
		return pages.page(tenant, id, model);
	}

	/**
	 * The pre-screening: {@code met} lists the criteria answered "yes", {@code note-<C>}
	 * carries each criterion's note.
	 */
	@PostMapping("/{id}/voorscreening")
	String screen(Tenant tenant, @PathVariable long id, @RequestParam(required = false) List<Wp248Criterion> met,
			@RequestParam(required = false) String reasoning, @RequestParam int version,
			@RequestParam Map<String, String> params) {
		pages.requireEditor(tenant);
		List<Wp248Criterion> yes = met == null ? List.of() : met;
		List<ScreeningAnswer> answers = Arrays.stream(Wp248Criterion.values())
			.map(c -> new ScreeningAnswer(c, yes.contains(c), params.get("note-" + c.name())))
			.toList();
		dpias.screen(tenant, id, answers, reasoning, version);
		return DpiaPages.redirect(tenant, id, "screening");
	}

	@PostMapping("/{id}/secties")
	String sections(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute DpiaSections sections) {
		pages.requireEditor(tenant);
		dpias.saveSections(tenant, id, sections);
		return DpiaPages.redirect(tenant, id, "sections");
	}

	@PostMapping("/{id}/betrokkenen")
	String views(Tenant tenant, @PathVariable long id, @RequestParam(required = false) String views,
			@RequestParam(required = false) String notSought, @RequestParam int version) {
		pages.requireEditor(tenant);
		dpias.saveViews(tenant, id, views, notSought, version);
		return DpiaPages.redirect(tenant, id, "views");
	}

	@ExceptionHandler({ ConcurrentChangeException.class, IllegalStateException.class, IllegalArgumentException.class })
	String refused(Tenant tenant, RuntimeException ex, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return pages.refused(tenant, ex, model, request, response);
	}

}
