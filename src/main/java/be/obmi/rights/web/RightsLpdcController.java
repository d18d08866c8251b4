package be.obmi.rights.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.rights.lpdc.LpdcImport;
import be.obmi.rights.lpdc.LpdcSummary;
import be.obmi.shared.ApiProblem;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * A city's editor imports its LPDC instances (JSON-LD) into its catalogue of rights: the
 * page {@code /{slug}/rechten/lpdc} and the API {@code POST /api/v1/{slug}/rechten/lpdc};
 * a refused file answers 422 with the reason in the user's language and changes nothing.
 */
@Controller
class RightsLpdcController {

	/** The largest LPDC file taken (a city's catalogue is far smaller). */
	static final long MAX_BYTES = 20L * 1024 * 1024;

	private final TenantAccess access;

	private final LpdcImport lpdc;

	private final MessageSource messages;

	RightsLpdcController(TenantAccess access, LpdcImport lpdc, MessageSource messages) {
		this.access = access;
		this.lpdc = lpdc;
		this.messages = messages;
	}

	@GetMapping("/{slug}/rechten/lpdc")
	String page(Tenant tenant, Model model) {
		access.require(tenant.slug(), Role.REDACTEUR);
		model.addAttribute("history", lpdc.history(tenant.id()));
		return "rights/lpdc";
	}

	@PostMapping("/{slug}/rechten/lpdc")
	String upload(Tenant tenant, @RequestParam("file") MultipartFile file, Model model, HttpServletResponse response,
			Locale locale) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		try {
			model.addAttribute("summary",
					lpdc.importFile(tenant, file.getOriginalFilename(), bytes(file), user.getUsername()));
		}
		catch (RefusedValueException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
		}
		catch (ConcurrentChangeException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
		}
		return page(tenant, model);
	}

	@PostMapping("/api/v1/{slug}/rechten/lpdc")
	@ResponseBody
	ResponseEntity<?> api(Tenant tenant, @RequestParam("file") MultipartFile file, Locale locale) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		try {
			LpdcSummary summary = lpdc.importFile(tenant, file.getOriginalFilename(), bytes(file), user.getUsername());
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("created", summary.created());
			json.put("updated", summary.updated());
			json.put("unchanged", summary.unchanged());
			json.put("archived", summary.archived());
			json.put("skipped", summary.skipped());
			return ResponseEntity.ok(json);
		}
		catch (RefusedValueException ex) {
			return ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, Texts.reason(messages, ex, locale));
		}
		catch (ConcurrentChangeException ex) {
			return ApiProblem.of(HttpStatus.CONFLICT, Texts.reason(messages, ex, locale));
		}
	}

	private static byte[] bytes(MultipartFile file) {
		if (file.isEmpty() || file.getSize() > MAX_BYTES) {
			throw new RefusedValueException(Reason.of("rights.lpdc.refused.size", MAX_BYTES / (1024 * 1024)));
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
