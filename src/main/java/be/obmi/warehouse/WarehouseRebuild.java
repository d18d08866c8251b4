package be.obmi.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import be.obmi.plan.PolicyField;
import be.obmi.plan.PolicyFields;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.PostgresCopy;
import be.obmi.stats.SuppressedCells;
import io.micrometer.core.instrument.Gauge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.StreamUtils;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Rebuilds the warehouse from scratch: every table is built in {@code warehouse_staging}
 * from the modules' tables, then, in one short transaction, the old {@code warehouse}
 * schema is renamed away and the staging schema renamed to {@code warehouse}. Readers
 * therefore see the old warehouse or the new one, never a half-built one; a failed build
 * leaves the old one in place. One rebuild or refresh runs at a time (a PostgreSQL
 * advisory lock).
 * <p>
 * Over 300 lines because the rebuild is one process (stage, load, check, swap, record)
 * whose steps share one connection and lock; the SQL itself is in warehouse/build.sql.
 */
@Service
public class WarehouseRebuild {

	private static final Logger log = LoggerFactory.getLogger(WarehouseRebuild.class);

	/** The advisory lock that serialises rebuilds and incremental refreshes. */
	static final long LOCK = 40_000_001L;

	static final List<String> TABLES = List.of("dim_tenant", "dim_time", "dim_area", "dim_plan_item", "dim_indicator",
			"dim_policy_field", "dim_account", "fact_finance", "fact_status_update", "fact_measurement",
			"fact_observation");

	static final List<String> FACTS = List.of("fact_finance", "fact_status_update", "fact_measurement");

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final WarehouseAccess access;

	/**
	 * How long the build waits for a lock on a source table before it gives up (and
	 * leaves the old warehouse).
	 */
	volatile String lockTimeout = "5min";

	private final ObmiMetrics metrics;

	private final SuppressedCells suppressedCells;

	private final PolicyFields policyFields;

	WarehouseRebuild(DataSource dataSource, JdbcClient jdbc, WarehouseAccess access, ObmiMetrics metrics,
			SuppressedCells suppressedCells, PolicyFields policyFields) {
		this.policyFields = policyFields;
		this.metrics = metrics;
		this.suppressedCells = suppressedCells;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.access = access;
		Gauge.builder(ObmiMetrics.WAREHOUSE_LAST_SUCCESS, this, WarehouseRebuild::lastSuccess)
			.baseUnit("seconds")
			.description("When the last full warehouse rebuild succeeded (seconds since 1970)")
			.register(metrics.registry());
	}

	/** The outcome of a rebuild: row counts per table, or why it failed. */
	public record Result(long id, boolean succeeded, Map<String, Long> rowCounts, String message, long millis) {
	}

	/**
	 * Builds and swaps in a new warehouse. Never throws for a failed build: the result
	 * says why, and the previous warehouse stays in place.
	 */
	public Result rebuild(String trigger) {
		Result result = run(trigger);
		metrics.warehouseRebuilt(trigger, result.succeeded(), result.millis());
		return result;
	}

