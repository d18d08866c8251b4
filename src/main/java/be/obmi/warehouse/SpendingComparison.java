package be.obmi.warehouse;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spending per BBC policy field per inhabitant across the tenants that have financial
 * data, from the warehouse. Inhabitants are the latest published {@code bev_totaal} of
 * the municipality in Stad in cijfers.
 */
@Service
public class SpendingComparison {

	private final JdbcClient jdbc;

	SpendingComparison(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One city's figure for one policy field; {@code perInhabitant} is null without a
	 * population figure.
	 */
	public record Row(String policyField, String policyFieldName, String tenant, String slug, BigDecimal amount,
			Long inhabitants, BigDecimal perInhabitant) {
	}

	/**
	 * Realised (or, when {@code estimate}, estimated) expenditure of the year, per policy
	 * field and city.
	 */
	@Transactional(readOnly = true)
	public List<Row> expenditure(int year, boolean estimate) {
		return jdbc
			.sql("""
					with population as (
					    select distinct on (a.code) a.code as nis_code, o.value
					    from warehouse.fact_observation o
					    join warehouse.dim_indicator i on i.indicator_key = o.indicator_key and i.source = 'stats'
					         and i.code = 'bev_totaal' and i.tenant_key is null
					    join warehouse.dim_area a on a.area_key = o.area_key and a.level = 'gemeente'
					    join warehouse.dim_time d on d.time_key = o.time_key and d.period_type = 'Y'
					    where o.status = 'ok' and o.breakdown = ''
					    order by a.code, d.year desc
					)
					select f.policy_field_code as policy_field, coalesce(pf.name, f.policy_field_code) as policy_field_name,
					       t.name as tenant, t.slug, sum(case when ? then f.estimate else f.realisation end) as amount,
					       cast(p.value as bigint) as inhabitants,
					       round(sum(case when ? then f.estimate else f.realisation end) / nullif(cast(p.value as numeric), 0), 2) as per_inhabitant
					from warehouse.fact_finance f
					join warehouse.dim_tenant t on t.tenant_key = f.tenant_key
					left join warehouse.dim_policy_field pf on pf.policy_field_code = f.policy_field_code
					left join population p on p.nis_code = t.nis_code
					where f.direction = 'UITGAVE' and f.fiscal_year = ?
					group by f.policy_field_code, pf.name, t.name, t.slug, p.value
					order by f.policy_field_code, t.name""")
			.params(estimate, estimate, year)
			.query(Row.class)
			.list();
	}

	/** The fiscal years with financial data. */
	@Transactional(readOnly = true)
	public List<Integer> years() {
		return jdbc.sql("select distinct fiscal_year from warehouse.fact_finance order by 1")
			.query(Integer.class)
			.list();
	}

}
