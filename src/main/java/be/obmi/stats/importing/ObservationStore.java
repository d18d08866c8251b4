package be.obmi.stats.importing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.PostgresCopy;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store of the statistics imports: the rows every reader produced are copied into a
 * temporary table and written from there into {@code stats.observation} in a few set-wise
 * statements (changed values kept for undo, unchanged ones skipped), with the import
 * batch and its history line. The readers ({@link ObservationRows} for the long and Swing
 * files, {@link CubeObservations} for tables) never write themselves.
 */
@Component
class ObservationStore {

	private static final Logger log = LoggerFactory.getLogger(ObservationStore.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final AuditTrail audit;

	private final TransactionTemplate nested;

	private final LevelTotals totals;

	ObservationStore(JdbcClient jdbc, DataSource dataSource, AuditTrail audit, PlatformTransactionManager transactions,
			LevelTotals totals) {
		this.totals = totals;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.audit = audit;
		this.nested = new TransactionTemplate(transactions);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** The temporary table the rows of one import are copied into (dropped at commit). */
	void createImportRows() {
		jdbc.sql(
				"""
						create temp table import_rows (row bigint, indicator_code varchar(200), area_id bigint, period varchar(7),
						  breakdown varchar(200), value double precision, missing_reason varchar(30), provisional boolean,
						  estimated boolean, sample_n integer, population_n bigint) on commit drop""")
			.update();
	}

	/** A COPY stream into {@link #createImportRows the temporary table}. */
	PostgresCopy.Stream importRowsCopy() {
		return new PostgresCopy.Stream(dataSource, "import_rows (row, indicator_code, area_id, period, breakdown, "
				+ "value, missing_reason, provisional, estimated, sample_n, population_n)");
	}

	static void add(PostgresCopy.Stream copy, ObservationImporter.Value v) {
		copy.rows()
			.add(v.row())
			.add(v.indicatorCode())
			.add(v.areaId())
			.add(v.period())
			.add(v.breakdown())
			.add(v.value())
			.add(v.missingReason())
			.add(v.provisional())
			.add(v.estimated())
			.add(v.n())
			.add(v.population())
			.end();
		copy.flushIfFull();
	}

	/**
	 * A COPY stream straight into {@code stats.observation}, for {@link FreshLoad}: the
	 * columns of
	 * {@link #add(PostgresCopy.Stream, Long, long, long, ObservationImporter.Value)}.
	 */
	PostgresCopy.Stream observationCopy() {
		return new PostgresCopy.Stream(dataSource, "stats.observation (tenant_id, indicator_id, area_id, period, "
				+ "breakdown, value, missing_reason, provisional, estimated, sample_n, population_n, import_id)");
	}

	/** One value of a resolved indicator, for {@link #observationCopy()}. */
	static void add(PostgresCopy.Stream copy, Long tenantId, long indicatorId, long importId,
			ObservationImporter.Value v) {
		copy.rows()
			.add(tenantId)
			.add(indicatorId)
			.add(v.areaId())
			.add(v.period())
			.add(v.breakdown())
			.add(v.value())
			.add(v.missingReason())
			.add(v.provisional())
			.add(v.estimated())
			.add(v.n())
			.add(v.population())
			.add(importId)
			.end();
		copy.flushIfFull();
	}

	/** Whether the scope holds any value of the indicator. */
	boolean holdsValues(Scope scope, long indicatorId) {
		return jdbc.sql(
				"select exists (select 1 from stats.observation where indicator_id = ? and coalesce(tenant_id, 0) = ?)")
			.params(indicatorId, scope.key())
			.query(Boolean.class)
			.single();
	}

	/**
	 * The same key twice in the file: found only when the insert hits the unique index,
	 * to keep the usual case fast.
	 */
	private List<ImportError> duplicates(String indicatorColumn) {
		ObservationRows.Errors errors = new ObservationRows.Errors();
		jdbc.sql("""
				select min(row) as first, max(row) as second, indicator_code from import_rows
				group by indicator_code, area_id, period, breakdown having count(*) > 1 order by 1 limit 50""")
			.query((rs, n) -> {
				errors.add(rs.getLong(2), indicatorColumn == null ? rs.getString(3) : indicatorColumn,
						"import.stats.duplicateValue", rs.getLong(1));
				return null;
			})
			.list();
		return errors.list;
	}

	private static final String MARGIN = """
			case when ii.kind = 'survey' and r.value is not null and r.sample_n > 0
			  then round((1.96 * sqrt(greatest(0, r.value * (100 - r.value)) / r.sample_n)
			    * case when r.population_n > 0 then sqrt(greatest(0, 1 - r.sample_n::float8 / r.population_n)) else 1 end)::numeric, 3)::float8
			end""";

	/**
	 * The import batch and history line of a table stored as a dataset, so that it is
	 * undone like any other import.
	 */
	long datasetBatch(Scope scope, String filename, String format, String datasetId, long cells, String actor) {
		long importId = newBatch(scope, filename, format, actor, cells, 0);
		audit.created(scope.tenantId(), "cijferimport", String.valueOf(importId),
				filename == null ? "import" : filename, List.of(FieldChange.added("formaat", format),
						FieldChange.added("tabel", datasetId), FieldChange.added("cellen", cells)));
		return importId;
	}

	/** A new entry of the import history (its counts are filled in when known). */
	long newBatch(Scope scope, String filename, String format, String actor, long rows, int createdIndicators) {
		return jdbc
			.sql("""
					insert into stats.import_batch (tenant_id, filename, format, actor, row_count, inserted, updated, unchanged, created_indicators)
					values (?, ?, ?, ?, ?, 0, 0, 0, ?) returning id""")
			.params(scope.tenantId(), filename, format, actor, rows, createdIndicators)
			.query(Long.class)
			.single();
	}

	/**
	 * Writes the copied rows as observations of the scope with history: replaced values
	 * are kept for undo, an import batch counts what changed, and the audit trail has it.
	 * Differences between an area's total and its sub-areas' are added to
	 * {@code warnings} ({@link LevelTotals}); {@code areaIds} are the distinct areas the
	 * reader saw.
	 * @throws ImportRejectedException when the file holds the same key twice, or totals
	 * differ for an indicator that refuses that
	 */
	ObservationImporter.Summary write(Scope scope, String filename, String format, long rows,
			Map<String, Indicator> byCode, List<String> created, List<MessageSourceResolvable> warnings, String actor,
			String indicatorColumn, Set<Long> areaIds) {
		long started = System.nanoTime();
		long importId = newBatch(scope, filename, format, actor, rows, created.size());
		jdbc.sql(
				"create temp table import_indicator (code varchar(200) primary key, id bigint, kind varchar(20)) on commit drop")
			.update();
		PostgresCopy.Rows map = new PostgresCopy.Rows();
		byCode.forEach((code, i) -> map.add(code).add(i.id()).add(i.kind()).end());
		if (!map.isEmpty()) {
			PostgresCopy.in(dataSource, "import_indicator (code, id, kind)", map);
		}
		jdbc.sql("analyze import_rows").update();
		jdbc.sql("analyze import_indicator").update();
		totals.check(warnings, indicatorColumn, areaIds);
		// the usual first load of an indicator: nothing to compare with, so no change
		// detection
		boolean existing = jdbc.sql("""
				select exists (select 1 from stats.observation o join import_indicator ii on ii.id = o.indicator_id
				  where coalesce(o.tenant_id, 0) = ?)""").param(scope.key()).query(Boolean.class).single();
		// replaced values: keep the old ones for the history and for undo
		long updated = !existing ? 0
				: jdbc
					.sql("""
							insert into stats.observation_change (import_id, tenant_id, indicator_id, area_id, period, breakdown, had_old,
							  old_value, old_missing, old_provisional, old_estimated, old_sample_n, old_population_n, old_margin,
							  old_import_id, new_value, new_missing)
							select ?, ?, ii.id, r.area_id, r.period, r.breakdown, true,
							  o.value, o.missing_reason, o.provisional, o.estimated, o.sample_n, o.population_n, o.margin, o.import_id,
							  r.value, r.missing_reason
							from import_rows r join import_indicator ii on ii.code = r.indicator_code
							join stats.observation o on o.indicator_id = ii.id and o.area_id = r.area_id
							  and o.period = r.period and o.breakdown = r.breakdown and coalesce(o.tenant_id, 0) = ?
							where (o.value, o.missing_reason, o.provisional, o.estimated, o.sample_n, o.population_n, o.margin)
							      is distinct from (r.value, r.missing_reason, r.provisional, r.estimated, r.sample_n, r.population_n, """
							+ MARGIN + ")")
					.params(importId, scope.tenantId(), scope.key())
					.update();
		log.info("import: {} changes found at {} ms", updated, (System.nanoTime() - started) / 1_000_000);
		if (updated > 0) {
			jdbc.sql("""
					delete from stats.observation o using stats.observation_change c
					where c.import_id = ? and o.indicator_id = c.indicator_id and o.area_id = c.area_id
					  and o.period = c.period and o.breakdown = c.breakdown and coalesce(o.tenant_id, 0) = ?""")
				.params(importId, scope.key())
				.update();
		}
		String insert = """
				insert into stats.observation (tenant_id, indicator_id, area_id, period, breakdown, value, missing_reason,
				  provisional, estimated, sample_n, population_n, margin, import_id)
				select ?, ii.id, r.area_id, r.period, r.breakdown, r.value, r.missing_reason, r.provisional,
				  r.estimated, r.sample_n, r.population_n, """
				+ MARGIN
				+ """
						, ?
						from import_rows r join import_indicator ii on ii.code = r.indicator_code
						where not ? or not exists (select 1 from stats.observation o where o.indicator_id = ii.id and o.area_id = r.area_id
						  and o.period = r.period and o.breakdown = r.breakdown and coalesce(o.tenant_id, 0) = ?)
						order by ii.id, r.period, r.area_id, r.breakdown""";
		long written;
		try {
			written = nested
				.execute(status -> jdbc.sql(insert).params(scope.tenantId(), importId, existing, scope.key()).update());
		}
		catch (DuplicateKeyException ex) {
			throw new ImportRejectedException(duplicates(indicatorColumn));
		}
		log.info("import: {} written at {} ms", written, (System.nanoTime() - started) / 1_000_000);
		return finish(scope, importId, filename, format, rows, written - updated, updated, created, warnings);
	}

	/**
	 * The end of an import through {@link FreshLoad}: every row was written as a new
	 * value. Returns null when the levels of the file disagree ({@link LevelTotals}),
	 * which the classic path reports.
	 */
	ObservationImporter.Summary writtenFresh(Scope scope, long importId, String filename, String format, long rows,
			List<String> created, List<MessageSourceResolvable> warnings, Set<Long> areaIds) {
		if (totals.anyWritten(importId, scope.key(), areaIds)) {
			return null;
		}
		jdbc.sql("update stats.import_batch set row_count = ?, created_indicators = ? where id = ?")
			.params(rows, created.size(), importId)
			.update();
		return finish(scope, importId, filename, format, rows, rows, 0, created, warnings);
	}

	private ObservationImporter.Summary finish(Scope scope, long importId, String filename, String format, long rows,
			long inserted, long updated, List<String> created, List<MessageSourceResolvable> warnings) {
		long unchanged = rows - inserted - updated;
		jdbc.sql("update stats.import_batch set inserted = ?, updated = ?, unchanged = ? where id = ?")
			.params(inserted, updated, unchanged, importId)
			.update();
		audit.created(scope.tenantId(), "cijferimport", String.valueOf(importId),
				filename == null ? "import" : filename,
				List.of(FieldChange.added("formaat", format), FieldChange.added("rijen", rows),
						FieldChange.added("nieuw", inserted), FieldChange.added("gewijzigd", updated),
						FieldChange.added("ongewijzigd", unchanged),
						FieldChange.added("nieuwe indicatoren", String.join(", ", created))));
		return new ObservationImporter.Summary(importId, format, rows, inserted, updated, unchanged, created, warnings,
				List.of());
	}

}
