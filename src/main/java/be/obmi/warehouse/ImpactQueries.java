package be.obmi.warehouse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The impact view, read from the warehouse: for a policy goal what was done (actions and
 * their status), what it cost (money per year), how its output indicators moved against
 * their targets, and how the city statistics it is linked to moved since before the plan
 * started, for the city and the wijken of its actions.
 */
@Service
public class ImpactQueries {

	private final JdbcClient jdbc;

	private final WarehouseRebuild rebuild;

	ImpactQueries(JdbcClient jdbc, WarehouseRebuild rebuild) {
		this.jdbc = jdbc;
		this.rebuild = rebuild;
	}

	public record Goal(String code, String title, boolean priority, long actions, BigDecimal estimate,
			BigDecimal realisation) {
	}

	public record Action(String code, String title, String apCode, boolean priority, String wijk, String status,
			Integer progress, String roundName) {
	}

	public record Money(int year, BigDecimal expenditureEstimate, BigDecimal expenditureRealisation,
			BigDecimal receiptsEstimate, BigDecimal receiptsRealisation) {
	}

	public record OutputIndicator(String itemCode, String name, String unit, LocalDate measuredOn, BigDecimal value,
			BigDecimal target) {
	}

	public record StatisticPoint(String statsCode, String name, String unit, String area, String areaLevel,
			String period, Double value, String status) {
	}

	public boolean available() {
		return rebuild.exists();
	}

