package be.obmi.stats.demo;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.query.DisclosureControl;

import be.obmi.shared.PostgresCopy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import be.obmi.tenancy.Municipalities;
import be.obmi.tenancy.Municipality;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: deterministic, plausible values of core indicators 2014–2024 for every
 * statistical sector and wijk of the centrumsteden and for every other municipality of
 * Flanders and Brussels (so Flanders totals aggregate), marked {@code demo} so the site
 * labels them. Loaded with COPY, only when absent.
 */
@Component
public class StatsDemoData {

	private static final Logger log = LoggerFactory.getLogger(StatsDemoData.class);

	static final String SOURCE = "OBMi-demogegevens (fictief, afgeleid van het inwonersaantal 2020)";

	static final int FIRST_YEAR = 2014;

	static final int LAST_YEAR = 2024;

	/**
	 * code, name, theme, unit, aggregation, numerator, denominator, factor, decimals,
	 * threshold, definition
	 */
	static final String[][] INDICATORS = {
			{ "bev_totaal", "Inwoners", "Demografie", "inwoners", "sum", null, null, "1", "0", "5",
					"Aantal inwoners op 1 januari." },
			{ "bev_0_17", "Inwoners 0-17 jaar", "Demografie", "inwoners", "sum", null, null, "1", "0", "5",
					"Aantal inwoners jonger dan 18 jaar op 1 januari." },
			{ "bev_18_64", "Inwoners 18-64 jaar", "Demografie", "inwoners", "sum", null, null, "1", "0", "5",
					"Aantal inwoners van 18 tot en met 64 jaar op 1 januari." },
			{ "bev_65plus", "Inwoners 65 jaar en ouder", "Demografie", "inwoners", "sum", null, null, "1", "0", "5",
					"Aantal inwoners van 65 jaar of ouder op 1 januari." },
			{ "bev_mannen", "Mannen", "Demografie", "inwoners", "sum", null, null, "1", "0", "5",
					"Aantal mannelijke inwoners op 1 januari." },
			{ "bev_vrouwen", "Vrouwen", "Demografie", "inwoners", "sum", null, null, "1", "0", "5",
					"Aantal vrouwelijke inwoners op 1 januari." },
			{ "bev_0_17_pct", "Aandeel jongeren (0-17 jaar)", "Demografie", "procent", "ratio", "bev_0_17",
					"bev_totaal", "100", "1", "0", "Inwoners jonger dan 18 jaar ten opzichte van alle inwoners." },
			{ "bev_65plus_pct", "Aandeel 65-plussers", "Demografie", "procent", "ratio", "bev_65plus", "bev_totaal",
					"100", "1", "0", "Inwoners van 65 jaar of ouder ten opzichte van alle inwoners." },
			{ "huishoudens", "Private huishoudens", "Demografie", "huishoudens", "sum", null, null, "1", "0", "5",
					"Aantal private huishoudens op 1 januari." },
			{ "gem_huishoudgrootte", "Gemiddelde huishoudgrootte", "Demografie", "personen per huishouden", "ratio",
					"bev_totaal", "huishoudens", "1", "2", "0",
					"Inwoners gedeeld door het aantal private huishoudens." },
			{ "oppervlakte", "Oppervlakte", "Ruimte", "km²", "sum", null, null, "1", "2", "0",
					"Oppervlakte van het gebied in vierkante kilometer." },
			{ "bevolkingsdichtheid", "Bevolkingsdichtheid", "Ruimte", "inwoners per km²", "ratio", "bev_totaal",
					"oppervlakte", "1", "0", "0", "Inwoners per vierkante kilometer." },
			{ "woningen", "Woongelegenheden", "Wonen en woonomgeving", "woningen", "sum", null, null, "1", "0", "5",
					"Aantal woongelegenheden volgens het kadaster op 1 januari." },
			{ "woningen_per_huishouden", "Woningen per 100 huishoudens", "Wonen en woonomgeving", "per 100 huishoudens",
					"ratio", "woningen", "huishoudens", "100", "1", "0",
					"Woongelegenheden per 100 private huishoudens." },
			{ "werkzoekenden", "Niet-werkende werkzoekenden", "Werk", "personen", "sum", null, null, "1", "0", "5",
					"Aantal niet-werkende werkzoekenden (jaargemiddelde)." },
			{ "werkzoekenden_pct", "Werkzoekendengraad", "Werk", "procent", "ratio", "werkzoekenden", "bev_18_64",
					"100", "1", "0",
					"Niet-werkende werkzoekenden ten opzichte van de inwoners van 18 tot en met 64 jaar." } };

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final Areas areas;

	private final Municipalities municipalities;

	private final Tenants tenants;

	private final boolean enabled;

	private final DisclosureControl disclosure;

	StatsDemoData(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction, Areas areas,
			Municipalities municipalities, Tenants tenants, DisclosureControl disclosure,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.disclosure = disclosure;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.areas = areas;
		this.municipalities = municipalities;
		this.tenants = tenants;
		this.enabled = enabled;
	}

