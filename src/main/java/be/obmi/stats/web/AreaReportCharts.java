package be.obmi.stats.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.stats.query.AreaReport;
import be.obmi.stats.query.StatsSite;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small trend charts of an area report: as JSON for the page
 * ({@code static/js/stats-report.js} draws them with ECharts) and as bars for the PDF
 * (plain HTML boxes, which openhtmltopdf lays out without an SVG module). Only shown
 * values are drawn; a suppressed or missing period is a gap.
 */
final class AreaReportCharts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The tallest bar of a PDF chart, in millimetres. */
	static final double BAR_MM = 12;

	/** One bar of a PDF chart: {@code height} in millimetres (0 for a gap). */
	record Bar(String period, double height, boolean shown) {

		/** The height as CSS, for the template ({@code 7.5mm}). */
		public String css() {
			return String.format(Locale.ROOT, "%.1fmm", height);
		}

	}

	private AreaReportCharts() {
	}

	/** Indicator code → the chart's data ({@code periods} and named {@code series}). */
	static Map<String, String> json(AreaReport.Report report) {
		Map<String, String> charts = new LinkedHashMap<>();
		report.themes().values().stream().flatMap(List::stream).forEach(f -> {
			List<Map<String, Object>> series = new ArrayList<>();
			series.add(line(report.area().name(), f.trend()));
			if (!f.cityTrend().isEmpty()) {
				series.add(line(report.city().name(), f.cityTrend()));
			}
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("periods", f.periods());
			chart.put("series", series);
			charts.put(f.indicator().code(), JSON.writeValueAsString(chart));
		});
		return charts;
	}

	/**
	 * Indicator code → the bars of the area's trend, scaled from zero to the largest
	 * shown value (a count and a share both start at zero, so bars compare honestly).
	 */
	static Map<String, List<Bar>> bars(AreaReport.Report report) {
		Map<String, List<Bar>> bars = new LinkedHashMap<>();
		report.themes().values().stream().flatMap(List::stream).forEach(f -> {
			double max = f.trend()
				.stream()
				.filter(StatsSite.Shown::ok)
				.mapToDouble(s -> Math.abs(s.value()))
				.max()
				.orElse(0);
			List<Bar> list = new ArrayList<>();
			for (StatsSite.Shown s : f.trend()) {
				boolean shown = s.ok() && max > 0;
				double height = shown ? Math.max(0.3, BAR_MM * Math.abs(s.value()) / max) : 0;
				list.add(new Bar(s.period(), height, shown));
			}
			bars.put(f.indicator().code(), list);
		});
		return bars;
	}

	/** One line: its name, then its values ({@code "-"} for a gap), in this order. */
	private static Map<String, Object> line(String name, List<StatsSite.Shown> trend) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("name", name);
		line.put("values", trend.stream().map(s -> s.ok() ? (Object) s.value() : "-").toList());
		return line;
	}

}