	/**
	 * The end of the last successful rebuild in seconds since 1970, from the rebuild log;
	 * NaN when none.
	 */
	private double lastSuccess() {
		try {
			return jdbc
				.sql("select extract(epoch from max(finished_at)) from warehouse_meta.rebuild where status = 'KLAAR'")
				.query(Double.class)
				.optional()
				.orElse(Double.NaN);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private Result run(String trigger) {
		long started = System.currentTimeMillis();
		Long id = null;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				id = begin(connection, trigger);
				statement.execute("select pg_advisory_lock(" + LOCK + ")");
				try {
					closeInterrupted();
					prepare(statement);
					// what the build takes in of the statistics, fingerprinted before any
					// of
					// it is read: a change committed later shows in the next catch-up
					long fingerprinting = System.nanoTime();
					statement.execute(
							"create table warehouse_staging.observation_source as\n" + ObservationSlices.fingerprint());
					log.info("Warehouse: statistics fingerprinted in {} ms",
							(System.nanoTime() - fingerprinting) / 1_000_000);
					// decided before the build, as the public site decides them; a lock
					// on a source table fails the build
					long deciding = System.nanoTime();
					List<SuppressedCells.Cell> hidden = suppressedCells.all(lockTimeout.replace("'", ""));
					log.info("Warehouse: {} cells hidden by disclosure control, decided in {} ms", hidden.size(),
							(System.nanoTime() - deciding) / 1_000_000);
					build(connection, statement, hidden);
					Map<String, Long> counts = counts(statement, "warehouse_staging");
					swap(connection, statement);
					String json = counts.entrySet()
						.stream()
						.map(e -> "\"" + e.getKey() + "\":" + e.getValue())
						.reduce((a, b) -> a + "," + b)
						.map(s -> "{" + s + "}")
						.orElse("{}");
					jdbc.sql(
							"update warehouse_meta.rebuild set finished_at = now(), status = 'KLAAR', row_counts = cast(? as jsonb) where id = ?")
						.params(json, id)
						.update();
					long millis = System.currentTimeMillis() - started;
					log.info("Warehouse rebuilt in {} ms: {}", millis, counts);
					return new Result(id, true, counts, null, millis);
				}
				finally {
					statement.execute("reset lock_timeout");
					for (String setting : BULK_SETTINGS.keySet()) {
						statement.execute("reset " + setting);
					}
					statement.execute("select pg_advisory_unlock(" + LOCK + ")");
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			if (id == null) {
				throw new CannotGetJdbcConnectionException("No warehouse rebuild could start",
						ex instanceof SQLException sql ? sql : new SQLException(ex));
			}
			log.error("Warehouse rebuild failed; the previous warehouse stays in place", ex);
			jdbc.sql(
					"update warehouse_meta.rebuild set finished_at = now(), status = 'MISLUKT', message = ? where id = ?")
				.params(String.valueOf(ex.getMessage()), id)
				.update();
			return new Result(id, false, Map.of(), ex.getMessage(), System.currentTimeMillis() - started);
		}
	}

	/**
	 * Logs the rebuild as running, with the backend that runs it (and holds the lock).
	 */
	private static long begin(Connection connection, String trigger) throws SQLException {
		try (var insert = connection.prepareStatement(
				"insert into warehouse_meta.rebuild (trigger, backend_pid) values (?, pg_backend_pid()) returning id")) {
			insert.setString(1, trigger);
			try (var rs = insert.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/**
	 * Marks rebuilds that are logged as running but whose backend is gone as failed: the
	 * application was killed or the database restarted during the build. Their half-built
	 * {@code warehouse_staging} is dropped by the next build; the warehouse they would
	 * have replaced stayed in place. Runs before every rebuild and at start-up.
	 * @return how many were marked
	 */
	public int closeInterrupted() {
		int closed = jdbc
			.sql("""
					update warehouse_meta.rebuild set status = 'MISLUKT', finished_at = now(),
					  message = 'De heropbouw werd onderbroken (de toepassing of de databank stopte); het vorige warehouse bleef in gebruik.'
					where status = 'BEZIG'
					  and (backend_pid is null or backend_pid not in (select pid from pg_stat_activity where pid is not null))""")
			.update();
		if (closed > 0) {
			log.warn("{} interrupted warehouse rebuild(s) marked as failed", closed);
		}
		return closed;
	}

	@EventListener(ApplicationReadyEvent.class)
	void closeInterruptedAtStart() {
		closeInterrupted();
	}

	/**
	 * The build session's planner and memory settings, set in {@link #prepare} and reset
	 * after the build. A bulk build: hash joins over whole tables beat index lookups row
	 * by row (no nested loops), and sorts of millions of rows for a merge join (the sums'
	 * anti join against the few delivered higher-area rows sorted 1.8 million sums by
	 * text keys, 7 s of 25) too.
	 */
	static final Map<String, String> BULK_SETTINGS = Map.of("work_mem", "'256MB'", "maintenance_work_mem", "'512MB'",
			"enable_nestloop", "off", "enable_mergejoin", "off");

	/**
	 * The build session's settings, fresh planner statistics of the sources and an empty
	 * staging schema.
	 */
	private void prepare(Statement statement) throws SQLException {
		statement.execute("set lock_timeout = '" + lockTimeout.replace("'", "") + "'");
		for (Map.Entry<String, String> setting : BULK_SETTINGS.entrySet()) {
			statement.execute("set " + setting.getKey() + " = " + setting.getValue());
		}
		// fresh planner statistics of the sources, through the functions each module
		// publishes
		for (String module : List.of("stats", "finance", "plan")) {
			statement.execute("select " + module + ".warehouse_analyze()");
		}
		statement.execute("drop schema if exists warehouse_staging cascade");
		statement.execute("create schema warehouse_staging");
	}

	private void build(Connection connection, Statement statement, List<SuppressedCells.Cell> hidden)
			throws SQLException {
		loadPolicyFields(connection, statement);
		loadSuppressedCells(connection, statement, hidden);
		for (String sql : script()) {
			long start = System.nanoTime();
			statement.execute(sql);
			long millis = (System.nanoTime() - start) / 1_000_000;
			if (millis > 1000) {
				log.info("Warehouse step took {} ms: {}", millis, sql.lines().findFirst().orElse(sql));
			}
		}
		access.prepare(statement, "warehouse_staging");
	}

	/**
	 * The cells disclosure control hides ({@link SuppressedCells}), for the script to
	 * hide in the facts; dropped at its end.
	 */
	private static void loadSuppressedCells(Connection connection, Statement statement,
			List<SuppressedCells.Cell> hidden) throws SQLException {
		statement.execute(
				"""
						create table warehouse_staging.suppressed_cell (scope_key bigint, indicator_id bigint, period varchar(7),
						    area_id bigint, breakdown text)""");
		// COPY: a warehouse of the demo data hides about 150,000 cells
		PostgresCopy.in(connection, "warehouse_staging.suppressed_cell", ObservationSlices.suppressedRows(hidden));
		statement.execute("analyze warehouse_staging.suppressed_cell");
	}

	/** The BBC policy-field list, as the plan module has it. */
	private void loadPolicyFields(Connection connection, Statement statement) throws SQLException {
		statement.execute("""
				create table warehouse_staging.dim_policy_field (policy_field_code varchar(4), name varchar(300),
				    subdomain varchar(300), domain varchar(300))""");
		try (var insert = connection
			.prepareStatement("insert into warehouse_staging.dim_policy_field values (?, ?, ?, ?)")) {
			for (PolicyField field : policyFields.all()) {
				insert.setString(1, field.code());
				insert.setString(2, field.name());
				insert.setString(3, field.subdomain());
				insert.setString(4, field.domain());
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private void swap(Connection connection, Statement statement) throws SQLException {
		connection.setAutoCommit(false);
		try {
			statement.execute("set local lock_timeout = '30s'");
			// the fingerprints of what the new warehouse holds, for the statistics
			// catch-up (WarehouseStatistics)
			statement.execute("delete from warehouse_meta.observation_source");
			statement.execute(
					"""
							insert into warehouse_meta.observation_source (scope_key, indicator_id, period, row_count, row_hash)
							select scope_key, indicator_id, period, row_count, row_hash from warehouse_staging.observation_source""");
			statement.execute("drop table warehouse_staging.observation_source");
			statement.execute("drop schema if exists warehouse_previous cascade");
			statement.execute("""
					do $$ begin
					  if exists (select 1 from pg_namespace where nspname = 'warehouse') then
					    alter schema warehouse rename to warehouse_previous;
					  end if;
					end $$""");
			statement.execute("alter schema warehouse_staging rename to warehouse");
			statement.execute("drop schema if exists warehouse_previous cascade");
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	static Map<String, Long> counts(Statement statement, String schema) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			try (var rs = statement.executeQuery("select count(*) from " + schema + "." + table)) {
				rs.next();
				counts.put(table, rs.getLong(1));
			}
		}
		return counts;
	}

	static List<String> script() {
		try {
			String text = StreamUtils.copyToString(new ClassPathResource("warehouse/build.sql").getInputStream(),
					StandardCharsets.UTF_8);
			text = Pattern.compile("(?m)^--@slice (\\w+)$")
				.matcher(text)
				.replaceAll(slice -> Matcher.quoteReplacement("create table warehouse_staging." + slice.group(1)
						+ " as\n" + TenantSlices.select(slice.group(1), "warehouse_staging", null) + ";"));
			text = Pattern.compile("(?m)^--@facts (\\w+)$")
				.matcher(text)
				.replaceAll(step -> Matcher.quoteReplacement(ObservationSlices.full(step.group(1)) + ";"));
			List<String> statements = new ArrayList<>();
			for (String block : text.split("(?m)^--;$")) {
				for (String sql : block.split(";\\s*\\n")) {
					String cleaned = sql.replaceAll("(?m)^--.*$", "").strip();
					if (!cleaned.isEmpty()) {
						statements.add(cleaned);
					}
				}
			}
			return statements;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether a warehouse has been built. */
	public boolean exists() {
		return jdbc.sql("select exists (select 1 from pg_namespace where nspname = 'warehouse')")
			.query(Boolean.class)
			.single();
	}

	/** The latest rebuilds, newest first. */
	public List<Map<String, Object>> log(int limit) {
		return jdbc.sql(
				"select id, started_at, finished_at, trigger, status, message, row_counts::text as row_counts from warehouse_meta.rebuild order by id desc limit ?")
			.param(limit)
			.query()
			.listOfRows();
	}

}
