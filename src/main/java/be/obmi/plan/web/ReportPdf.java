package be.obmi.plan.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import be.obmi.shared.PdfDocuments;

import org.springframework.stereotype.Component;

/**
 * The council report as PDF: the template {@code plan/report-pdf.html} (cover in the
 * city's colour, table of contents with page numbers, summary, priority items, finance,
 * assumptions and risks) rendered by {@link PdfDocuments} from {@link ReportContent}.
 */
@Component
class ReportPdf {

	private final PdfDocuments pdfs;

	ReportPdf(PdfDocuments pdfs) {
		this.pdfs = pdfs;
	}

	byte[] render(ReportContent.Report content, Locale locale) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("tenant", content.tenant());
		variables.put("report", content.report());
		variables.put("reference", content.reference());
		variables.put("made", content.made());
		variables.put("colour", content.colour());
		variables.put("statuses", content.statuses());
		variables.put("items", content.items());
		variables.put("goals", content.goals());
		variables.put("finance", content.finance());
		return pdfs.render("plan/report-pdf", locale, variables);
	}

}
