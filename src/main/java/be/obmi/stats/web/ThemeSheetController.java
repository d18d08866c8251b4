package be.obmi.stats.web;

import java.util.List;
import java.util.Locale;

import be.obmi.identity.ObmiUser;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Texts;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.domain.ThemeSheets;
import be.obmi.stats.query.AreaReport;
import be.obmi.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Theme fact sheets (steekkaart met kerncijfers per thema): the public list and each
 * sheet with the city's own figures and text; for the data team, drafting a sheet every
 * city can use and writing the city's text on any sheet ({@link ThemeSheets}).
 */
@Controller
class ThemeSheetController {

	private final ThemeSheets sheets;

	private final AreaReport reports;

	private final StatsAccess access;

	private final Indicators indicators;

	private final MessageSource messages;

	ThemeSheetController(ThemeSheets sheets, AreaReport reports, StatsAccess access, Indicators indicators,
			MessageSource messages) {
		this.sheets = sheets;
		this.reports = reports;
		this.access = access;
		this.indicators = indicators;
		this.messages = messages;
	}

	@GetMapping("/{slug}/cijfers/themafiches")
	String list(Tenant tenant, Model model) {
		model.addAttribute("sheets", sheets.all());
		return "stats/theme-sheets";
	}

	@GetMapping("/{slug}/cijfers/themafiches/{id}")
	String sheet(Tenant tenant, @PathVariable long id, Model model) {
		ThemeSheets.ThemeSheet sheet = sheets.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		AreaReport.Report report = reports.sheet(StatsAccess.of(tenant), tenant, sheet.title(), sheet.codes());
		model.addAttribute("sheet", sheet);
		model.addAttribute("text", sheets.text(id, tenant.id()));
		AreaReportController.show(report, model);
		return "stats/theme-sheet";
	}

	@GetMapping("/{slug}/cijfers/beheer/themafiches")
	String admin(Tenant tenant, @RequestParam(required = false) Long sheet, Model model) {
		Scope scope = StatsAccess.of(tenant);
		access.requireWrite(scope);
		model.addAttribute("sheets", sheets.all());
		model.addAttribute("maxText", ThemeSheets.MAX_TEXT);
		model.addAttribute("maxFigures", ThemeSheets.MAX_FIGURES);
		model.addAttribute("catalogue",
				indicators.list(Scope.platform(), false)
					.stream()
					.filter(i -> i.tenantId() == null && i.published())
					.toList());
		if (sheet != null) {
			ThemeSheets.ThemeSheet chosen = sheets.find(sheet)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			model.addAttribute("chosen", chosen);
			model.addAttribute("mine", chosen.draftedBy() != null && chosen.draftedBy() == tenant.id());
			model.addAttribute("text", sheets.text(chosen.id(), tenant.id()));
		}
		return "stats/theme-sheets-admin";
	}

	@PostMapping("/{slug}/cijfers/beheer/themafiches")
	String create(Tenant tenant, @RequestParam String title,
			@RequestParam(name = "indicator", required = false) List<String> codes, RedirectAttributes redirect,
			HttpServletResponse response, Model model, Locale locale) {
		ObmiUser user = access.requireWrite(StatsAccess.of(tenant));
		try {
			ThemeSheets.ThemeSheet sheet = sheets.create(tenant.id(), title, null, codes, user.getUsername());
			redirect.addFlashAttribute("done",
					messages.getMessage("stats.sheets.created", new Object[] { sheet.title() }, locale));
			return "redirect:/" + tenant.slug() + "/cijfers/beheer/themafiches?sheet=" + sheet.id();
		}
		catch (IllegalArgumentException ex) {
			return refused(tenant, null, ex, response, model, locale);
		}
	}

	@PostMapping("/{slug}/cijfers/beheer/themafiches/{id}")
	String update(Tenant tenant, @PathVariable long id, @RequestParam int version, @RequestParam String title,
			@RequestParam(name = "indicator", required = false) List<String> codes, RedirectAttributes redirect,
			HttpServletResponse response, Model model, Locale locale) {
		ObmiUser user = access.requireWrite(StatsAccess.of(tenant));
		try {
			sheets.update(tenant.id(), id, version, title, codes, user.getUsername());
			redirect.addFlashAttribute("done", messages.getMessage("stats.sheets.saved", null, locale));
			return "redirect:/" + tenant.slug() + "/cijfers/beheer/themafiches?sheet=" + id;
		}
		catch (IllegalArgumentException | ConcurrentChangeException ex) {
			return refused(tenant, id, ex, response, model, locale);
		}
	}

	@PostMapping("/{slug}/cijfers/beheer/themafiches/{id}/tekst")
	String text(Tenant tenant, @PathVariable long id, @RequestParam int version, @RequestParam String body,
			RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) {
		ObmiUser user = access.requireWrite(StatsAccess.of(tenant));
		try {
			sheets.saveText(tenant.id(), id, version, body, user.getUsername());
			redirect.addFlashAttribute("done", messages.getMessage("stats.sheets.textSaved", null, locale));
			return "redirect:/" + tenant.slug() + "/cijfers/beheer/themafiches?sheet=" + id;
		}
		catch (IllegalArgumentException | ConcurrentChangeException ex) {
			return refused(tenant, id, ex, response, model, locale);
		}
	}

	private String refused(Tenant tenant, Long id, RuntimeException ex, HttpServletResponse response, Model model,
			Locale locale) {
		response.setStatus(ex instanceof ConcurrentChangeException ? HttpServletResponse.SC_CONFLICT
				: HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error", Texts.reason(messages, ex, locale));
		return admin(tenant, id, model);
	}

}
