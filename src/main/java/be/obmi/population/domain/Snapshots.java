package be.obmi.population.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.tenancy.Tenant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's imported snapshots as counts (never their rows), and their retention: a
 * snapshot is kept {@code obmi.population.retention-years} (default 10) after its
 * reference date, then its partition of {@code population.person} is dropped whole by a
 * nightly job; the derivation runs and the published figures stay.
 */
@Service
public class Snapshots {

	private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

	/** One imported snapshot: what the import counted. */
	public record Snapshot(long id, LocalDate referenceDate, String fileName, int rows, int residents, int households,
			int deregistered, int placedByCode, int placedByPoint, int unplaced, String importedBy,
			OffsetDateTime importedAt, LocalDate deleteAfter) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final int retentionYears;

	Snapshots(JdbcClient jdbc, AuditTrail audit, @Value("${obmi.population.retention-years:10}") int retentionYears) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.retentionYears = retentionYears;
	}

	/** How many years after its reference date a snapshot is kept. */
	public int retentionYears() {
		return retentionYears;
	}

	/** The tenant's snapshots, newest first. */
	@Transactional(readOnly = true)
	public List<Snapshot> list(Tenant tenant) {
		return jdbc.sql(SELECT + " where tenant_id = ? order by reference_date desc")
			.param(tenant.id())
			.query(Snapshots::map)
			.list();
	}

	/** The tenant's snapshot of the reference date. */
	@Transactional(readOnly = true)
	public Optional<Snapshot> find(Tenant tenant, LocalDate referenceDate) {
		return jdbc.sql(SELECT + " where tenant_id = ? and reference_date = ?")
			.params(tenant.id(), referenceDate)
			.query(Snapshots::map)
			.optional();
	}

	/** The tenant's latest snapshot before the reference date. */
	@Transactional(readOnly = true)
	public Optional<Snapshot> previous(Tenant tenant, LocalDate referenceDate) {
		return jdbc.sql(SELECT + " where tenant_id = ? and reference_date < ? order by reference_date desc limit 1")
			.params(tenant.id(), referenceDate)
			.query(Snapshots::map)
			.optional();
	}

	/**
	 * Drops the snapshots past their retention (their partitions whole); returns how
	 * many.
	 */
	@Transactional
	public int dropExpired(LocalDate today) {
		List<long[]> expired = jdbc.sql("select id, tenant_id from population.snapshot where delete_after < ?")
			.param(today)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		for (long[] e : expired) {
			jdbc.sql("drop table if exists population.person_" + e[0]).update();
			jdbc.sql("delete from population.snapshot where id = ? and tenant_id = ?").params(e[0], e[1]).update();
			audit.deleted(e[1], "population-snapshot", String.valueOf(e[0]), "bewaartermijn verstreken",
					List.of(FieldChange.added("reden", "bewaartermijn")));
		}
		return expired.size();
	}

	@Scheduled(cron = "${obmi.population.retention-cron:0 40 3 * * *}")
	@SchedulerLock(name = "population-retention", lockAtMostFor = "PT30M")
	void retention() {
		int dropped = dropExpired(LocalDate.now());
		if (dropped > 0) {
			log.info("{} population snapshots past their retention dropped", dropped);
		}
	}

	private static final String SELECT = """
			select id, reference_date, file_name, rows_read, residents, households, deregistered, placed_by_code,
			  placed_by_point, unplaced, imported_by, imported_at, delete_after from population.snapshot""";

	private static Snapshot map(ResultSet rs, int n) throws SQLException {
		return new Snapshot(rs.getLong("id"), rs.getObject("reference_date", LocalDate.class),
				rs.getString("file_name"), rs.getInt("rows_read"), rs.getInt("residents"), rs.getInt("households"),
				rs.getInt("deregistered"), rs.getInt("placed_by_code"), rs.getInt("placed_by_point"),
				rs.getInt("unplaced"), rs.getString("imported_by"), rs.getObject("imported_at", OffsetDateTime.class),
				rs.getObject("delete_after", LocalDate.class));
	}

}
