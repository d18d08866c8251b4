package be.obmi.pirk.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import be.obmi.shared.Period;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of vacancy per half-year from the vacancy periods ({@code pirk.vacancy_period},
 * kept by a trigger whenever an object's vacancy class changes): the stock of vacant
 * objects at the end of the half-year, their total vacancy in days (for the average
 * duration), the inflow (periods that began in it) and the outflow (periods that ended in
 * it), per statistical sector, per wijk and for the whole municipality. An object counts
 * once: a building whose units are in the inventory is counted through its units. Every
 * area with an object in the inventory gets a row, also with 0.
 */
@Service
public class VacancyFigures {

	/** The counts of one area ({@code level}: statsec, wijk or gemeente). */
	public record AreaCounts(String level, String code, long stock, long stockDays, long inflow, long outflow) {

		/**
		 * The average duration of the stock in months (one decimal), null without stock.
		 */
		public Double averageMonths() {
			return stock == 0 ? null : Math.round(stockDays / (double) stock / 30.4375 * 10) / 10.0;
		}

	}

	/** At most this many half-years back. */
	static final int MAX_HALF_YEARS = 10;

	private final JdbcClient jdbc;

	VacancyFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The finished half-years from the first vacancy of the tenant's inventory up to the
	 * last one before {@code today}, at most {@value #MAX_HALF_YEARS}, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<Period> halfYears(Tenant tenant, LocalDate today) {
		LocalDate first = jdbc.sql("select min(started) from pirk.vacancy_period where tenant_id = ?")
			.param(tenant.id())
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		List<Period> periods = new ArrayList<>();
		if (first == null) {
			return periods;
		}
		Period last = halfYear(halfYear(today).start().minusDays(1));
		for (Period p = halfYear(first); !p.start().isAfter(last.start()); p = halfYear(p.end().plusDays(1))) {
			periods.add(p);
		}
		return periods.size() > MAX_HALF_YEARS ? periods.subList(periods.size() - MAX_HALF_YEARS, periods.size())
				: periods;
	}

	/** The counts of every area of the tenant's inventory for the half-year. */
	@Transactional(readOnly = true)
	public List<AreaCounts> of(Tenant tenant, Period halfYear) {
		String municipality = tenant.statisticsNisCode();
		return jdbc
			.sql("""
					select grouping(r.sector_code) as gs, grouping(r.wijk_code) as gw, r.sector_code, r.wijk_code,
					  count(p.id) filter (where p.started <= :end and (p.ended is null or p.ended > :end)) as stock,
					  coalesce(sum(:end - p.started) filter (where p.started <= :end and (p.ended is null or p.ended > :end)),
					    0) as stock_days,
					  count(p.id) filter (where p.started between :start and :end) as inflow,
					  count(p.id) filter (where p.ended between :start and :end) as outflow
					from pirk.real_estate r
					left join pirk.vacancy_period p on p.real_estate_id = r.id and p.tenant_id = r.tenant_id
					where r.tenant_id = :tenant
					  and not exists (select 1 from pirk.real_estate c where c.parent_id = r.id and c.tenant_id = r.tenant_id)
					group by grouping sets ((r.sector_code), (r.wijk_code), ())""")
			.param("start", halfYear.start())
			.param("end", halfYear.end())
			.param("tenant", tenant.id())
			.query((rs, n) -> {
				boolean sector = rs.getInt("gs") == 0;
				boolean wijk = rs.getInt("gw") == 0;
				String level = sector ? "statsec" : wijk ? "wijk" : "gemeente";
				String code = sector ? rs.getString("sector_code") : wijk ? rs.getString("wijk_code") : municipality;
				return new AreaCounts(level, code, rs.getLong("stock"), rs.getLong("stock_days"), rs.getLong("inflow"),
						rs.getLong("outflow"));
			})
			.list()
			.stream()
			.filter(c -> c.code() != null)
			.toList();
	}

	/** The half-year that contains the day. */
	public static Period halfYear(LocalDate day) {
		return new Period(day.getYear(), Period.Kind.SEMESTER, day.getMonthValue() <= 6 ? 1 : 2);
	}

}