	@Transactional(readOnly = true)
	public List<Goal> goals(Tenant tenant) {
		return jdbc
			.sql("""
					select g.code, g.title, g.priority,
					       (select count(*) from warehouse.dim_plan_item a where a.tenant_key = g.tenant_key and a.bd_code = g.code and a.type = 'AC') as actions,
					       coalesce((select sum(f.estimate) from warehouse.fact_finance f join warehouse.dim_plan_item i on i.plan_item_key = f.plan_item_key
					                 where i.tenant_key = g.tenant_key and i.bd_code = g.code and f.direction = 'UITGAVE'), 0) as estimate,
					       coalesce((select sum(f.realisation) from warehouse.fact_finance f join warehouse.dim_plan_item i on i.plan_item_key = f.plan_item_key
					                 where i.tenant_key = g.tenant_key and i.bd_code = g.code and f.direction = 'UITGAVE'), 0) as realisation
					from warehouse.dim_plan_item g
					where g.tenant_key = ? and g.type = 'BD'
					order by g.code""")
			.param(tenant.id())
			.query(Goal.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Goal> goal(Tenant tenant, String code) {
		return goals(tenant).stream().filter(g -> g.code().equals(code)).findFirst();
	}

	/** Actions with their latest update (the most recent round that has one). */
	private static final String ACTIONS_WITH_LATEST_UPDATE = """
			select a.code, a.title, a.ap_code, a.priority, a.wijk, u.status, u.progress, u.round_name
			from warehouse.dim_plan_item a
			left join lateral (select s.status, s.progress, s.round_name from warehouse.fact_status_update s
			                   where s.plan_item_key = a.plan_item_key order by s.reference_date desc, s.round_id desc limit 1) u on true
			""";

	/**
	 * The goal's actions with their latest update (the update of the most recent round
	 * that has one).
	 */
	@Transactional(readOnly = true)
	public List<Action> actions(Tenant tenant, String goalCode) {
		return jdbc.sql(ACTIONS_WITH_LATEST_UPDATE + """
				where a.tenant_key = ? and a.bd_code = ? and a.type = 'AC'
				order by a.path""").params(tenant.id(), goalCode).query(Action.class).list();
	}

	/**
	 * Money per fiscal year of the goal's items (rolled up: every item with this BD in
	 * its path).
	 */
	@Transactional(readOnly = true)
	public List<Money> money(Tenant tenant, String goalCode) {
		return moneyWhere(tenant, "i.bd_code = ?", goalCode);
	}

	/** Money per fiscal year of the actions located in a wijk. */
	@Transactional(readOnly = true)
	public List<Money> moneyInWijk(Tenant tenant, String wijk) {
		return moneyWhere(tenant, "i.wijk = ?", wijk);
	}

	private List<Money> moneyWhere(Tenant tenant, String condition, String value) {
		return jdbc
			.sql("""
					select f.fiscal_year as year,
					       coalesce(sum(f.estimate) filter (where f.direction = 'UITGAVE'), 0) as expenditure_estimate,
					       coalesce(sum(f.realisation) filter (where f.direction = 'UITGAVE'), 0) as expenditure_realisation,
					       coalesce(sum(f.estimate) filter (where f.direction = 'ONTVANGST'), 0) as receipts_estimate,
					       coalesce(sum(f.realisation) filter (where f.direction = 'ONTVANGST'), 0) as receipts_realisation
					from warehouse.fact_finance f join warehouse.dim_plan_item i on i.plan_item_key = f.plan_item_key
					where f.tenant_key = ? and\s"""
					+ condition + """

							group by f.fiscal_year order by f.fiscal_year""")
			.params(tenant.id(), value)
			.query(Money.class)
			.list();
	}

	/**
	 * The latest measurement of each output indicator of the goal's items, with that
	 * year's target.
	 */
	@Transactional(readOnly = true)
	public List<OutputIndicator> outputs(Tenant tenant, String goalCode) {
		return jdbc
			.sql("""
					select distinct on (d.indicator_key) p.code as item_code, d.name, d.unit, m.measured_on, m.value, m.target
					from warehouse.fact_measurement m
					join warehouse.dim_indicator d on d.indicator_key = m.indicator_key
					join warehouse.dim_plan_item p on p.plan_item_key = m.plan_item_key
					where m.tenant_key = ? and p.bd_code = ? and d.kind = 'OUTPUT'
					order by d.indicator_key, m.measured_on desc""")
			.params(tenant.id(), goalCode)
			.query(OutputIndicator.class)
			.list();
	}

	/**
	 * Yearly values of the statistics linked to the goal's indicators, for the city and
	 * for the wijken of its located actions, all years available (so also before the plan
	 * started).
	 */
	@Transactional(readOnly = true)
	public List<StatisticPoint> linkedStatistics(Tenant tenant, String goalCode) {
		return jdbc
			.sql("""
					with linked as (
					    select distinct s.indicator_key, s.code, s.name, s.unit
					    from warehouse.dim_indicator pi
					    join warehouse.dim_plan_item p on p.plan_item_key = pi.plan_item_key
					    join warehouse.dim_indicator s on s.source = 'stats' and s.code = pi.stats_code
					         and (s.tenant_key is null or s.tenant_key = pi.tenant_key)
					    where pi.source = 'plan' and pi.tenant_key = ? and p.bd_code = ?
					), areas as (
					    select a.area_key, a.name, a.level from warehouse.dim_area a
					    join warehouse.dim_tenant t on t.tenant_key = ?
					    where (a.level = 'gemeente' and a.code = t.nis_code)
					       or (a.level = 'wijk' and a.gemeente_code = t.nis_code and a.name in (
					           select w.wijk from warehouse.dim_plan_item w where w.tenant_key = t.tenant_key and w.bd_code = ? and w.wijk is not null))
					)
					select l.code as stats_code, l.name, l.unit, a.name as area, a.level as area_level, d.period_code as period,
					       o.value, o.status
					from linked l
					join warehouse.fact_observation o on o.indicator_key = l.indicator_key and o.breakdown = ''
					join areas a on a.area_key = o.area_key
					join warehouse.dim_time d on d.time_key = o.time_key and d.period_type = 'Y'
					where o.tenant_key is null or o.tenant_key = ?
					order by l.code, a.level, a.name, d.period_code""")
			.params(tenant.id(), goalCode, tenant.id(), goalCode, tenant.id())
			.query(StatisticPoint.class)
			.list();
	}

	/** The wijken with located actions. */
	@Transactional(readOnly = true)
	public List<String> wijken(Tenant tenant) {
		return jdbc.sql(
				"select distinct wijk from warehouse.dim_plan_item where tenant_key = ? and wijk is not null order by wijk")
			.param(tenant.id())
			.query(String.class)
			.list();
	}

	/** The actions located in a wijk, with their latest update. */
	@Transactional(readOnly = true)
	public List<Action> actionsInWijk(Tenant tenant, String wijk) {
		return jdbc.sql(ACTIONS_WITH_LATEST_UPDATE + """
				where a.tenant_key = ? and a.wijk = ? order by a.path""")
			.params(tenant.id(), wijk)
			.query(Action.class)
			.list();
	}

	/**
	 * The latest yearly value of every published statistic for the wijk (by name, within
	 * the city).
	 */
	@Transactional(readOnly = true)
	public List<StatisticPoint> wijkFigures(Tenant tenant, String wijk) {
		return jdbc
			.sql("""
					select distinct on (i.indicator_key) i.code as stats_code, i.name, i.unit, a.name as area, a.level as area_level,
					       d.period_code as period, o.value, o.status
					from warehouse.dim_area a
					join warehouse.dim_tenant t on t.tenant_key = ? and a.gemeente_code = t.nis_code
					join warehouse.fact_observation o on o.area_key = a.area_key and o.breakdown = '' and (o.tenant_key is null or o.tenant_key = t.tenant_key)
					join warehouse.dim_indicator i on i.indicator_key = o.indicator_key
					join warehouse.dim_time d on d.time_key = o.time_key and d.period_type = 'Y'
					where a.level = 'wijk' and a.name = ?
					order by i.indicator_key, d.period_code desc""")
			.params(tenant.id(), wijk)
			.query(StatisticPoint.class)
			.list();
	}

}
