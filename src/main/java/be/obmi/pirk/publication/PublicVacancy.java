package be.obmi.pirk.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.stats.TenantFigures;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;

/**
 * What the public may see of PIRK: the published vacancy indicators per wijk, sector and
 * for the municipality, read back through the statistics with their disclosure control
 * (so the public page and Stad in cijfers show the same, hidden cells included). Holds no
 * address, no owner and no object: only area codes, names and counts.
 */
@Service
public class PublicVacancy {

	/** One area's figures; a null value is hidden (or missing). */
	public record Row(String areaCode, String areaName, Double units, boolean unitsHidden, Double inflow,
			boolean inflowHidden, Double outflow, boolean outflowHidden, Double averageMonths) {
	}

	/** The figures of a half-year at one level. */
	public record Table(String period, String level, Row total, List<Row> rows) {
	}

	private final TenantFigures stats;

	PublicVacancy(TenantFigures stats) {
		this.stats = stats;
	}

	/** The published half-years, newest first. */
	public List<String> periods(Tenant tenant) {
		List<String> periods = new ArrayList<>(stats.periods(tenant, VacancyIndicators.UNITS));
		periods.sort((a, b) -> b.compareTo(a));
		return periods;
	}

	/**
	 * The figures of the period at the level ({@code wijk} or {@code statsec}) and for
	 * the municipality; the newest period when {@code period} is not published.
	 */
	public Table table(Tenant tenant, String period, String level) {
		List<String> periods = periods(tenant);
		if (periods.isEmpty()) {
			return new Table(null, level, null, List.of());
		}
		String shown = periods.contains(period) ? period : periods.getFirst();
		String shownLevel = "statsec".equals(level) ? "statsec" : "wijk";
		List<Row> rows = rows(tenant, shown, shownLevel);
		List<Row> total = rows(tenant, shown, "gemeente");
		return new Table(shown, shownLevel, total.isEmpty() ? null : total.getFirst(), rows);
	}

	private List<Row> rows(Tenant tenant, String period, String level) {
		Map<String, TenantFigures.PublicCell> units = byArea(
				stats.publicCells(tenant, VacancyIndicators.UNITS, level, period));
		Map<String, TenantFigures.PublicCell> inflow = byArea(
				stats.publicCells(tenant, VacancyIndicators.INFLOW, level, period));
		Map<String, TenantFigures.PublicCell> outflow = byArea(
				stats.publicCells(tenant, VacancyIndicators.OUTFLOW, level, period));
		Map<String, TenantFigures.PublicCell> duration = byArea(
				stats.publicCells(tenant, VacancyIndicators.DURATION, level, period));
		List<Row> rows = new ArrayList<>();
		units.forEach((code, cell) -> {
			TenantFigures.PublicCell in = inflow.get(code);
			TenantFigures.PublicCell out = outflow.get(code);
			TenantFigures.PublicCell months = duration.get(code);
			rows.add(new Row(code, cell.areaName(), cell.value(), cell.suppressed(), in == null ? null : in.value(),
					in != null && in.suppressed(), out == null ? null : out.value(), out != null && out.suppressed(),
					months == null || cell.suppressed() ? null : months.value()));
		});
		return rows;
	}

	private static Map<String, TenantFigures.PublicCell> byArea(List<TenantFigures.PublicCell> cells) {
		Map<String, TenantFigures.PublicCell> map = new LinkedHashMap<>();
		cells.forEach(c -> map.put(c.areaCode(), c));
		return map;
	}

}
