package be.obmi.buildings.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.buildings.gap.ProcessRecordImport;
import be.obmi.buildings.gap.RegisterGap;
import be.obmi.buildings.comparison.ComparisonEntries;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Texts;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A city's register-gap indicator: the shares per process, the import of its
 * process-record list (a redacteur; all or nothing, 422 with every row error), the
 * imports' history with undo. After an import or undo the shares are published in the
 * city's Stad in cijfers.
 */
@Controller
@RequestMapping("/{slug}/schillenboek/registerkloof")
class RegisterGapController {

	private final ProcessRecordImport imports;

	private final RegisterGap gap;

	private final ComparisonEntries entries;

	private final TenantAccess access;

	private final MessageSource messages;

	RegisterGapController(ProcessRecordImport imports, RegisterGap gap, ComparisonEntries entries, TenantAccess access,
			MessageSource messages) {
		this.imports = imports;
		this.gap = gap;
		this.entries = entries;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping
	String page(Tenant tenant, Model model, Locale locale) {
		model.addAttribute("lines", gap.lines(tenant));
		Map<String, String> names = new HashMap<>();
		entries.processes().forEach(p -> names.put(p.code(), p.name(locale)));
		model.addAttribute("names", names);
		model.addAttribute("imports", imports.imports(tenant));
		model.addAttribute("indicators", RegisterGap.INDICATORS);
		model.addAttribute("minRecords", RegisterGap.MIN_RECORDS);
		model.addAttribute("canEdit", access.has(tenant.slug(), Role.REDACTEUR));
		return "buildings/gap-city";
	}

	@PostMapping("/import")
	String importFile(Tenant tenant, @RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		String actor = access.require(tenant.slug(), Role.REDACTEUR).getUsername();
		try {
			ProcessRecordImport.Result result = imports.importFile(tenant, file.getOriginalFilename(), bytes(file),
					actor, false);
			boolean published = result.imported().isPresent() && gap.publish(tenant, actor);
			redirect.addFlashAttribute("imported", result.records());
			redirect.addFlashAttribute("unchanged", result.imported().isEmpty());
			redirect.addFlashAttribute("published", published);
			return "redirect:/" + tenant.slug() + "/schillenboek/registerkloof";
		}
		catch (ImportRejectedException rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", rejected.errors());
		}
		catch (ConcurrentChangeException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
		}
		return page(tenant, model, locale);
	}

	@PostMapping("/imports/{id}/ongedaan")
	String undo(Tenant tenant, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		String actor = access.require(tenant.slug(), Role.REDACTEUR).getUsername();
		try {
			imports.undo(tenant, id, actor);
			gap.publish(tenant, actor);
			redirect.addFlashAttribute("undone", id);
		}
		catch (ConcurrentChangeException | IllegalStateException ex) {
			redirect.addFlashAttribute("error", Texts.reason(messages, ex, locale));
		}
		return "redirect:/" + tenant.slug() + "/schillenboek/registerkloof";
	}

	static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