	/**
	 * Loads the demo statistics unless they are there (called after the reference data).
	 */
	public void loadIfMissing() {
		if (!enabled || jdbc.sql("select count(*) from stats.indicator where tenant_id is null and code = 'bev_totaal'")
			.query(Long.class)
			.single() > 0) {
			return;
		}
		long start = System.nanoTime();
		int rows = transaction.execute(status -> {
			disclosure.forgetAll();
			return load();
		});
		log.info("Stats demo data: {} observations in {} ms", rows, (System.nanoTime() - start) / 1_000_000);
	}

	private int load() {
		Map<String, Long> ids = new HashMap<>();
		for (String[] d : INDICATORS) {
			long id = jdbc
				.sql("""
						insert into stats.indicator (code, name, theme, definition, unit, source, kind, numerator_id, denominator_id,
						  factor, aggregation, decimals, threshold, published, demo)
						values (?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?, ?, ?, true, true) returning id""")
				.params(d[0], d[1], d[2], d[10], d[3], SOURCE, d[5] == null ? null : ids.get(d[5]),
						d[6] == null ? null : ids.get(d[6]), Double.parseDouble(d[7]), d[4], Integer.parseInt(d[8]),
						Integer.parseInt(d[9]))
				.query(Long.class)
				.single();
			ids.put(d[0], id);
		}
		Set<String> cities = tenants.all()
			.stream()
			.map(Tenant::nisCode)
			.filter(c -> c != null)
			.collect(Collectors.toSet());
		PostgresCopy.Rows rows = new PostgresCopy.Rows();
		int count = 0;
		for (Municipality m : municipalities.all()) {
			Area gemeente = areas.find("gemeente", m.nisCode()).orElse(null);
			if (gemeente == null) {
				continue;
			}
			if (!cities.contains(m.nisCode())) {
				count += emit(rows, ids, gemeente, m.inhabitants(), 1.0,
						m.inhabitants() / (150.0 + 900 * unit(m.nisCode(), 7)));
				continue;
			}
			for (String level : List.of("statsec", "wijk")) {
				List<Area> parts = areas.atLevel(level, gemeente);
				List<Double> weights = new ArrayList<>();
				double total = 0;
				for (Area part : parts) {
					double h = unit(part.code(), 8);
					double w = h < 0.05 ? 0.003 + 0.01 * h : 0.3 + h;
					weights.add(w);
					total += w;
				}
				for (int i = 0; i < parts.size(); i++) {
					Area part = parts.get(i);
					double share = weights.get(i) / total;
					double km2 = 0.05 + 2.5 * Math.pow(unit(part.code(), 9), 2);
					count += emit(rows, ids, part, m.inhabitants(), share, km2);
				}
			}
		}
		PostgresCopy.in(dataSource, "stats.observation (indicator_id, area_id, period, value)", rows);
		return count;
	}

	private static int emit(PostgresCopy.Rows rows, Map<String, Long> ids, Area area, int inhabitants, double share,
			double km2) {
		String c = area.code();
		double young = 0.15 + 0.11 * unit(c, 1);
		double old = 0.12 + 0.16 * unit(c, 2);
		double men = 0.485 + 0.03 * unit(c, 3);
		double household = 1.9 + 0.7 * unit(c, 4);
		double jobless = 0.03 + 0.09 * unit(c, 5);
		double growth = -0.004 + 0.016 * unit(c, 6);
		int n = 0;
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			long total = Math.round(inhabitants * share * Math.pow(1 + growth, year - 2020));
			long y = Math.round(total * young);
			long o = Math.round(total * (old + 0.002 * (year - 2020)));
			long working = Math.max(0, total - y - o);
			long m = Math.round(total * men);
			long hh = Math.round(total / household);
			long homes = Math.round(hh * (1.02 + 0.06 * unit(c, 10)));
			long jobseekers = Math.round(working * jobless * (1 + 0.08 * Math.sin(year)));
			String period = String.valueOf(year);
			n += put(rows, ids, "bev_totaal", area, period, total);
			n += put(rows, ids, "bev_0_17", area, period, y);
			n += put(rows, ids, "bev_18_64", area, period, working);
			n += put(rows, ids, "bev_65plus", area, period, o);
			n += put(rows, ids, "bev_mannen", area, period, m);
			n += put(rows, ids, "bev_vrouwen", area, period, total - m);
			n += put(rows, ids, "huishoudens", area, period, hh);
			n += put(rows, ids, "woningen", area, period, homes);
			n += put(rows, ids, "werkzoekenden", area, period, jobseekers);
			n += put(rows, ids, "oppervlakte", area, period, Math.round(km2 * 100) / 100.0);
		}
		return n;
	}

	private static int put(PostgresCopy.Rows rows, Map<String, Long> ids, String code, Area area, String period,
			Number value) {
		rows.add(ids.get(code)).add(area.id()).add(period).add(value).end();
		return 1;
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
