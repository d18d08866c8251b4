package be.obmi.stats.reference;

import be.obmi.stats.domain.Areas;

import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the platform's area groups ({@code reference/stats/gebiedsgroepen.csv}: the
 * default stadsregio of every centrumstad and the peer groups) and the 2025 municipal
 * mergers ({@code reference/stats/fusies-2025.csv}) as a version of the areas, each only
 * when absent. Both files are written by {@code scripts/stats/prepare-area-groups.py}
 * with the municipalities of the 2024 reference; their sources are in docs/stats.md.
 */
@Component
public class AreaGroupReferenceData implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(AreaGroupReferenceData.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Areas areas;

	private final StatsReferenceData reference;

	private boolean done;

	AreaGroupReferenceData(JdbcClient jdbc, TransactionTemplate transaction, Areas areas,
			StatsReferenceData reference) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.areas = areas;
		this.reference = reference;
	}

	@Override
	public synchronized void initialize() {
		if (done) {
			return;
		}
		reference.initialize();
		transaction.executeWithoutResult(status -> {
			if (jdbc.sql("select count(*) from stats.area_group where tenant_id is null")
				.query(Long.class)
				.single() == 0) {
				loadGroups();
			}
			if (jdbc.sql("select count(*) from stats.area_version").query(Long.class).single() == 0) {
				loadMergers();
			}
		});
		done = true;
	}

	private void loadGroups() {
		int count = 0;
		for (Table.Row row : TableReader.reference("reference/stats/gebiedsgroepen.csv").rows()) {
			Long municipality = areas.find("gemeente", row.value("gemeente")).map(a -> a.id()).orElse(null);
			if (municipality == null) {
				log.warn("Area group {}: unknown municipality {}", row.value("code"), row.value("gemeente"));
				continue;
			}
			long id = jdbc
				.sql("""
						insert into stats.area_group (kind, code, name, name_en, city_code, source) values (?, ?, ?, ?, ?, ?)
						on conflict (tenant_id, code) do update set name = excluded.name returning id""")
				.params(row.value("soort"), row.value("code"), row.value("naam"), blank(row.value("naam_en")),
						blank(row.value("stad")), blank(row.value("bron")))
				.query(Long.class)
				.single();
			jdbc.sql(
					"insert into stats.area_group_member (group_id, area_id, zone) values (?, ?, ?) on conflict do nothing")
				.params(id, municipality, blank(row.value("zone")))
				.update();
			count++;
		}
		log.info("Stats area groups loaded: {} memberships", count);
	}

	private void loadMergers() {
		long version = jdbc.sql("""
				insert into stats.area_version (code, name, valid_from, source)
				values ('2025', 'Gemeenten vanaf 2025', date '2025-01-01', ?) returning id""")
			.param("Fusies van 1 januari 2025 (decreten van het Vlaams Parlement); NIS-codes volgens Statbel REFNIS 2025")
			.query(Long.class)
			.single();
		for (Table.Row row : TableReader.reference("reference/stats/fusies-2025.csv").rows()) {
			areas.find("gemeente", row.value("oude_code"))
				.ifPresent(old -> jdbc.sql(
						"insert into stats.area_merger (version_id, new_code, new_name, old_area_id) values (?, ?, ?, ?)")
					.params(version, row.value("nieuwe_code"), row.value("nieuwe_naam"), old.id())
					.update());
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
