package be.obmi.plan.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import be.obmi.plan.domain.PlanArchive;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.ProjectForm;
import be.obmi.plan.domain.Projects;
import be.obmi.plan.domain.ReleaseForm;
import be.obmi.plan.domain.Releases;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding and editing the projects and releases of an item on its page (archiving them is
 * in {@link PlanArchiveController}). A refused form is shown again on the item page with
 * its errors next to its fields (400, or 409 when someone else saved it meanwhile).
 */
@Controller
@RequestMapping("/{slug}/plan/items/{id}")
class ProjectController {

	private final PlanPages pages;

	private final PlanItems items;

	private final PlanArchive archive;

	private final Projects projects;

	private final Releases releases;

	private final ItemPage itemPage;

	private final MessageSource messages;

	ProjectController(PlanPages pages, PlanItems items, PlanArchive archive, Projects projects, Releases releases,
			ItemPage itemPage, MessageSource messages) {
		this.pages = pages;
		this.items = items;
		this.archive = archive;
		this.projects = projects;
		this.releases = releases;
		this.itemPage = itemPage;
		this.messages = messages;
	}

	@PostMapping("/projecten")
	String addProject(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute("projectForm") ProjectForm form,
			BindingResult errors, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		return save(tenant, id, "project", ItemPage.NEW, errors, model, locale, redirect, response,
				() -> projects.create(tenant, id, form));
	}

	@PostMapping("/projecten/{projectId}")
	String editProject(Tenant tenant, @PathVariable long id, @PathVariable long projectId,
			@Valid @ModelAttribute("projectForm") ProjectForm form, BindingResult errors, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		return save(tenant, id, "project", projectId, errors, model, locale, redirect, response,
				() -> projects.update(tenant, id, projectId, form));
	}

	@PostMapping("/releases")
	String addRelease(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute("releaseForm") ReleaseForm form,
			BindingResult errors, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		return save(tenant, id, "release", ItemPage.NEW, errors, model, locale, redirect, response,
				() -> releases.create(tenant, id, form));
	}

	@PostMapping("/releases/{releaseId}")
	String editRelease(Tenant tenant, @PathVariable long id, @PathVariable long releaseId,
			@Valid @ModelAttribute("releaseForm") ReleaseForm form, BindingResult errors, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		return save(tenant, id, "release", releaseId, errors, model, locale, redirect, response,
				() -> releases.update(tenant, id, releaseId, form));
	}

	/**
	 * Saves a project or release form of an active item of the tenant and goes back to
	 * its section; shows the item page again with the form's errors when it is refused.
	 */
	private String save(Tenant tenant, long id, String kind, long target, BindingResult errors, Model model,
			Locale locale, RedirectAttributes redirect, HttpServletResponse response, Runnable saving) {
		pages.requireEditor(tenant);
		PlanItem item = items.byId(tenant, id)
			.filter(i -> archive.mark(tenant, i.id()).isEmpty())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String anchor = "project".equals(kind) ? "#projecten" : "#releases";
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			itemPage.refused(model, kind, target, errors, null, locale);
			return itemPage.render(tenant, item, model, locale);
		}
		try {
			saving.run();
			redirect.addFlashAttribute("done", messages.getMessage("plan." + kind + ".saved", null, locale));
			return "redirect:/" + tenant.slug() + "/plan/items/" + id + anchor;
		}
		catch (ConcurrentChangeException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			itemPage.refused(model, kind, target, null, Texts.reason(messages, ex, locale), locale);
			return itemPage.render(tenant, item, model, locale);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			itemPage.refused(model, kind, target, null, Texts.reason(messages, ex, locale), locale);
			return itemPage.render(tenant, item, model, locale);
		}
	}

}
