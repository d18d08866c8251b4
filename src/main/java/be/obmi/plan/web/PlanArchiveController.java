package be.obmi.plan.web;

import java.util.function.Supplier;

import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanArchive;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A plan's archive page (everyone who reads the plan), and archiving, restoring
 * ("Herstellen") and deleting items, indicators, projects and releases (editors). A
 * refused step comes back as a message on the page it was asked from.
 */
@Controller
@RequestMapping("/{slug}/plan")
class PlanArchiveController {

	static final String ARCHIVE_VIEW = "plan/archive";

	private final PlanPages pages;

	private final PlanItems items;

	private final PlanArchive archive;

	private final MessageSource messages;

	PlanArchiveController(PlanPages pages, PlanItems items, PlanArchive archive, MessageSource messages) {
		this.pages = pages;
		this.items = items;
		this.archive = archive;
		this.messages = messages;
	}

	@GetMapping("/archief")
	String archivePage(Tenant tenant, Model model) {
		Plan plan = pages.plan(tenant);
		model.addAttribute("plan", plan);
		model.addAttribute("contents", archive.contents(tenant, plan));
		model.addAttribute("canEdit", pages.canEdit(tenant));
		return ARCHIVE_VIEW;
	}

	@PostMapping("/items/{id}/archiveren")
	String archiveItem(Tenant tenant, @PathVariable long id, RedirectAttributes redirect) {
		String actor = pages.requireEditor(tenant).getUsername();
		PlanItem item = item(tenant, id);
		return step(redirect, itemPath(tenant, id), archivePath(tenant), () -> {
			int count = archive.archive(tenant, id, actor);
			return along("plan.archive.done.item", item, count);
		});
	}

	@PostMapping("/items/{id}/verwijderen")
	String deleteItem(Tenant tenant, @PathVariable long id, RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		PlanItem item = item(tenant, id);
		boolean archived = archive.mark(tenant, id).isPresent();
		String back = archived ? archivePath(tenant) : itemPath(tenant, id);
		String done = archived ? archivePath(tenant)
				: item.parentId() == null ? "redirect:/" + tenant.slug() + "/plan" : itemPath(tenant, item.parentId());
		return step(redirect, back, done, () -> {
			int count = archive.delete(tenant, id);
			return along("plan.archive.done.deleted", item, count);
		});
	}

	@PostMapping("/archief/items/{id}/herstellen")
	String restoreItem(Tenant tenant, @PathVariable long id, RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		PlanItem item = item(tenant, id);
		return step(redirect, archivePath(tenant), itemPath(tenant, id), () -> {
			int count = archive.restore(tenant, id);
			return along("plan.archive.done.restored", item, count);
		});
	}

	@PostMapping("/items/{id}/indicatoren/{indicatorId}/archiveren")
	String archiveIndicator(Tenant tenant, @PathVariable long id, @PathVariable long indicatorId,
			RedirectAttributes redirect) {
		return archiveThing(tenant, id, PlanArchive.Thing.INDICATOR, indicatorId, "#indicatoren", redirect);
	}

	@PostMapping("/items/{id}/projecten/{projectId}/archiveren")
	String archiveProject(Tenant tenant, @PathVariable long id, @PathVariable long projectId,
			RedirectAttributes redirect) {
		return archiveThing(tenant, id, PlanArchive.Thing.PROJECT, projectId, "#projecten", redirect);
	}

	@PostMapping("/items/{id}/releases/{releaseId}/archiveren")
	String archiveRelease(Tenant tenant, @PathVariable long id, @PathVariable long releaseId,
			RedirectAttributes redirect) {
		return archiveThing(tenant, id, PlanArchive.Thing.RELEASE, releaseId, "#releases", redirect);
	}

	@PostMapping("/archief/indicatoren/{id}/herstellen")
	String restoreIndicator(Tenant tenant, @PathVariable long id, RedirectAttributes redirect) {
		return restoreThing(tenant, PlanArchive.Thing.INDICATOR, id, "#indicatoren", redirect);
	}

	@PostMapping("/archief/projecten/{id}/herstellen")
	String restoreProject(Tenant tenant, @PathVariable long id, RedirectAttributes redirect) {
		return restoreThing(tenant, PlanArchive.Thing.PROJECT, id, "#projecten", redirect);
	}

	@PostMapping("/archief/releases/{id}/herstellen")
	String restoreRelease(Tenant tenant, @PathVariable long id, RedirectAttributes redirect) {
		return restoreThing(tenant, PlanArchive.Thing.RELEASE, id, "#releases", redirect);
	}

	private String archiveThing(Tenant tenant, long itemId, PlanArchive.Thing thing, long id, String anchor,
			RedirectAttributes redirect) {
		String actor = pages.requireEditor(tenant).getUsername();
		item(tenant, itemId);
		String back = itemPath(tenant, itemId) + anchor;
		return step(redirect, back, back, () -> {
			archive.archive(tenant, thing, id, actor);
			return Reason.of("plan.archive.done.thing");
		});
	}

	private String restoreThing(Tenant tenant, PlanArchive.Thing thing, long id, String anchor,
			RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		try {
			long itemId = archive.restore(tenant, thing, id);
			redirect.addFlashAttribute("done", text(Reason.of("plan.archive.done.thingRestored")));
			return itemPath(tenant, itemId) + anchor;
		}
		catch (ConcurrentChangeException | IllegalStateException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", Texts.reason(messages, ex, LocaleContextHolder.getLocale()));
			return archivePath(tenant);
		}
	}

	/**
	 * Runs a step: on success its message and {@code done}, on a refusal the reason in
	 * the user's language and {@code back}.
	 */
	private String step(RedirectAttributes redirect, String back, String done, Supplier<Reason> work) {
		try {
			redirect.addFlashAttribute("done", text(work.get()));
			return done;
		}
		catch (ConcurrentChangeException | IllegalStateException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", Texts.reason(messages, ex, LocaleContextHolder.getLocale()));
			return back;
		}
	}

	/**
	 * "{0} is archived" or, with descendants, "{0} is archived with {1} items under it".
	 */
	private static Reason along(String code, PlanItem item, int count) {
		return count > 1 ? Reason.of(code + "With", item.code(), count - 1) : Reason.of(code, item.code());
	}

	private String text(Reason reason) {
		return messages.getMessage(reason, LocaleContextHolder.getLocale());
	}

	private PlanItem item(Tenant tenant, long id) {
		return items.byId(tenant, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String itemPath(Tenant tenant, long id) {
		return "redirect:/" + tenant.slug() + "/plan/items/" + id;
	}

	private static String archivePath(Tenant tenant) {
		return "redirect:/" + tenant.slug() + "/plan/archief";
	}

}
