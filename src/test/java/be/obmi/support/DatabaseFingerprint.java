package be.obmi.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import javax.sql.DataSource;

/**
 * What a database holds, table by table: the row count and an MD5 over every row's text
 * in primary-key order (over the row texts themselves when a table has no primary key),
 * and each sequence's position. Two fingerprints are equal exactly when every compared
 * table holds the same rows with the same values, so a backup that loses, adds or changes
 * a single value in any row shows up as a difference in that table.
 *
 * @param tables {@code schema.table} → {@code rows=…, md5=…} (sequences:
 * {@code last_value=…, is_called=…})
 */
public record DatabaseFingerprint(Map<String, String> tables) {

	/** Every schema except PostgreSQL's own. */
	public static final Predicate<String> ALL_SCHEMAS = table -> true;

	/**
	 * Tables (by prefix of {@code schema.table}) that a running application rewrites in
	 * the background at any moment, also right after a start: the scheduled jobs' locks
	 * and the cache generations (schema {@code platform}) and the area report's stored
	 * aggregates, computed again from the observations after a start or a change
	 * ({@code stats.area_total*}), the stored disclosure decisions, which any reader may
	 * compute and store ({@code stats.disclosure_decision}), and the warehouse's
	 * bookkeeping, which every start marks for a statistics pass
	 * ({@code warehouse_meta.statistics_pending}, {@code pending},
	 * {@code observation_source}).
	 */
	static final List<String> BACKGROUND_STATE = List.of("platform.", "stats.area_total", "stats.disclosure_decision",
			"warehouse_meta.");

	/**
	 * The modules' own data (tenants, accounts, audit history, plan, statistics, finance,
	 * …) and Flyway's history; without the derived warehouse and without Spring
	 * Modulith's event publication log, and without the {@link #BACKGROUND_STATE} that
	 * background work of a running application may change at any moment.
	 */
	public static final Predicate<String> SOURCE_DATA = table -> !table.startsWith("warehouse")
			&& BACKGROUND_STATE.stream().noneMatch(table::startsWith);

	public static DatabaseFingerprint of(DataSource dataSource, Predicate<String> tables) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return of(connection, tables);
		}
	}

	/**
	 * The fingerprint of the tables whose {@code schema.table} name passes the predicate.
	 */
	public static DatabaseFingerprint of(Connection connection, Predicate<String> tables) throws SQLException {
		Map<String, String> prints = new TreeMap<>();
		List<String[]> relations = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select n.nspname, c.relname, c.relkind,
				       (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
				        from pg_index i
				        cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
				        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
				        where i.indrelid = c.oid and i.indisprimary) as key
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where c.relkind in ('r', 'p', 'S')
				  and n.nspname not in ('information_schema') and n.nspname not like 'pg\\_%'
				order by 1, 2""")) {
			while (rs.next()) {
				if (tables.test(rs.getString(1) + "." + rs.getString(2))
						&& !"event_publication".equals(rs.getString(2))) {
					relations.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) });
				}
			}
		}
		for (String[] relation : relations) {
			String name = quote(relation[0]) + "." + quote(relation[1]);
			String sql = "S".equals(relation[2])
					? "select 'last_value=' || last_value || ', is_called=' || is_called from " + name
					: "select 'rows=' || count(*) || ', md5=' || coalesce(md5(string_agg(md5(t::text), '' order by "
							+ (relation[3] == null ? "md5(t::text)" : orderBy(relation[3])) + ")), '-') from " + name
							+ " t";
			try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
				rs.next();
				prints.put(relation[0] + "." + relation[1], rs.getString(1));
			}
		}
		return new DatabaseFingerprint(prints);
	}

	/** The number of rows over all compared tables. */
	public long rows() {
		return rowsOnly().values()
			.stream()
			.filter(v -> v.startsWith("rows="))
			.mapToLong(v -> Long.parseLong(v.substring(5, v.indexOf(','))))
			.sum();
	}

	/**
	 * The fingerprint without what a running application rewrites in the background
	 * ({@link #BACKGROUND_STATE}).
	 */
	public DatabaseFingerprint withoutBackgroundState() {
		Map<String, String> kept = new TreeMap<>(tables);
		kept.keySet().removeIf(table -> BACKGROUND_STATE.stream().anyMatch(table::startsWith));
		return new DatabaseFingerprint(kept);
	}

	/** The tables without the sequences. */
	public Map<String, String> rowsOnly() {
		Map<String, String> rows = new TreeMap<>(tables);
		rows.values().removeIf(v -> !v.startsWith("rows="));
		return rows;
	}

	private static String orderBy(String keyColumns) {
		return "t." + keyColumns.replace(", ", ", t.");
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
