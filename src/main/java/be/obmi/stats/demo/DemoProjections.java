package be.obmi.stats.demo;

import be.obmi.stats.domain.Scope;
import be.obmi.stats.importing.ProjectionImport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo projections (issue 21), fictitious and marked demo: inhabitants and households of
 * every municipality for 2025–2040, three scenarios, base year 2024, grown from each
 * municipality's demo figure of 2024 at a rate derived from its code. Imported through
 * {@link ProjectionImport} as {@value #FILE_NAME} (in the documented format,
 * docs/formats/stats-projections.md), only when absent and only with the demo data.
 */
@Component
class DemoProjections implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(DemoProjections.class);

	static final String FILE_NAME = "demo-projecties.csv";

	static final List<String> INDICATORS = List.of("bev_totaal", "huishoudens");

	/** Scenario → extra yearly growth beside the municipality's own rate. */
	static final Map<String, Double> SCENARIOS = Map.of("hoofdscenario (demo)", 0.0, "lage groei (demo)", -0.004,
			"hoge groei (demo)", 0.004);

	static final int BASE_YEAR = 2024;

	private final StatsDemoData demo;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ProjectionImport projections;

	private final boolean enabled;

	DemoProjections(StatsDemoData demo, JdbcClient jdbc, TransactionTemplate transaction, ProjectionImport projections,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.demo = demo;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.projections = projections;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		demo.initialize();
		transaction.executeWithoutResult(status -> {
			if (jdbc
				.sql("select exists (select 1 from stats.projection_import where tenant_id is null and filename = ?)")
				.param(FILE_NAME)
				.query(Boolean.class)
				.single()) {
				return;
			}
			byte[] file = file(bases());
			if (file.length > 0) {
				ProjectionImport.Result result = projections.importFile(Scope.platform(), FILE_NAME, file,
						StatsDemoData.ACTOR, true);
				log.info("Stats demo projections: {} values", result.rows());
			}
		});
	}

	/**
	 * Each demo indicator's 2024 figure per municipality (code → value), summed from the
	 * finest stored level (sectors of the centrumsteden, the municipality elsewhere).
	 */
	private Map<String, Map<String, Double>> bases() {
		Map<String, Map<String, Double>> bases = new LinkedHashMap<>();
		jdbc.sql("""
				select i.code as indicator, c.code as municipality, sum(o.value) as total
				from stats.observation o join stats.indicator i on i.id = o.indicator_id
				join stats.area a on a.id = o.area_id
				join stats.area_ancestor aa on aa.area_id = a.id
				join stats.area c on c.id = aa.ancestor_id and c.level = 'gemeente'
				where i.tenant_id is null and o.tenant_id is null and i.code in (:codes) and o.breakdown = ''
				  and o.period = :period and a.level in ('statsec', 'gemeente') and o.value is not null
				group by i.code, c.code order by 1, 2""")
			.param("codes", INDICATORS)
			.param("period", String.valueOf(BASE_YEAR))
			.query(rs -> {
				bases.computeIfAbsent(rs.getString("indicator"), k -> new LinkedHashMap<>())
					.put(rs.getString("municipality"), rs.getDouble("total"));
			});
		return bases;
	}

	static byte[] file(Map<String, Map<String, Double>> bases) {
		if (bases.isEmpty()) {
			return new byte[0];
		}
		StringBuilder csv = new StringBuilder("indicator;gebied;niveau;jaar;waarde;scenario;basisjaar\n");
		bases.forEach((indicator, values) -> values.forEach((code, base) -> {
			double rate = (Math.floorMod(code.hashCode(), 11) - 2) / 1000.0;
			SCENARIOS.forEach((scenario, extra) -> {
				for (int year = 2025; year <= 2040; year++) {
					double value = Math.round(base * Math.pow(1 + rate + extra, year - BASE_YEAR));
					csv.append(String.format(Locale.ROOT, "%s;%s;gemeente;%d;%d;%s;%d%n", indicator, code, year,
							(long) value, scenario, BASE_YEAR));
				}
			});
		}));
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
