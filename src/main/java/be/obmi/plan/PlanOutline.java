package be.obmi.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shape of a tenant's current multi-year plan for other modules (finance, warehouse):
 * its item codes, the hierarchy below a code, and each item's path BD/AP/AC. Read-only;
 * never returns null.
 */
@Service
public class PlanOutline {

	private final JdbcClient jdbc;

	PlanOutline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An item of the current plan with its place in the hierarchy. */
	public record Item(String code, String type, String parentCode, String title, boolean priority, String policyField,
			String wijk, String path) {
	}

	/**
	 * The codes of the tenant's current plan (the plan with the highest id), archived
	 * items included (a file may still name them); empty without a plan.
	 */
	@Transactional(readOnly = true)
	public Set<String> codes(Tenant tenant) {
		return new LinkedHashSet<>(jdbc
			.sql("""
					select i.code from plan.plan_item i
					where i.tenant_id = ? and i.plan_id = (select id from plan.plan where tenant_id = ? order by end_year desc, id desc limit 1)
					order by i.code""")
			.params(tenant.id(), tenant.id())
			.query(String.class)
			.list());
	}

	/**
	 * The code and every code below it in the current plan, archived items left out;
	 * empty when the code is not in the plan (or archived).
	 */
	@Transactional(readOnly = true)
	public Set<String> selfAndDescendants(Tenant tenant, String code) {
		return new LinkedHashSet<>(jdbc
			.sql("""
					with recursive tree as (
					    select i.id, i.code from plan.plan_item i
					    where i.tenant_id = ? and i.code = ? and i.archived_at is null
					      and i.plan_id = (select id from plan.plan where tenant_id = ? order by end_year desc, id desc limit 1)
					    union all
					    select c.id, c.code from plan.plan_item c join tree t on c.parent_id = t.id where c.archived_at is null
					)
					select code from tree""")
			.params(tenant.id(), code, tenant.id())
			.query(String.class)
			.list());
	}

	/**
	 * Every active (not archived) item of the current plan, parents before children, with
	 * its path like {@code BD01/AP01.02/AC01.02.03}.
	 */
	@Transactional(readOnly = true)
	public List<Item> items(Tenant tenant) {
		return jdbc
			.sql("""
					with recursive tree as (
					    select i.id, i.code, i.type, cast(null as varchar) as parent_code, i.title, i.priority, i.policy_field,
					           i.wijk, cast(i.code as text) as path, i.sort_order, 0 as depth
					    from plan.plan_item i
					    where i.tenant_id = ? and i.parent_id is null and i.archived_at is null
					      and i.plan_id = (select id from plan.plan where tenant_id = ? order by end_year desc, id desc limit 1)
					    union all
					    select c.id, c.code, c.type, t.code, c.title, c.priority, c.policy_field, c.wijk, t.path || '/' || c.code,
					           c.sort_order, t.depth + 1
					    from plan.plan_item c join tree t on c.parent_id = t.id
					    where c.archived_at is null
					)
					select code, type, parent_code, title, priority, policy_field, wijk, path from tree order by path""")
			.params(tenant.id(), tenant.id())
			.query(Item.class)
			.list();
	}

}
