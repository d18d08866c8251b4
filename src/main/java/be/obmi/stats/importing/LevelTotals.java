package be.obmi.stats.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

	private static final String MISMATCHES = """
			with file as (
			  select r.row, ii.id as indicator_id, ii.code, r.area_id, a.level, r.period, r.breakdown, r.value
			  from import_rows r
			  join import_indicator ii on ii.code = r.indicator_code
			  join stats.indicator i on i.id = ii.id and i.aggregation = 'sum'
			  join stats.area a on a.id = r.area_id
			),
			groups as (
			  select p.row, p.indicator_id, p.code, p.area_id, p.period, p.breakdown, p.value as area_value, c.level,
			         count(c.value) as valued, count(*) as supplied, sum(c.value) as total
			  from file p
			  join stats.area_ancestor aa on aa.ancestor_id = p.area_id and aa.area_id <> p.area_id
			  join file c on c.area_id = aa.area_id and c.indicator_id = p.indicator_id
			    and c.period = p.period and c.breakdown = p.breakdown
			  where p.value is not null and c.level <> p.level
			  group by p.row, p.indicator_id, p.code, p.area_id, p.period, p.breakdown, p.value, c.level
			)
			select g.row, g.code, a.name as area_name, g.period, g.level, g.valued, g.area_value, g.total,
			       i.totals_check = 'weigeren' as refused
			from groups g
			join stats.area a on a.id = g.area_id
			join stats.indicator i on i.id = g.indicator_id
			where (g.total > g.area_value + :tolerance)
			   or (g.valued = g.supplied and abs(g.total - g.area_value) > :tolerance
			       and g.valued = (select count(*) from stats.area_ancestor d join stats.area s on s.id = d.area_id
			                       where d.ancestor_id = g.area_id and s.level = g.level and s.valid_to is null))
			order by g.row, g.level
			""";

	private final JdbcClient jdbc;

	LevelTotals(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
	 * for a file with a column per indicator (the Swing format).
	 * @throws ImportRejectedException when an indicator with differences refuses them
	 */
	void check(List<MessageSourceResolvable> warnings, String indicatorColumn) {
		boolean levels = jdbc.sql("""
				select count(distinct a.level) > 1 from import_rows r join stats.area a on a.id = r.area_id""")
			.query(Boolean.class)
			.single();
		if (!levels) {
			return;
		}
		List<Mismatch> found = jdbc.sql(MISMATCHES)
			.param("tolerance", TOLERANCE)
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
