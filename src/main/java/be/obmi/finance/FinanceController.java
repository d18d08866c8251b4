package be.obmi.finance;

import be.obmi.shared.PlausibleDate;

import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Texts;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

/** The financial service's page: upload a BBC export, see the versions, undo one. */
@Controller
class FinanceController {

	static final String VIEW = "finance/imports";

	private final FinanceImports imports;

	private final FinanceFigures figures;

	private final TenantAccess access;

	private final MessageSource messages;

	FinanceController(FinanceImports imports, FinanceFigures figures, TenantAccess access, MessageSource messages) {
		this.messages = messages;
		this.imports = imports;
		this.figures = figures;
		this.access = access;
	}

	@GetMapping("/{slug}/financien")
	String page(Tenant tenant, Model model) {
		model.addAttribute("history", imports.history(tenant));
		model.addAttribute("total", figures.summary(tenant, null, null));
		model.addAttribute("canImport", access.has(tenant.slug(), Role.REDACTEUR));
		return VIEW;
	}

	@PostMapping("/{slug}/financien/import")
	String upload(Tenant tenant, @RequestParam MultipartFile file,
			@RequestParam(required = false) @PlausibleDate @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate reportingDate,
			@RequestParam(required = false) @Size(max = 200) String label, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		access.require(tenant.slug(), Role.REDACTEUR);
		try {
			FinanceImportSummary summary = imports.importFile(tenant,
					file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
							: file.getOriginalFilename(),
					file.getBytes(), reportingDate, label);
			redirect.addFlashAttribute("summary", summary);
			return "redirect:/" + tenant.slug() + "/financien";
		}
		catch (ImportRejectedException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", ex.errors());
			return page(tenant, model);
		}
	}

	@PostMapping("/{slug}/financien/import/{id}/ongedaan")
	String undo(Tenant tenant, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		try {
			imports.undo(tenant, id);
			redirect.addFlashAttribute("undone", id);
		}
		catch (IllegalStateException | ConcurrentChangeException ex) {
			redirect.addFlashAttribute("undoError", Texts.reason(messages, ex, locale));
		}
		return "redirect:/" + tenant.slug() + "/financien";
	}

}
