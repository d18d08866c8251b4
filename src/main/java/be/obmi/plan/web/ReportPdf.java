package be.obmi.plan.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import be.obmi.plan.domain.CouncilReport;
import be.obmi.plan.domain.Indicator;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.PlanTree;
import be.obmi.shared.InvisibleCharacters;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import be.obmi.plan.FinancialFigures;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders the council report as PDF (openhtmltopdf). The XHTML is written here rather
 * than by Thymeleaf because the PDF renderer needs well-formed XML; the texts come from
 * the same message bundle as the web page.
 */
@Component
class ReportPdf {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/MM/yyyy");

	private final MessageSource messages;

	ReportPdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(Tenant tenant, CouncilReport report, Locale locale) {
		String html = html(tenant, report, locale);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String html(Tenant tenant, CouncilReport report, Locale locale) {
		StringBuilder h = new StringBuilder(64_000);
		h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
			.append(locale.getLanguage())
			.append("\"><head><meta charset=\"UTF-8\"/><title>")
			.append(e(msg(locale, "plan.report.title", report.round().name())))
			.append("</title><style>")
			.append("@page{size:A4;margin:18mm 16mm;@bottom-right{content:counter(page) ' / ' counter(pages);font-size:8pt}}")
			.append("body{font-family:sans-serif;font-size:9.5pt;color:#1a1a1a}h1{font-size:22pt;margin:0 0 4mm}")
			.append("h2{font-size:14pt;border-bottom:1px solid #999;margin-top:8mm}h3{font-size:11pt;margin:5mm 0 1mm}")
			.append(".cover{page-break-after:always;padding-top:60mm}.muted{color:#555}")
			.append("table{width:100%;border-collapse:collapse;margin:2mm 0}th,td{border:1px solid #bbb;padding:1.2mm;text-align:left;vertical-align:top}")
			.append("th{background:#eee}.bar{background:#ddd;height:3mm;width:40mm}.fill{background:#2a6b3c;height:3mm}")
			.append(".ac{margin-left:6mm}.ap{margin-left:3mm}")
			.append("table.chart{width:auto;border:0;margin:1mm 0}table.chart td{border:0;vertical-align:bottom;padding:0 1.5mm;text-align:center;height:19mm}")
			.append("table.chart td.year{height:auto;font-size:7pt;color:#555}.bar-v{display:inline-block;width:3mm;margin:0 .3mm}")
			.append(".m{background:#2a6b3c}.t{background:#b9c9d6}.legend{font-size:7pt;color:#555;margin:0 0 2mm}")
			.append("</style></head><body>");
		// Cover
		h.append("<div class=\"cover\"><p class=\"muted\">")
			.append(e(tenant.name()))
			.append("</p><h1>")
			.append(e(msg(locale, "plan.report.heading")))
			.append("</h1><p>")
			.append(e(report.round().name()))
			.append("</p><p class=\"muted\">")
			.append(e(msg(locale, "plan.report.reference", report.round().referenceDate().format(DATE))))
			.append("</p><p class=\"muted\">")
			.append(e(report.plan().name()))
			.append("</p></div>");
		// Summary
		h.append("<h2>")
			.append(e(msg(locale, "plan.report.summary")))
			.append("</h2><table><tr><th>")
			.append(e(msg(locale, "plan.report.planProgress")))
			.append("</th><td>")
			.append(report.tree().progress())
			.append(" %</td></tr><tr><th>")
			.append(e(msg(locale, "plan.report.priorityActions")))
			.append("</th><td>")
			.append(report.priorityActionCount())
			.append("</td></tr>");
		for (ItemStatus status : ItemStatus.values()) {
			h.append("<tr><th>")
				.append(e(msg(locale, status.messageKey())))
				.append("</th><td>")
				.append(report.priorityStatusCounts().getOrDefault(status, 0))
				.append("</td></tr>");
		}
		h.append("</table>");
		// Status of the priority actions
		h.append("<h2>").append(e(msg(locale, "plan.report.priorityStatus"))).append("</h2>");
		for (PlanTree.Node node : report.priorityNodes()) {
			var item = node.item();
			String css = item.type() == ItemType.AC ? "ac" : item.type() == ItemType.AP ? "ap" : "bd";
			h.append("<div class=\"")
				.append(css)
				.append("\"><h3>")
				.append(e(item.code()))
				.append(" ")
				.append(e(item.title()))
				.append("</h3>");
			h.append("<table><tr><th>")
				.append(e(msg(locale, "plan.col.status")))
				.append("</th><td>")
				.append(e(statusText(node, locale)))
				.append("</td><th>")
				.append(e(msg(locale, "plan.col.progress")))
				.append("</th><td>")
				.append("<div class=\"bar\"><div class=\"fill\" style=\"width:")
				.append(node.progress())
				.append("%\"></div></div>")
				.append(node.progress())
				.append(" %</td></tr>");
			if (node.update() != null) {
				row(h, msg(locale, "plan.update.narrative"), node.update().narrative());
				row(h, msg(locale, "plan.update.bottlenecks"), node.update().bottlenecks());
			}
			h.append("</table>");
			List<Indicator.Details> indicators = report.indicators().getOrDefault(item.id(), List.of());
			if (!indicators.isEmpty()) {
				h.append("<table><tr><th>")
					.append(e(msg(locale, "plan.indicator.name")))
					.append("</th><th>")
					.append(e(msg(locale, "plan.indicator.baseline")))
					.append("</th><th>")
					.append(e(msg(locale, "plan.indicator.latest")))
					.append("</th><th>")
					.append(e(msg(locale, "plan.indicator.target")))
					.append("</th></tr>");
				for (Indicator.Details d : indicators) {
					Indicator.Measurement latest = d.latest();
					String target = d.targets()
						.stream()
						.filter(t -> t.year() == report.round().referenceDate().getYear())
						.findFirst()
						.map(t -> t.target() != null ? t.target().stripTrailingZeros().toPlainString() : t.textTarget())
						.orElse("—");
					h.append("<tr><td>")
						.append(e(d.indicator().name()))
						.append("</td><td>")
						.append(d.indicator().baseline() == null ? "—"
								: d.indicator().baseline().stripTrailingZeros().toPlainString())
						.append("</td><td>")
						.append(latest == null ? "—"
								: e((latest.value() != null ? latest.value().stripTrailingZeros().toPlainString()
										: latest.textValue()) + " (" + latest.measuredOn().format(DATE) + ")"))
						.append("</td><td>")
						.append(e(target))
						.append("</td></tr>");
				}
				h.append("</table>");
				for (Indicator.Details d : indicators) {
					chart(h, d, locale);
				}
			}
			h.append("</div>");
		}
		// Finance, assumptions, risks
		h.append("<h2>").append(e(msg(locale, "plan.report.finance"))).append("</h2>");
		finance(h, report, locale);
		h.append("<h2>")
			.append(e(msg(locale, "plan.report.assumptions")))
			.append("</h2><p>")
			.append(e(orNone(report.round().changedAssumptions(), locale)))
			.append("</p>");
		h.append("<h2>")
			.append(e(msg(locale, "plan.report.risks")))
			.append("</h2><p>")
			.append(e(orNone(report.round().changedRisks(), locale)))
			.append("</p>");
		h.append("</body></html>");
		return h.toString();
	}

	/**
	 * A small bar chart of an indicator: per year the last measurement (dark) next to the
	 * target (light), scaled to the largest value. The table above carries the figures;
	 * the chart shows the trend at a glance.
	 */
	private void chart(StringBuilder h, Indicator.Details d, Locale locale) {
		if (d.text()) {
			return;
		}
		TreeMap<Integer, BigDecimal> measured = new TreeMap<>();
		TreeMap<Integer, BigDecimal> targets = new TreeMap<>();
		d.measurements().forEach(m -> {
			if (m.value() != null) {
				measured.put(m.measuredOn().getYear(), m.value());
			}
		});
		d.targets().forEach(t -> {
			if (t.target() != null) {
				targets.put(t.year(), t.target());
			}
		});
		TreeSet<Integer> years = new TreeSet<>(measured.keySet());
		years.addAll(targets.keySet());
		if (years.isEmpty()) {
			return;
		}
		double max = Stream.concat(measured.values().stream(), targets.values().stream())
			.mapToDouble(BigDecimal::doubleValue)
			.max()
			.orElse(0);
		if (max <= 0) {
			return;
		}
		h.append("<table class=\"chart\"><tr>");
		for (int year : years) {
			h.append("<td>");
			bar(h, measured.get(year), max, "m");
			bar(h, targets.get(year), max, "t");
			h.append("</td>");
		}
		h.append("</tr><tr>");
		for (int year : years) {
			h.append("<td class=\"year\">").append(year).append("</td>");
		}
		h.append("</tr></table><p class=\"legend\"><span class=\"m\">&#160;&#160;</span> ")
			.append(e(msg(locale, "plan.chart.measured")))
			.append(" &#160; <span class=\"t\">&#160;&#160;</span> ")
			.append(e(msg(locale, "plan.chart.target")))
			.append("</p>");
	}

	private static void bar(StringBuilder h, BigDecimal value, double max, String css) {
		double mm = value == null ? 0 : Math.max(0.3, value.doubleValue() / max * 18);
		h.append("<div class=\"bar-v ")
			.append(css)
			.append("\" style=\"height:")
			.append(String.format(Locale.ROOT, "%.1f", mm))
			.append("mm\"></div>");
	}

	/**
	 * An item's own status, or for a goal or action plan without one the status counts of
	 * its actions.
	 */
	private String statusText(PlanTree.Node node, Locale locale) {
		if (node.status() != null) {
			return msg(locale, node.status().messageKey());
		}
		if (node.item().type() == ItemType.AC || node.statusCounts().isEmpty()) {
			return msg(locale, "plan.status.none");
		}
		return node.statusCounts()
			.entrySet()
			.stream()
			.map(entry -> msg(locale, "plan.statusCount", entry.getValue(), msg(locale, entry.getKey().messageKey())))
			.collect(Collectors.joining(", "));
	}

	private void row(StringBuilder h, String label, String value) {
		if (value != null && !value.isBlank()) {
			h.append("<tr><th>")
				.append(e(label))
				.append("</th><td colspan=\"3\">")
				.append(e(value))
				.append("</td></tr>");
		}
	}

	private String orNone(String text, Locale locale) {
		return text == null || text.isBlank() ? msg(locale, "plan.report.nothing") : text;
	}

	private String msg(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static String e(String text) {
		return text == null ? ""
				: HtmlUtils.htmlEscape(InvisibleCharacters.clean(text), "UTF-8").replace("&nbsp;", "&#160;");
	}

	/**
	 * The legal section: estimated versus realised expenditure and receipts of the year,
	 * per priority item.
	 */
	private void finance(StringBuilder h, CouncilReport report, Locale locale) {
		if (!report.financeAvailable()) {
			h.append("<p>").append(e(msg(locale, "plan.report.noFinance"))).append("</p>");
			return;
		}
		h.append("<table><caption>")
			.append(e(msg(locale, "plan.report.finance.caption", report.finance().year())))
			.append("</caption><tr><th>")
			.append(e(msg(locale, "plan.report.finance.item")))
			.append("</th><th>")
			.append(e(msg(locale, "plan.report.finance.expEstimate")))
			.append("</th><th>")
			.append(e(msg(locale, "plan.report.finance.expRealisation")))
			.append("</th><th>")
			.append(e(msg(locale, "plan.report.finance.rate")))
			.append("</th><th>")
			.append(e(msg(locale, "plan.report.finance.recEstimate")))
			.append("</th><th>")
			.append(e(msg(locale, "plan.report.finance.recRealisation")))
			.append("</th></tr>");
		for (FinancialFigures.Amounts a : report.finance().items()) {
			financeRow(h, a.code(), a);
		}
		financeRow(h, msg(locale, "plan.report.finance.total"), report.finance().total());
		h.append("</table><p>").append(e(msg(locale, "plan.report.finance.note"))).append("</p>");
	}

	private void financeRow(StringBuilder h, String label, FinancialFigures.Amounts a) {
		DecimalFormat euro = new DecimalFormat("#,##0.00",
				DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-BE")));
		h.append("<tr><td>")
			.append(e(label))
			.append("</td><td class=\"num\">")
			.append(euro.format(a.expenditureEstimate()))
			.append("</td><td class=\"num\">")
			.append(euro.format(a.expenditureRealisation()))
			.append("</td><td class=\"num\">")
			.append(a.executionRate() == null ? "—" : a.executionRate().toPlainString().replace('.', ',') + " %")
			.append("</td><td class=\"num\">")
			.append(euro.format(a.receiptsEstimate()))
			.append("</td><td class=\"num\">")
			.append(euro.format(a.receiptsRealisation()))
			.append("</td></tr>");
	}

}
