package be.obmi.privacy.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.obmi.privacy.domain.DpiaAttachments;
import be.obmi.privacy.domain.Dpias;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Downloads;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The steps of a DPIA: the DPO's opinion and the DPO requiring a DPIA (only the tenant's
 * DPO), submitting (a redacteur, the evaluator), validating or asking for changes (a
 * beheerder), and the signed document (PDF). Each step carries the version the user saw:
 * a step taken meanwhile by someone else makes this one a 409.
 */
@Controller
@RequestMapping("/{slug}/privacy/dpia/{id}")
class DpiaStepController {

	private final Dpias dpias;

	private final DpiaAttachments attachments;

	private final DpiaPages pages;

	DpiaStepController(Dpias dpias, DpiaAttachments attachments, DpiaPages pages) {
		this.dpias = dpias;
		this.attachments = attachments;
		this.pages = pages;
	}

	@PostMapping("/advies")
	String opinion(Tenant tenant, @PathVariable long id, @RequestParam(required = false) String opinion,
			@RequestParam int version) {
		pages.requireDpo(tenant);
		dpias.saveOpinion(tenant, id, opinion, version, pages.username());
		return DpiaPages.redirect(tenant, id, "opinion");
	}

	@PostMapping("/dpo-vereist")
	String dpoRequired(Tenant tenant, @PathVariable long id, @RequestParam boolean required,
			@RequestParam int version) {
		pages.requireDpo(tenant);
		dpias.dpoRequire(tenant, id, required, version);
		return DpiaPages.redirect(tenant, id, "screening");
	}

	@PostMapping("/indienen")
	String submit(Tenant tenant, @PathVariable long id, @RequestParam int version) {
		pages.requireEditor(tenant);
		dpias.submit(tenant, id, version, pages.username());
		return DpiaPages.redirect(tenant, id, "validation");
	}

	@PostMapping("/valideren")
	String validate(Tenant tenant, @PathVariable long id, @RequestParam int version) {
		pages.requireBeheerder(tenant);
		dpias.validate(tenant, id, version, pages.username());
		return DpiaPages.redirect(tenant, id, "validation");
	}

	@PostMapping("/aanpassingen")
	String askChanges(Tenant tenant, @PathVariable long id, @RequestParam(required = false) String remark,
			@RequestParam int version) {
		pages.requireBeheerder(tenant);
		dpias.reject(tenant, id, remark, version, pages.username());
		return DpiaPages.redirect(tenant, id, "validation");
	}

	@PostMapping("/bijlage")
	String attach(Tenant tenant, @PathVariable long id, @RequestParam(required = false) MultipartFile file) {
		pages.requireEditor(tenant);
		try {
			byte[] bytes = file == null ? new byte[0] : file.getBytes();
			attachments.attach(tenant, id, file == null ? null : file.getOriginalFilename(), bytes, pages.username());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return DpiaPages.redirect(tenant, id, "attachment");
	}

	@GetMapping("/bijlage")
	ResponseEntity<byte[]> download(Tenant tenant, @PathVariable long id) {
		dpias.require(tenant, id);
		DpiaAttachments.Content content = attachments.content(tenant, id)
			.orElseThrow(() -> new NotFoundException(Reason.of("privacy.refused.dpia.attachmentUnknown")));
		return Downloads.privateFile(MediaType.APPLICATION_PDF, content.filename(), content.bytes());
	}

	@ExceptionHandler({ ConcurrentChangeException.class, IllegalStateException.class, IllegalArgumentException.class })
	String refused(Tenant tenant, RuntimeException ex, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return pages.refused(tenant, ex, model, request, response);
	}

}
