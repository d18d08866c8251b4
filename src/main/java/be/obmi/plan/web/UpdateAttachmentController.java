package be.obmi.plan.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.UpdateAttachments;
import be.obmi.shared.Downloads;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Attachments of a status update: uploaded and downloaded by the item's contributor and
 * plan managers (those who may see the update). A download is always offered as a file to
 * save ({@code Content-Disposition: attachment}), with the recognised content type,
 * {@code nosniff} and not cached.
 */
@Controller
@RequestMapping("/{slug}/plan/rondes/{roundId}/items/{itemId}/bijlagen")
class UpdateAttachmentController {

	private final PlanPages pages;

	private final UpdateAttachments attachments;

	private final MessageSource messages;

	UpdateAttachmentController(PlanPages pages, UpdateAttachments attachments, MessageSource messages) {
		this.pages = pages;
		this.attachments = attachments;
		this.messages = messages;
	}

	@PostMapping
	String upload(Tenant tenant, @PathVariable long roundId, @PathVariable long itemId,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect, Locale locale) {
		StatusRounds.Task task = pages.reportableUpdate(tenant, roundId, itemId);
		try {
			byte[] bytes = file == null ? new byte[0] : file.getBytes();
			attachments.attach(tenant, task.update().id(), file == null ? null : file.getOriginalFilename(), bytes,
					pages.username());
			redirect.addFlashAttribute("attached", true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("attachmentError", Texts.reason(messages, ex, locale));
		}
		return "redirect:/" + tenant.slug() + "/plan/rondes/" + roundId + "/items/" + itemId + "#attachments";
	}

	@GetMapping("/{id}")
	ResponseEntity<byte[]> download(Tenant tenant, @PathVariable long roundId, @PathVariable long itemId,
			@PathVariable long id) {
		StatusRounds.Task task = pages.reportableUpdate(tenant, roundId, itemId);
		UpdateAttachments.Content content = attachments.content(tenant, task.update().id(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return Downloads.privateFile(MediaType.parseMediaType(content.contentType()), content.filename(),
				content.bytes());
	}

}
