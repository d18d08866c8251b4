package be.obmi.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.warehouse.WarehouseRebuild;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 3: an attacker reads every public output of a seeded count family — the
 * count by sector, deelgemeente and city, by sex, by the city's own area set; its
 * denominator; the share over both — and tries the product attack (share × denominator),
 * and the difference attack over every additive relation the site publishes (city = Σ
 * deelgemeenten = Σ set members, deelgemeente = Σ sectors, set member = Σ its sectors,
 * total = men + women), repeated with everything it recovered until nothing new follows,
 * and bounds what is left by difference (interval disclosure). It recovers no suppressed
 * value and bounds none below the threshold; the warehouse's facts hide the same cells.
 */
@ObmiIntegrationTest
class DisclosureAttackIntegrationTests {

	static final String SLUG = "kortrijk";

	static final String CITY = "34022";

	static final String PERIOD = "2024";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WarehouseRebuild warehouse;

	/**
	 * What the attacker saw: key "indicator|area|breakdown" → value; and which cells were
	 * suppressed.
	 */
	final Map<String, Double> known = new HashMap<>();

	final Set<String> suppressed = new HashSet<>();

	@Test
	void noPublicOutputLetsAnAttackerRecomputeASuppressedCount() {
		List<String> sectors = jdbc.sql("""
				select s.code from stats.area s join stats.area_ancestor aa on aa.area_id = s.id
				join stats.area g on g.id = aa.ancestor_id and g.level = 'gemeente' and g.code = ?
				where s.level = 'statsec' order by s.code""").param(CITY).query(String.class).list();
		assertThat(sectors).hasSizeGreaterThan(30);
		Map<String, String> deelgemeenteOf = new HashMap<>();
		jdbc.sql("""
				select s.code as sector, d.code as deel from stats.area s join stats.area d on d.id = s.parent_id
				join stats.area_ancestor aa on aa.area_id = s.id join stats.area g on g.id = aa.ancestor_id
				where s.level = 'statsec' and d.level = 'deelgemeente' and g.level = 'gemeente' and g.code = ?""")
			.param(CITY)
			.query(rs -> {
				deelgemeenteOf.put(rs.getString("sector"), rs.getString("deel"));
			});

		ApiClient editor = ApiClient.as(port, "redacteur." + SLUG);
		String catalogue = """
				code;naam;aggregatie;teller;noemer;factor;decimalen;drempel;gepubliceerd
				aanval_n;Aanval teller;sum;;;;0;5;ja
				aanval_tot;Aanval noemer;sum;;;;0;5;ja
				aanval_pct;Aanval aandeel;ratio;aanval_n;aanval_tot;100;1;0;ja
				""";
		assertThat(editor
			.upload("/api/v1/" + SLUG + "/stats/catalogue", "c.csv", catalogue.getBytes(StandardCharsets.UTF_8),
					Map.of())
			.status()).isEqualTo(200);
		StringBuilder totals = new StringBuilder("indicator;gebied;niveau;periode;waarde\n");
		StringBuilder bySex = new StringBuilder("indicator;gebied;niveau;periode;waarde;geslacht\n");
		Map<String, List<String>> set = new LinkedHashMap<>();
		StringBuilder setFile = new StringBuilder("label;gebied;niveau\n");
		for (int i = 0; i < sectors.size(); i++) {
			String sector = sectors.get(i);
			int n = i % 6 == 0 ? 1 + i % 4 : 20 + (i * 7) % 60;
			int men = n / 2;
			totals.append("aanval_n;")
				.append(sector)
				.append(";statsec;")
				.append(PERIOD)
				.append(';')
				.append(n)
				.append('\n');
			totals.append("aanval_tot;")
				.append(sector)
				.append(";statsec;")
				.append(PERIOD)
				.append(';')
				.append(400 + (i * 13) % 300)
				.append('\n');
			bySex.append("aanval_n;")
				.append(sector)
				.append(";statsec;")
				.append(PERIOD)
				.append(';')
				.append(men)
				.append(";M\n");
			bySex.append("aanval_n;")
				.append(sector)
				.append(";statsec;")
				.append(PERIOD)
				.append(';')
				.append(n - men)
				.append(";V\n");
			String label = "deel" + (i % 5);
			set.computeIfAbsent(label, l -> new ArrayList<>()).add(sector);
			setFile.append(label).append(';').append(sector).append(";statsec\n");
		}
		assertThat(editor
			.upload("/api/v1/" + SLUG + "/stats/import", "t.csv", totals.toString().getBytes(StandardCharsets.UTF_8),
					Map.of())
			.status()).isEqualTo(200);
		assertThat(editor
			.upload("/api/v1/" + SLUG + "/stats/import", "g.csv", bySex.toString().getBytes(StandardCharsets.UTF_8),
					Map.of())
			.status()).isEqualTo(200);
		assertThat(editor
			.upload("/api/v1/" + SLUG + "/stats/area-sets/aanvalset", "s.csv",
					setFile.toString().getBytes(StandardCharsets.UTF_8), Map.of())
			.status()).isEqualTo(200);

		// every public output, read anonymously
		ApiClient anonymous = ApiClient.anonymous(port);
		for (String indicator : List.of("aanval_n", "aanval_tot", "aanval_pct")) {
			for (String level : List.of("statsec", "deelgemeente", "gemeente")) {
				read(anonymous, indicator, "/api/v1/" + SLUG + "/stats/observations?indicator=" + indicator + "&level="
						+ level + "&period=" + PERIOD + (level.equals("gemeente") ? "" : "&within=" + CITY));
				for (String sex : List.of("M", "V")) {
					readCsv(anonymous, indicator, "geslacht=" + sex,
							"/api/v1/" + SLUG + "/stats/indicators/" + indicator + "/data?format=csv&level=" + level
									+ "&breakdown=" + URLEncoder.encode("geslacht=" + sex, StandardCharsets.UTF_8));
				}
			}
			read(anonymous, indicator, "/api/v1/" + SLUG + "/stats/observations?indicator=" + indicator
					+ "&set=aanvalset&period=" + PERIOD);
		}
		assertThat(suppressed).as("the seeded small sector counts are suppressed").isNotEmpty();
		assertThat(known).containsKey("aanval_n|" + CITY + "|");

		// product: share × denominator
		Set<String> recovered = new HashSet<>();
		for (String cell : suppressed) {
			String[] p = cell.split("\\|", -1);
			if (p[0].equals("aanval_n") && known.containsKey("aanval_pct|" + p[1] + "|" + p[2])
					&& known.containsKey("aanval_tot|" + p[1] + "|" + p[2])) {
				recovered.add(cell + " (aandeel × noemer)");
			}
		}
		// difference, over every published additive relation, repeated with what it
		// recovers
		List<List<String>> relations = new ArrayList<>();
		Map<String, List<String>> sectorsOfDeel = new HashMap<>();
		sectors.forEach(s -> sectorsOfDeel.computeIfAbsent(deelgemeenteOf.get(s), d -> new ArrayList<>()).add(s));
		for (String b : List.of("", "geslacht=M", "geslacht=V")) {
			List<String> city = new ArrayList<>(List.of("aanval_n|" + CITY + "|" + b));
			sectorsOfDeel.forEach((deel, list) -> {
				city.add("aanval_n|" + deel + "|" + b);
				List<String> relation = new ArrayList<>(List.of("aanval_n|" + deel + "|" + b));
				list.forEach(s -> relation.add("aanval_n|" + s + "|" + b));
				relations.add(relation);
			});
			relations.add(city);
			List<String> citySets = new ArrayList<>(List.of("aanval_n|" + CITY + "|" + b));
			set.forEach((label, list) -> {
				citySets.add("aanval_n|" + label + "|" + b);
				List<String> relation = new ArrayList<>(List.of("aanval_n|" + label + "|" + b));
				list.forEach(s -> relation.add("aanval_n|" + s + "|" + b));
				relations.add(relation);
			});
			relations.add(citySets);
		}
		List<String> areasOfAll = new ArrayList<>(sectors);
		areasOfAll.addAll(sectorsOfDeel.keySet());
		areasOfAll.addAll(set.keySet());
		areasOfAll.add(CITY);
		for (String a : areasOfAll) {
			relations
				.add(List.of("aanval_n|" + a + "|", "aanval_n|" + a + "|geslacht=M", "aanval_n|" + a + "|geslacht=V"));
		}
		Map<String, Double> attacker = new HashMap<>(known);
		boolean progress = true;
		while (progress) {
			progress = false;
			for (List<String> relation : relations) {
				List<String> unknown = relation.stream().filter(k -> !attacker.containsKey(k)).toList();
				if (unknown.size() != 1
						|| !(suppressed.contains(unknown.get(0)) || relation.stream().anyMatch(suppressed::contains))) {
					continue;
				}
				String missing = unknown.get(0);
				double total = attacker.getOrDefault(relation.get(0), Double.NaN);
				double parts = relation.subList(1, relation.size())
					.stream()
					.filter(attacker::containsKey)
					.mapToDouble(attacker::get)
					.sum();
				double value = missing.equals(relation.get(0)) ? parts : total - parts;
				if (Double.isNaN(value)) {
					continue;
				}
				attacker.put(missing, value);
				progress = true;
				if (suppressed.contains(missing)) {
					recovered.add(missing + " (verschil: " + relation.get(0) + ")");
				}
			}
		}
		// interval: a relation with a known total bounds its unknown parts by total −
		// known parts; a suppressed cell
		// bounded below the threshold is disclosed as small
		for (List<String> relation : relations) {
			if (!attacker.containsKey(relation.get(0))) {
				continue;
			}
			List<String> parts = relation.subList(1, relation.size());
			double bound = attacker.get(relation.get(0))
					- parts.stream().filter(attacker::containsKey).mapToDouble(attacker::get).sum();
			parts.stream()
				.filter(p -> !attacker.containsKey(p) && suppressed.contains(p) && bound < 5)
				.forEach(p -> recovered.add(p + " (interval: at most " + bound + " by " + relation.get(0) + ")"));
		}
		assertThat(recovered).as("suppressed values an attacker recomputes or bounds from public outputs").isEmpty();

		// the warehouse's facts (read by BI tools) hide what the site hides, and show
		// nothing the site hides
		WarehouseRebuild.Result build = warehouse.rebuild("test: openbaarheidscontrole");
		assertThat(build.succeeded()).as(build.message()).isTrue();
		Map<String, Double> facts = new HashMap<>();
		jdbc.sql("""
				select i.code as indicator, a.code as area, f.breakdown, f.value
				from warehouse.fact_observation f
				join warehouse.dim_indicator i on i.indicator_key = f.indicator_key
				join warehouse.dim_area a on a.area_key = f.area_key
				join warehouse.dim_tenant t on t.tenant_key = f.tenant_key and t.slug = ?
				where i.code in ('aanval_n', 'aanval_tot', 'aanval_pct') and f.period = ?""")
			.params(SLUG, PERIOD)
			.query(rs -> {
				Double value = rs.getObject("value") == null ? null : rs.getDouble("value");
				facts.put(rs.getString("indicator") + "|" + rs.getString("area") + "|" + rs.getString("breakdown"),
						value);
			});
		assertThat(facts).as("the seeded cells reach the warehouse").containsKey("aanval_n|" + CITY + "|");
		List<String> revealed = new ArrayList<>();
		for (String cell : suppressed) {
			String[] p = cell.split("\\|", -1);
			// a share reveals its count (× its denominator): the count's suppressed cell
			// must not have a share either
			for (String key : List.of(cell, "aanval_pct|" + p[1] + "|" + p[2])) {
				if (facts.get(key) != null) {
					revealed.add(key + " = " + facts.get(key));
				}
			}
		}
		assertThat(revealed).as("warehouse facts showing a cell the public site suppresses").isEmpty();
	}

