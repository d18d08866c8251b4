package be.obmi.stats.web;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.query.AreaReport;
import be.obmi.stats.query.StatsSite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import be.obmi.tenancy.Tenant;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The area report (steekkaart) of a wijk, deelgemeente, sector or the city, as a page
 * (key figures per theme with share and index, small trend charts, a locator map,
 * breadcrumbs) and as a PDF ({@link AreaReportPdf}). The figures are the disclosure-aware
 * ones of {@link AreaReport}.
 */
@Controller
class AreaReportController {

	private final StatsSite site;

	private final AreaReport reports;

	private final AreaReportPdf pdf;

	AreaReportController(StatsSite site, AreaReport reports, AreaReportPdf pdf) {
		this.site = site;
		this.reports = reports;
		this.pdf = pdf;
	}

	@GetMapping("/{slug}/cijfers/gebied/{level}/{code}")
	String profile(Tenant tenant, @PathVariable String level, @PathVariable String code, Model model) {
		show(report(tenant, level, code), model);
		return "stats/profile";
	}

	/**
	 * What the key-figure fragment ({@code report-fragments :: themes}) reads: of an area
	 * report, and of a theme fact sheet ({@link ThemeSheetController}).
	 */
	static void show(AreaReport.Report report, Model model) {
		model.addAttribute("report", report);
		model.addAttribute("area", report.area());
		model.addAttribute("city", report.city());
		model.addAttribute("flanders", report.flanders());
		model.addAttribute("profile", report.themes());
		model.addAttribute("demo", report.demo());
		model.addAttribute("charts", AreaReportCharts.json(report));
		model.addAttribute("sources", sources(report));
	}

	@GetMapping("/{slug}/cijfers/gebied/{level}/{code}/pdf")
	ResponseEntity<byte[]> profilePdf(Tenant tenant, @PathVariable String level, @PathVariable String code) {
		AreaReport.Report report = report(tenant, level, code);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"steekkaart-" + report.area().code() + ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf.render(tenant, report, LocaleContextHolder.getLocale()));
	}

	/** The sources of each theme's figures, each once, in the order of the figures. */
	static Map<String, List<String>> sources(AreaReport.Report report) {
		Map<String, List<String>> sources = new LinkedHashMap<>();
		report.themes()
			.forEach((theme, figures) -> sources.put(theme,
					figures.stream().map(f -> f.indicator().source()).filter(Objects::nonNull).distinct().toList()));
		return sources;
	}

	private AreaReport.Report report(Tenant tenant, String level, String code) {
		Scope scope = StatsAccess.of(tenant);
		Area city = site.city(tenant);
		Area area = site.area(level, code)
			.filter(a -> site.isWithin(a, city))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return reports.of(scope, tenant, area);
	}

}
