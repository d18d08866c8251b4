package be.obmi.plan.web;

import java.util.Locale;

import jakarta.validation.constraints.Size;

import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.UpdateComments;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Posting to the comment thread of a status update: the item's contributor and plan
 * managers (those who may see the update's page with its thread), while the round is
 * open. Back to the update's page, with the thread.
 */
@Controller
@RequestMapping("/{slug}/plan/rondes/{roundId}/items/{itemId}/opmerkingen")
class UpdateCommentController {

	private final PlanPages pages;

	private final UpdateComments comments;

	private final MessageSource messages;

	UpdateCommentController(PlanPages pages, UpdateComments comments, MessageSource messages) {
		this.pages = pages;
		this.comments = comments;
		this.messages = messages;
	}

	@PostMapping
	String post(Tenant tenant, @PathVariable long roundId, @PathVariable long itemId,
			@RequestParam @Size(max = 20000) String body, RedirectAttributes redirect, Locale locale) {
		StatusRounds.Task task = pages.reportableUpdate(tenant, roundId, itemId);
		try {
			comments.post(tenant, task.update().id(), pages.username(), body);
			redirect.addFlashAttribute("commented", true);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("commentError", Texts.reason(messages, ex, locale));
			redirect.addFlashAttribute("commentBody", body);
		}
		return "redirect:/" + tenant.slug() + "/plan/rondes/" + roundId + "/items/" + itemId + "#comments";
	}

}
