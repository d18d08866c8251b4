package be.obmi.plan.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import be.obmi.plan.FinancialFigures;
import be.obmi.shared.BelgianNumber;
import be.obmi.plan.domain.CouncilReport;
import be.obmi.plan.domain.Indicator;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.PlanTree;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the council report shows, prepared once for its PDF ({@link ReportPdf}) and its
 * DOCX ({@link ReportDocx}): the cover, the priority items with status texts, indicator
 * tables and charts, the finance table, numbers in the reader's format (Belgian in
 * Dutch).
 */
@Component
class ReportContent {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/MM/yyyy");

	/** A priority item of the report. */
	record Item(String css, String code, String title, String status, Integer progress, String narrative,
			String bottlenecks, List<IndicatorRow> indicators) {
	}

	/**
	 * An indicator of an item: its figures and, for a numeric one, its chart per year.
	 */
	record IndicatorRow(String name, String baseline, String latest, String target, List<Bar> chart) {
	}

	/** One year of a chart: the heights (mm) of the measurement and the target bars. */
	record Bar(int year, String measured, String target) {
	}

	/** A line of the finance table, amounts formatted. */
	record FinanceRow(String label, String expenditureEstimate, String expenditureRealisation, String rate,
			String receiptsEstimate, String receiptsRealisation) {
	}

	/** The whole report as its renderers need it. */
	record Report(Tenant tenant, CouncilReport report, String reference, String made, ItemStatus[] statuses,
			List<Item> items, List<FinanceRow> finance) {

		/** The city's colour ({@code #RRGGBB}), a dark blue without a valid one. */
		String colour() {
			String css = tenant.primaryColor();
			return css != null && css.matches("#[0-9a-fA-F]{6}") ? css : "#1F3A5F";
		}

		/** The goals (BD) among the items, for the table of contents. */
		List<Item> goals() {
			return items.stream().filter(item -> "bd".equals(item.css())).toList();
		}

	}

	private final MessageSource messages;

	ReportContent(MessageSource messages) {
		this.messages = messages;
	}

	Report of(Tenant tenant, CouncilReport report, Locale locale) {
		return new Report(tenant, report, report.round().referenceDate().format(DATE), LocalDate.now().format(DATE),
				ItemStatus.values(), report.priorityNodes().stream().map(node -> item(node, report, locale)).toList(),
				finance(report, locale));
	}

	private Item item(PlanTree.Node node, CouncilReport report, Locale locale) {
		var item = node.item();
		String css = item.type() == ItemType.AC ? "ac" : item.type() == ItemType.AP ? "ap" : "bd";
		List<IndicatorRow> indicators = report.indicators()
			.getOrDefault(item.id(), List.of())
			.stream()
			.map(d -> indicator(d, report.round().referenceDate().getYear(), locale))
			.toList();
		return new Item(css, item.code(), item.title(), statusText(node, locale), node.progress(),
				node.update() == null ? null : blankToNull(node.update().narrative()),
				node.update() == null ? null : blankToNull(node.update().bottlenecks()), indicators);
	}

	private static IndicatorRow indicator(Indicator.Details d, int year, Locale locale) {
		Indicator.Measurement latest = d.latest();
		String target = d.targets()
			.stream()
			.filter(t -> t.year() == year)
			.findFirst()
			.map(t -> t.target() != null ? BelgianNumber.format(t.target(), locale) : t.textTarget())
			.orElse("—");
		String baseline = d.indicator().baseline() == null ? "—"
				: BelgianNumber.format(d.indicator().baseline(), locale);
		String last = latest == null ? "—"
				: (latest.value() != null ? BelgianNumber.format(latest.value(), locale) : latest.textValue()) + " ("
						+ latest.measuredOn().format(DATE) + ")";
		return new IndicatorRow(d.indicator().name(), baseline, last, target, chart(d));
	}

	/**
	 * A small bar chart of an indicator: per year the last measurement (dark) next to the
	 * target (light), scaled to the largest value; none for a text indicator or without
	 * positive values.
	 */
	private static List<Bar> chart(Indicator.Details d) {
		if (d.text()) {
			return List.of();
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
		double max = Stream.concat(measured.values().stream(), targets.values().stream())
			.mapToDouble(BigDecimal::doubleValue)
			.max()
			.orElse(0);
		if (years.isEmpty() || max <= 0) {
			return List.of();
		}
		List<Bar> bars = new ArrayList<>();
		for (int year : years) {
			bars.add(new Bar(year, height(measured.get(year), max), height(targets.get(year), max)));
		}
		return bars;
	}

	private static String height(BigDecimal value, double max) {
		double mm = value == null ? 0 : Math.max(0.3, value.doubleValue() / max * 18);
		return String.format(Locale.ROOT, "%.1f", mm);
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

	/**
	 * The legal section: estimated versus realised expenditure and receipts of the year,
	 * per priority item and in total; null without financial figures.
	 */
	private List<FinanceRow> finance(CouncilReport report, Locale locale) {
		if (!report.financeAvailable()) {
			return null;
		}
		DecimalFormat euro = new DecimalFormat("#,##0.00",
				DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-BE")));
		List<FinanceRow> rows = new ArrayList<>();
		for (FinancialFigures.Amounts a : report.finance().items()) {
			rows.add(financeRow(a.code(), a, euro));
		}
		rows.add(financeRow(msg(locale, "plan.report.finance.total"), report.finance().total(), euro));
		return rows;
	}

	private static FinanceRow financeRow(String label, FinancialFigures.Amounts a, DecimalFormat euro) {
		return new FinanceRow(label, euro.format(a.expenditureEstimate()), euro.format(a.expenditureRealisation()),
				a.executionRate() == null ? "—" : a.executionRate().toPlainString().replace('.', ',') + " %",
				euro.format(a.receiptsEstimate()), euro.format(a.receiptsRealisation()));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private String msg(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
