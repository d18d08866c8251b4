package be.obmi.stats.domain;

import be.obmi.shared.NotFoundException;

import java.time.Instant;
import java.util.List;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The imports of a scope, what each changed, and undoing a whole import. */
@Service
public class ImportHistory {

	public record Batch(long id, String filename, String format, String actor, Instant importedAt, int rowCount,
			int inserted, int updated, int unchanged, int createdIndicators, Instant undoneAt, String undoneBy) {
	}

	/** One replaced value: what it was and what the import made it. */
	public record Change(String indicator, String areaLevel, String area, String period, String breakdown,
			boolean hadOld, Double oldValue, String oldMissing, Double newValue, String newMissing) {
	}

	private static final String BATCH = """
			select id, filename, format, actor, imported_at, row_count, inserted, updated, unchanged, created_indicators,
			       undone_at, undone_by from stats.import_batch""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ObmiMetrics metrics;

	private final ScopeLock lock;

	private final Datasets datasets;

	ImportHistory(JdbcClient jdbc, AuditTrail audit, ObmiMetrics metrics, ScopeLock lock, Datasets datasets) {
		this.datasets = datasets;
		this.lock = lock;
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Batch> list(Scope scope, int limit) {
		return jdbc.sql(BATCH + " where coalesce(tenant_id, 0) = ? order by id desc limit ?")
			.params(scope.key(), limit)
			.query(Batch.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Batch require(Scope scope, long id) {
		return jdbc.sql(BATCH + " where coalesce(tenant_id, 0) = ? and id = ?")
			.params(scope.key(), id)
			.query(Batch.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(Reason.of("stats.refused.importUnknown", id)));
	}

	@Transactional(readOnly = true)
	public List<Change> changes(Scope scope, long id, int limit) {
		require(scope, id);
		return jdbc.sql("""
				select i.code as indicator, a.level as area_level, a.code as area, c.period, c.breakdown, c.had_old,
				       c.old_value, c.old_missing, c.new_value, c.new_missing
				from stats.observation_change c join stats.indicator i on i.id = c.indicator_id
				join stats.area a on a.id = c.area_id
				where c.import_id = ? order by i.code, a.code, c.period limit ?""")
			.params(id, limit)
			.query(Change.class)
			.list();
	}

	/**
	 * Restores every value the import changed to what it was before.
	 * @throws RefusedStateException when it was undone already or a later import changed
	 * the same values
	 */
	@Transactional
	public Batch undo(Scope scope, long id, String actor) {
		return metrics.timeUndo("stats", scope.slug(), () -> undoBatch(scope, id, actor));
	}

	private Batch undoBatch(Scope scope, long id, String actor) {
		lock.acquire(ScopeLock.Kind.STATISTICS, scope.key());
		Batch batch = require(scope, id);
		if (batch.undoneAt() != null) {
			throw new RefusedStateException(Reason.of("stats.refused.importUndone"));
		}
		// a later import (not undone) that replaced a value this import wrote
		int later = jdbc.sql("""
				select count(*) from stats.observation_change l
				join stats.import_batch b on b.id = l.import_id and b.undone_at is null
				where l.old_import_id = ?""").param(id).query(Integer.class).single();
		if (later > 0) {
			throw new RefusedStateException(Reason.of("stats.refused.importChangedLater", later));
		}
		// the values this import wrote (new and replacing ones) go; the replaced ones
		// come back
		jdbc.sql("delete from stats.observation where import_id = ? and coalesce(tenant_id, 0) = ?")
			.params(id, scope.key())
			.update();
		jdbc.sql(
				"""
						insert into stats.observation (tenant_id, indicator_id, area_id, period, breakdown, value, missing_reason,
						  provisional, estimated, sample_n, population_n, margin, import_id)
						select tenant_id, indicator_id, area_id, period, breakdown, old_value, old_missing, old_provisional,
						  old_estimated, old_sample_n, old_population_n, old_margin, old_import_id
						from stats.observation_change where import_id = ? and had_old""")
			.param(id)
			.update();
		// the tables (datasets) this import created go, those it replaced come back
		datasets.undoImport(scope, id);
		jdbc.sql("update stats.import_batch set undone_at = now(), undone_by = ? where id = ?")
			.params(actor, id)
			.update();
		audit.updated(scope.tenantId(), "cijferimport", String.valueOf(id),
				batch.filename() == null ? "import" : batch.filename(), List.of(FieldChange.added("ongedaan gemaakt",
						(batch.inserted() + batch.updated()) + " waarden hersteld")));
		return require(scope, id);
	}

}