	private void read(ApiClient client, String indicator, String path) {
		ApiClient.Response response = client.get(path);
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
		for (JsonNode cell : response.json()) {
			String key = indicator + "|" + cell.get("area").asString() + "|";
			record(key, cell.get("status").asString(), cell.get("value"));
		}
	}

	private void readCsv(ApiClient client, String indicator, String breakdown, String path) {
		ApiClient.Response response = client.get(path);
		if (response.status() == 404 || response.status() == 400) {
			// no such breakdown of this indicator
			return;
		}
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
		List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(response.body()).stream().toList();
		List<String> header = rows.get(0).getFields();
		int area = header.indexOf("gebied");
		int value = header.indexOf("value");
		int status = header.indexOf("status");
		for (CsvRecord row : rows.subList(1, rows.size())) {
			String key = indicator + "|" + row.getField(area) + "|" + breakdown;
			String v = row.getField(value);
			String s = row.getField(status);
			if (v.isEmpty() && !s.isEmpty() && !s.equals("ok")) {
				if (indicator.equals("aanval_n")) {
					suppressed.add(key);
				}
			}
			else if (!v.isEmpty()) {
				known.put(key, Double.parseDouble(v));
			}
		}
	}

	private void record(String key, String status, JsonNode value) {
		if ("suppressed".equals(status)) {
			if (key.startsWith("aanval_n|")) {
				suppressed.add(key);
			}
		}
		else if ("ok".equals(status) && value != null && !value.isNull()) {
			known.put(key, value.asDouble());
		}
	}

}
