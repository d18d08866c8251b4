package be.obmi.stats.reference;

import be.obmi.stats.domain.Areas;
import be.obmi.stats.query.DisclosureControl;

import be.obmi.shared.PostgresCopy;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the reference areas of Flanders and Brussels and seeds the shared catalogue from
 * the Gemeente-Stadsmonitor, each only when absent (so later starts cost nothing). Files
 * under {@code reference/stats/}, derived from {@code shared/reference} by
 * {@code scripts/stats/prepare-reference.py}. A module initializer: Spring Modulith runs
 * it after those of the modules stats depends on, before those of the modules that depend
 * on stats (plan's demo names actions after its wijken). It does its work once per
 * application: the demo statistics ({@code demo.StatsDemoData}), an initializer of the
 * same module that Modulith may run before it, call it first, since they need the areas.
 */
@Component
public class StatsReferenceData implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(StatsReferenceData.class);

	private static final Pattern EXTRACT = Pattern.compile("GSM_Extract_(.+)\\.xlsx");

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final Areas areas;

	private final DisclosureControl disclosure;

	private boolean done;

	StatsReferenceData(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction, Areas areas,
			DisclosureControl disclosure) {
		this.disclosure = disclosure;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.areas = areas;
	}

	/** Loads what is absent, once; later calls return at once. */
	@Override
	public synchronized void initialize() {
		if (done) {
			return;
		}
		transaction.executeWithoutResult(status -> {
			if (jdbc.sql("select count(*) from stats.area").query(Long.class).single() == 0) {
				loadAreas();
				disclosure.forgetAll();
			}
			if (jdbc.sql("select count(*) from stats.indicator where tenant_id is null and code like 'GSM_%'")
				.query(Long.class)
				.single() == 0) {
				seedCatalogue();
				disclosure.forgetAll();
			}
		});
		areas.reload();
		done = true;
	}

	private void loadAreas() {
		long start = System.nanoTime();
		jdbc.sql("""
				create temp table area_in (level varchar(20), code varchar(20), name varchar(200),
				  parent_level varchar(20), parent_code varchar(20)) on commit drop""").update();
		PostgresCopy.Rows rows = new PostgresCopy.Rows();
		for (Table.Row row : TableReader.reference("reference/stats/areas.csv").rows()) {
			rows.add(row.cell(0))
				.add(row.cell(1))
				.add(row.cell(2))
				.add(blank(row.cell(3)))
				.add(blank(row.cell(4)))
				.end();
		}
		PostgresCopy.in(dataSource, "area_in (level, code, name, parent_level, parent_code)", rows);
		jdbc.sql("""
				insert into stats.area (level, code, name, mapped)
				select level, code, name, code not in ('99991', '99992') from area_in""").update();
		jdbc.sql("""
				update stats.area a set parent_id = p.id
				from area_in i join stats.area p on p.level = i.parent_level and p.code = i.parent_code
				where a.level = i.level and a.code = i.code""").update();
		jdbc.sql(
				"""
						insert into stats.area_ancestor (area_id, ancestor_id)
						with recursive up (area_id, ancestor_id) as (
						  select id, id from stats.area
						  union all
						  select up.area_id, a.parent_id from up join stats.area a on a.id = up.ancestor_id where a.parent_id is not null)
						select area_id, ancestor_id from up""")
			.update();
		log.info("Stats reference areas loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
	}

	private void seedCatalogue() {
		PostgresCopy.Rows rows = new PostgresCopy.Rows();
		int count = 0;
		for (Table.Row row : TableReader.reference("reference/stats/indicatoren.csv").rows()) {
			List<String> f = row.cells();
			if (f.size() < 13) {
				continue;
			}
			Matcher m = EXTRACT.matcher(f.get(12));
			if (!m.find()) {
				continue;
			}
			String ratio = f.get(5).trim();
			boolean percent = ratio.equals("procent");
			String definition = f.get(3).trim();
			if (!f.get(6).isBlank()) {
				definition += "\n\nTeller: " + f.get(6).trim();
			}
			if (!f.get(7).isBlank()) {
				definition += "\nNoemer: " + f.get(7).trim();
			}
			rows.add("GSM_" + m.group(1).toUpperCase(Locale.ROOT))
				.add(f.get(11).isBlank() ? m.group(1) : f.get(11).trim())
				.add(f.get(1).trim())
				.add(definition)
				.add(ratio.isEmpty() ? f.get(4).trim() : ratio)
				.add(blank(f.get(4).trim()))
				.add(f.get(8).trim())
				.add(f.get(2).startsWith("Burger") ? "survey" : "registered")
				.add("none")
				.add(percent ? 1 : 2)
				.end();
			count++;
		}
		PostgresCopy.in(dataSource, """
				stats.indicator (code, name, theme, definition, unit, counting_unit, source, kind, aggregation,
				decimals)""", rows);
		jdbc.sql("update stats.indicator set published = true where tenant_id is null and code like 'GSM_%'").update();
		log.info("Stats catalogue seeded with {} Gemeente-Stadsmonitor indicators", count);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
