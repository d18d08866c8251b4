package be.obmi.stats.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import be.obmi.shared.BelgianNumber;
import be.obmi.shared.PdfDocuments;
import be.obmi.stats.query.AreaReport;
import be.obmi.tenancy.Tenant;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The area report as PDF: the template {@code stats/profile-pdf.html} with the stylesheet
 * {@code reference/stats/profile-pdf.css} (openhtmltopdf renders on the server, so the
 * page CSP does not apply): a cover in the city's colour with its initials (the platform
 * keeps no logo files), the date made and a table of contents, then one section per theme
 * with the key figures (value, share, indexes, source) and a bar chart of each trend,
 * page numbers in the footer.
 */
@Component
class AreaReportPdf {

	/**
	 * The colour without a valid tenant colour: the same dark blue as the plan's council
	 * report.
	 */
	static final String DEFAULT_COLOUR = "#1F3A5F";

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private final PdfDocuments pdfs;

	private final String css;

	private final Clock clock;

	AreaReportPdf(PdfDocuments pdfs) {
		this.pdfs = pdfs;
		this.clock = Clock.system(BRUSSELS);
		try (InputStream in = new ClassPathResource("reference/stats/profile-pdf.css").getInputStream()) {
			this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	byte[] render(Tenant tenant, AreaReport.Report report, Locale locale) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("tenant", tenant);
		variables.put("pdfCss", css);
		variables.put("colour", colour(tenant));
		variables.put("made", made(LocalDate.now(clock), locale));
		variables.put("report", report);
		variables.put("area", report.area());
		variables.put("city", report.city());
		variables.put("flanders", report.flanders());
		variables.put("profile", report.themes());
		variables.put("demo", report.demo());
		variables.put("bars", AreaReportCharts.bars(report));
		return pdfs.render("stats/profile-pdf", locale, variables);
	}

	/** The city's colour ({@code #RRGGBB}), as on the plan's council report. */
	static String colour(Tenant tenant) {
		String css = tenant.primaryColor();
		return css != null && css.matches("#[0-9a-fA-F]{6}") ? css : DEFAULT_COLOUR;
	}

	/** The date in words, Belgian Dutch ({@code 5 december 2026}) or English. */
	static String made(LocalDate date, Locale language) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(BelgianNumber.pageLocale(language))
			.format(date);
	}

}
