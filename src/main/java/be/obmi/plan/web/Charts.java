package be.obmi.plan.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

import be.obmi.plan.domain.Indicator;

/**
 * Chart specifications as JSON for {@code data-chart} attributes;
 * {@code static/js/plan.js} draws them with ECharts. Every chart also has a data table on
 * the page.
 */
final class Charts {

	record Series(String name, List<Object> data) {
	}

	record Spec(String type, String unit, List<String> categories, List<Series> series) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Charts() {
	}

	static String json(Spec spec) {
		return JSON.writeValueAsString(spec);
	}

	/**
	 * Measurements against targets per year (the last measurement of a year counts for
	 * that year).
	 */
	static String indicator(Indicator.Details details, String measuredLabel, String targetLabel) {
		Map<Integer, BigDecimal> measured = new TreeMap<>();
		Map<Integer, BigDecimal> targets = new TreeMap<>();
		details.measurements().forEach(m -> {
			if (m.value() != null) {
				measured.put(m.measuredOn().getYear(), m.value());
			}
		});
		details.targets().forEach(t -> {
			if (t.target() != null) {
				targets.put(t.year(), t.target());
			}
		});
		TreeMap<Integer, Boolean> years = new TreeMap<>();
		measured.keySet().forEach(y -> years.put(y, true));
		targets.keySet().forEach(y -> years.put(y, true));
		List<String> categories = years.keySet().stream().map(String::valueOf).toList();
		List<Object> m = new ArrayList<>();
		List<Object> t = new ArrayList<>();
		years.keySet().forEach(y -> {
			m.add(measured.get(y));
			t.add(targets.get(y));
		});
		return json(new Spec("line", details.indicator().unit(), categories,
				List.of(new Series(measuredLabel, m), new Series(targetLabel, t))));
	}

}
