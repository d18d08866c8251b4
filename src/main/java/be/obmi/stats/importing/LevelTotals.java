package be.obmi.stats.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;

import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The check that an import agrees with itself across levels: where a file gives an area
 * (a city, a deelgemeente) and, for the same additive indicator, period and breakdown,
 * every one of its sub-areas of one level (all its wijken, all its sectors) with a value,
 * their sum must equal the area's value. Sub-areas that add up to more than the area are
 * reported even when the file gives only some of them. A difference is a warning in the
 * import report, or refuses the file when the indicator's {@code totals_check} says
 * {@code weigeren}. Runs on the rows of one import, in SQL, before anything is written.
 */
@Component
class LevelTotals {

	/** Rounding in a source file is tolerated up to half a unit. */
	static final double TOLERANCE = 0.5;

	private static final int SHOWN = 20;

	/** The mismatches found in the rows of the common table expression {@code file}. */
	private static final String MISMATCHES_OF_FILE = """
			children as (
			  select aa.ancestor_id as area_id, f.indicator_id, f.period, f.breakdown, f.level,
			         count(f.value) as valued, count(*) as supplied, sum(f.value) as total
			  from file f
			  join stats.area_ancestor aa on aa.area_id = f.area_id and aa.ancestor_id <> f.area_id
			    and aa.ancestor_id in (:parents)
			  group by aa.ancestor_id, f.indicator_id, f.period, f.breakdown, f.level
			)
			select p.row, i.code, a.name as area_name, p.period, c.level, c.valued, p.value as area_value, c.total,
			       i.totals_check = 'weigeren' as refused
			from children c
			join file p on p.area_id = c.area_id and p.indicator_id = c.indicator_id and p.period = c.period
			  and p.breakdown = c.breakdown
			join stats.area a on a.id = c.area_id
			join stats.indicator i on i.id = c.indicator_id
			where p.value is not null
			  and ((c.total > p.value + :tolerance)
			   or (c.valued = c.supplied and abs(c.total - p.value) > :tolerance
			       and c.valued = (select count(*) from stats.area_ancestor d join stats.area s on s.id = d.area_id
			                       where d.ancestor_id = c.area_id and s.level = c.level and s.valid_to is null)))
			order by p.row, c.level
			""";

	/**
	 * Sums per parent area (of those given), sub-area level, indicator, period and
	 * breakdown, joined to the parent's own value in the file: one pass over the rows
	 * below the parents, hash-joined, whatever the file's size.
	 */
	private static final String MISMATCHES = """
			with file as materialized (
			  select r.row, ii.id as indicator_id, r.area_id, a.level, r.period, r.breakdown, r.value
			  from import_rows r
			  join import_indicator ii on ii.code = r.indicator_code
			  join stats.indicator i on i.id = ii.id and i.aggregation = 'sum'
			  join stats.area a on a.id = r.area_id
			),""" + MISMATCHES_OF_FILE;

	/**
	 * The same check on the values an import wrote straight into
	 * {@code stats.observation} ({@link FreshLoad}), which carry no row numbers.
	 */
	private static final String WRITTEN_MISMATCHES = """
			with file as materialized (
			  select null::bigint as row, o.indicator_id, o.area_id, a.level, o.period, o.breakdown, o.value
			  from stats.observation o
			  join stats.indicator i on i.id = o.indicator_id and i.aggregation = 'sum'
			  join stats.area a on a.id = o.area_id
			  where o.import_id = :importId and coalesce(o.tenant_id, 0) = :scopeKey
			),""" + MISMATCHES_OF_FILE + " limit 1";

	private final JdbcClient jdbc;

	private final Areas areas;

	LevelTotals(JdbcClient jdbc, Areas areas) {
		this.jdbc = jdbc;
		this.areas = areas;
	}

	/**
	 * The areas of an import that lie above other areas of the same import: found in
	 * memory from the distinct areas the readers saw, so a file with one level (the usual
	 * case, and the demo's millions of sector values) costs no query.
	 */
	List<Long> parents(Set<Long> areaIds) {
		Set<Long> parents = new HashSet<>();
		for (Long id : areaIds) {
			Area area = areas.byId(id);
			while (area != null && area.parentId() != null) {
				if (areaIds.contains(area.parentId())) {
					parents.add(area.parentId());
				}
				area = areas.byId(area.parentId());
			}
		}
		return List.copyOf(parents);
	}

	/**
	 * Whether the values that import {@code importId} wrote into the scope disagree
	 * across levels (then the classic path reports it with row numbers).
	 */
	boolean anyWritten(long importId, long scopeKey, Set<Long> areaIds) {
		List<Long> parents = parents(areaIds);
		if (parents.isEmpty()) {
			return false;
		}
		return !jdbc.sql(WRITTEN_MISMATCHES)
			.param("tolerance", TOLERANCE)
			.param("parents", parents)
			.param("importId", importId)
			.param("scopeKey", scopeKey)
			.query((rs, n) -> rs.getString("code"))
			.list()
			.isEmpty();
	}

	/** One area whose sub-areas of one level add up to another total. */
	record Mismatch(long row, String code, String areaName, String period, String level, long children,
			double areaValue, double total, boolean refused) {

		/** The sub-areas' level, in the plural and the reader's language. */
		MessageSourceResolvable levelName() {
			return new DefaultMessageSourceResolvable(new String[] { "import.stats.levels." + level }, level);
		}

	}

	/**
	 * Adds a warning per difference to {@code warnings}; {@code indicatorColumn} is null
	 * for a file with a column per indicator (the Swing format); {@code areaIds} are the
	 * distinct areas of the file.
	 * @throws ImportRejectedException when an indicator with differences refuses them
	 */
	void check(List<MessageSourceResolvable> warnings, String indicatorColumn, Set<Long> areaIds) {
		List<Long> parents = parents(areaIds);
		if (parents.isEmpty()) {
			return;
		}
		List<Mismatch> found = jdbc.sql(MISMATCHES)
			.param("tolerance", TOLERANCE)
			.param("parents", parents)
			.query((rs, n) -> new Mismatch(rs.getLong("row"), rs.getString("code"), rs.getString("area_name"),
					rs.getString("period"), rs.getString("level"), rs.getLong("valued"), rs.getDouble("area_value"),
					rs.getDouble("total"), rs.getBoolean("refused")))
			.list();
		List<ImportError> refusals = new ArrayList<>();
		int shown = 0;
		for (Mismatch m : found) {
			Object[] arguments = { m.code(), m.areaName(), m.period(), plain(m.areaValue()), m.children(),
					m.levelName(), plain(m.total()), plain(m.total() - m.areaValue()) };
			if (m.refused()) {
				refusals.add(new ImportError(m.row(), indicatorColumn == null ? m.code() : "waarde",
						"import.stats.levelTotalsRefused", arguments));
			}
			else if (shown++ < SHOWN) {
				warnings.add(ImportError.text("import.stats.warning.levelTotals", arguments));
			}
		}
		if (shown > SHOWN) {
			warnings.add(ImportError.text("import.stats.warning.levelTotalsMore", shown - SHOWN));
		}
		if (!refusals.isEmpty()) {
			throw new ImportRejectedException(refusals);
		}
	}

	/** A value as a file writes it: no grouping, a point, no trailing zeros. */
	static String plain(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
