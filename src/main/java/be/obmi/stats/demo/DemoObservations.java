package be.obmi.stats.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;
import be.obmi.tenancy.Municipality;

/**
 * The demo observations as a file in the long import format
 * ({@code docs/formats/stats-import.md}: {@code indicator;gebied;niveau;periode;waarde}),
 * deterministic and plausible, 2014–2024. Values are computed only at the finest level:
 * per statistical sector for the tenants' municipalities (so the platform aggregates
 * their deelgemeenten and the municipality itself from the sectors) and per gemeente for
 * every other municipality, from its 2020 inhabitants (so Flanders totals aggregate). A
 * wijk's values are the exact sums of the sectors {@link DemoWijken} assigns to it, so
 * the wijken of a city add up to the city and each wijk's ratios are those of its sums. A
 * few sectors are tiny (a handful of inhabitants) and are suppressed by disclosure
 * control.
 */
final class DemoObservations {

	static final int FIRST_YEAR = 2014;

	static final int LAST_YEAR = 2024;

	private static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;

	/** The additive demo indicators, in the order of {@link Values#numbers()}. */
	static final List<String> COUNTS = List.of("bev_totaal", "bev_0_17", "bev_18_64", "bev_65plus", "bev_mannen",
			"bev_vrouwen", "huishoudens", "woningen", "werkzoekenden", "oppervlakte");

	/**
	 * The additive values of one area in one year; the area in hundredths of a km², so
	 * that sums are exact.
	 */
	record Values(long total, long young, long working, long old, long men, long households, long homes,
			long jobseekers, long hundredthsKm2) {

		static final Values NONE = new Values(0, 0, 0, 0, 0, 0, 0, 0, 0);

		Values plus(Values o) {
			return new Values(total + o.total, young + o.young, working + o.working, old + o.old, men + o.men,
					households + o.households, homes + o.homes, jobseekers + o.jobseekers,
					hundredthsKm2 + o.hundredthsKm2);
		}

		/** The values as written, in the order of {@link #COUNTS}. */
		List<String> numbers() {
			return List.of(Long.toString(total), Long.toString(young), Long.toString(working), Long.toString(old),
					Long.toString(men), Long.toString(total - men), Long.toString(households), Long.toString(homes),
					Long.toString(jobseekers), BigDecimal.valueOf(hundredthsKm2, 2).toPlainString());
		}

	}

	private final StringBuilder csv = new StringBuilder("indicator;gebied;niveau;periode;waarde\n");

	private DemoObservations() {
	}

	/**
	 * The demo file for every municipality of {@code municipalities} that is an area; per
	 * sector (and wijk) for those in {@code cities}, per gemeente for the others.
	 */
	static byte[] file(Areas areas, List<Municipality> municipalities, Set<String> cities) {
		DemoObservations out = new DemoObservations();
		for (Municipality m : municipalities) {
			Area gemeente = areas.find("gemeente", m.nisCode()).orElse(null);
			if (gemeente == null) {
				continue;
			}
			if (cities.contains(m.nisCode())) {
				out.city(areas, gemeente, m.inhabitants());
			}
			else {
				double km2 = m.inhabitants() / (150.0 + 900 * unit(m.nisCode(), 7));
				out.write(gemeente, series(gemeente.code(), m.inhabitants(), km2));
			}
		}
		return out.csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A city's sectors, its inhabitants shared out by weight, and its wijken as sums. */
	private void city(Areas areas, Area gemeente, int inhabitants) {
		List<Area> sectors = areas.atLevel("statsec", gemeente);
		double[] weights = new double[sectors.size()];
		double total = 0;
		for (int i = 0; i < sectors.size(); i++) {
			double h = unit(sectors.get(i).code(), 8);
			// about one sector in twenty is tiny: a handful of inhabitants
			weights[i] = h < 0.05 ? 0.003 + 0.01 * h : 0.3 + h;
			total += weights[i];
		}
		Map<Long, Values[]> bySector = new HashMap<>();
		for (int i = 0; i < sectors.size(); i++) {
			Area sector = sectors.get(i);
			double km2 = 0.05 + 2.5 * Math.pow(unit(sector.code(), 9), 2);
			Values[] values = series(sector.code(), inhabitants * (weights[i] / total), km2);
			bySector.put(sector.id(), values);
			write(sector, values);
		}
		Map<Area, List<Area>> wijken = DemoWijken.assign(gemeente, areas.atLevel("wijk", gemeente), sectors,
				s -> areas.parent(s).orElse(null));
		wijken.forEach((wijk, members) -> {
			Values[] sum = new Values[YEARS];
			Arrays.fill(sum, Values.NONE);
			for (Area sector : members) {
				Values[] values = bySector.get(sector.id());
				for (int y = 0; y < YEARS; y++) {
					sum[y] = sum[y].plus(values[y]);
				}
			}
			if (!members.isEmpty()) {
				write(wijk, sum);
			}
		});
	}

	/**
	 * An area's values 2014–2024: its own profile (age, sex, household size, jobseekers,
	 * growth) from its code, around {@code inhabitants} in 2020.
	 */
	static Values[] series(String code, double inhabitants, double km2) {
		double young = 0.15 + 0.11 * unit(code, 1);
		double old = 0.12 + 0.16 * unit(code, 2);
		double men = 0.485 + 0.03 * unit(code, 3);
		double household = 1.9 + 0.7 * unit(code, 4);
		double jobless = 0.03 + 0.09 * unit(code, 5);
		double growth = -0.004 + 0.016 * unit(code, 6);
		double homesPerHousehold = 1.02 + 0.06 * unit(code, 10);
		long hundredths = Math.round(km2 * 100);
		Values[] series = new Values[YEARS];
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			long total = Math.round(inhabitants * Math.pow(1 + growth, year - 2020));
			long y = Math.round(total * young);
			long o = Math.round(total * (old + 0.002 * (year - 2020)));
			long working = Math.max(0, total - y - o);
			long hh = Math.round(total / household);
			series[year - FIRST_YEAR] = new Values(total, y, working, o, Math.round(total * men), hh,
					Math.round(hh * homesPerHousehold), Math.round(working * jobless * (1 + 0.08 * Math.sin(year))),
					hundredths);
		}
		return series;
	}

	private void write(Area area, Values[] series) {
		for (int y = 0; y < YEARS; y++) {
			List<String> numbers = series[y].numbers();
			for (int i = 0; i < COUNTS.size(); i++) {
				csv.append(COUNTS.get(i))
					.append(';')
					.append(area.code())
					.append(';')
					.append(area.level())
					.append(';')
					.append(FIRST_YEAR + y)
					.append(';')
					.append(numbers.get(i))
					.append('\n');
			}
		}
	}

	/** A deterministic number in [0, 1) from an area code and a salt. */
	static double unit(String code, int salt) {
		long h = 1125899906842597L + salt * 31L;
		for (int i = 0; i < code.length(); i++) {
			h = 31 * h + code.charAt(i);
		}
		h ^= (h >>> 33);
		h *= 0xff51afd7ed558ccdL;
		h ^= (h >>> 33);
		return (h >>> 11) / (double) (1L << 53);
	}

}
