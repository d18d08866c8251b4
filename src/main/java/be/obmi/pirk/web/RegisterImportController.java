package be.obmi.pirk.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.pirk.domain.RegisterType;
import be.obmi.pirk.importing.RegisterImports;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.PlausibleDate;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.Texts;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register imports: upload an extract of a register (CSV, XLSX or GeoJSON) with its
 * provenance, see every import, undo the latest of a register. The same upload through
 * the API: {@link RegisterImportApiController}.
 */
@Controller
class RegisterImportController {

	static final String VIEW = "pirk/import";

	private final RegisterImports imports;

	private final TenantAccess access;

	private final MessageSource messages;

	RegisterImportController(RegisterImports imports, TenantAccess access, MessageSource messages) {
		this.imports = imports;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/{slug}/pirk/import")
	String page(Tenant tenant, Model model) {
		model.addAttribute("history", imports.history(tenant));
		model.addAttribute("registers", RegisterType.values());
		model.addAttribute("canImport", access.has(tenant.slug(), Role.REDACTEUR));
		model.addAttribute("today", LocalDate.now());
		return VIEW;
	}

	@PostMapping("/{slug}/pirk/import")
	String upload(Tenant tenant, @RequestParam MultipartFile file,
			@RequestParam(required = false) @Size(max = 40) String register,
			@RequestParam(required = false) @Size(max = 200) String source,
			@RequestParam(required = false) @PlausibleDate @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate extractDate,
			Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		access.require(tenant.slug(), Role.REDACTEUR);
		try {
			RegisterImports.ImportSummary summary = imports.importFile(tenant, RegisterType.of(register).orElse(null),
					source, extractDate, file.getOriginalFilename(), file.getBytes(), false);
			redirect.addFlashAttribute("summary", summary);
			return "redirect:/" + tenant.slug() + "/pirk/import";
		}
		catch (ImportRejectedException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", ex.errors());
			return page(tenant, model);
		}
	}

	@PostMapping("/{slug}/pirk/import/{id}/ongedaan")
	String undo(Tenant tenant, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		try {
			imports.undo(tenant, id);
			redirect.addFlashAttribute("undone", id);
		}
		catch (RefusedStateException | ConcurrentChangeException ex) {
			redirect.addFlashAttribute("undoError", Texts.reason(messages, ex, locale));
		}
		catch (NotFoundException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/" + tenant.slug() + "/pirk/import";
	}

}
