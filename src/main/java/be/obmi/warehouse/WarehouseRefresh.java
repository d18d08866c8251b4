package be.obmi.warehouse;

import java.util.List;

import be.obmi.audit.DataChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the warehouse current between rebuilds. Every change of domain data ({@link DataChanged}, published with
 * each audit line) marks its tenant as pending; every few seconds the pending tenants are caught up in one
 * transaction each, under the same advisory lock as a rebuild, so readers see a tenant's old or new rows, never a
 * mix: the plan dimension and facts and the finance facts of that tenant are replaced. Statistics changes are
 * taken in by the next full rebuild (nightly, or on demand), because their aggregates span tenants.
 */
@Component
class WarehouseRefresh {

	private static final Logger log = LoggerFactory.getLogger(WarehouseRefresh.class);

	static final long PLATFORM = 0L;

	private final JdbcClient jdbc;

	private final WarehouseRebuild rebuild;

	private final TransactionTemplate transaction;

	WarehouseRefresh(JdbcClient jdbc, WarehouseRebuild rebuild, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.rebuild = rebuild;
		this.transaction = transaction;
	}

	@ApplicationModuleListener
	void on(DataChanged event) {
		jdbc.sql("""
				insert into warehouse_meta.pending (tenant_id) values (?)
				on conflict (tenant_id) do update set changed_at = now()""")
			.param(event.tenantId() == null ? PLATFORM : event.tenantId())
			.update();
	}

	/** Catches up every pending tenant; platform-wide changes wait for the next full rebuild. */
	@Scheduled(fixedDelayString = "${obmi.warehouse.refresh-delay:5s}", initialDelayString = "${obmi.warehouse.refresh-delay:5s}")
	void catchUp() {
		if (!rebuild.exists()) {
			return;
		}
		List<Long> pending = jdbc.sql("select tenant_id from warehouse_meta.pending where tenant_id <> ? order by changed_at")
			.param(PLATFORM).query(Long.class).list();
		for (long tenantId : pending) {
			transaction.executeWithoutResult(status -> {
				jdbc.sql("delete from warehouse_meta.pending where tenant_id = ?").param(tenantId).update();
				refreshTenant(tenantId);
			});
		}
	}

	/** Replaces one tenant's plan dimension, plan facts and finance facts in the current transaction. */
	void refreshTenant(long tenantId) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(WarehouseRebuild.LOCK).query().listOfRows();
		for (String table : List.of("fact_finance", "fact_status_update", "fact_measurement")) {
			jdbc.sql("delete from warehouse." + table + " where tenant_key = ?").param(tenantId).update();
		}
		jdbc.sql("delete from warehouse.dim_indicator where tenant_key = ? and source = 'plan'").param(tenantId).update();
		jdbc.sql("delete from warehouse.dim_plan_item where tenant_key = ?").param(tenantId).update();
		jdbc.sql("""
				insert into warehouse.dim_plan_item
				with recursive current_plan as (
				    select id, tenant_id, name from plan.plan where tenant_id = ? order by end_year desc, id desc limit 1
				), tree as (
				    select i.id, i.tenant_id, i.code, i.type, i.title, i.priority, i.policy_field, i.wijk, i.latitude, i.longitude,
				           p.name as plan_name, i.code as bd_code, i.title as bd_title, null::varchar as ap_code, null::varchar as ap_title,
				           cast(i.code as text) as path, i.parent_id
				    from plan.plan_item i join current_plan p on p.id = i.plan_id
				    where i.parent_id is null
				    union all
				    select c.id, c.tenant_id, c.code, c.type, c.title, c.priority, c.policy_field, c.wijk, c.latitude, c.longitude,
				           t.plan_name, t.bd_code, t.bd_title,
				           case when c.type = 'AP' then c.code else t.ap_code end,
				           case when c.type = 'AP' then c.title else t.ap_title end,
				           t.path || '/' || c.code, c.parent_id
				    from plan.plan_item c join tree t on c.parent_id = t.id
				)
				select id, tenant_id, plan_name, code, type, title, priority, policy_field, bd_code, bd_title, ap_code, ap_title,
				       case when type = 'AC' then code end, path, parent_id, wijk, latitude, longitude
				from tree""").param(tenantId).update();
		jdbc.sql("""
				insert into warehouse.dim_indicator
				select -i.id, 'plan', i.id, i.tenant_id, i.code, i.name, null, i.unit, i.kind, i.direction, i.stats_code, i.item_id, null
				from plan.indicator i where i.tenant_id = ?""").param(tenantId).update();
		jdbc.sql("""
				insert into warehouse.fact_status_update
				select u.tenant_id, u.item_id, r.id, r.name, r.reference_date,
				       (extract(year from r.reference_date) * 100 + extract(month from r.reference_date))::int,
				       r.state, u.status, u.progress, u.state, u.published_at
				from plan.status_update u join plan.status_round r on r.id = u.round_id
				where u.tenant_id = ? and u.item_id in (select plan_item_key from warehouse.dim_plan_item where tenant_key = ?)""")
			.params(tenantId, tenantId).update();
		jdbc.sql("""
				insert into warehouse.fact_measurement
				select m.tenant_id, -i.id, i.item_id, m.measured_on, (extract(year from m.measured_on) * 100)::int, m.value,
				       m.text_value,
				       (select t.target from plan.indicator_target t where t.indicator_id = i.id and t.year = extract(year from m.measured_on))
				from plan.measurement m join plan.indicator i on i.id = m.indicator_id
				where m.tenant_id = ?""").param(tenantId).update();
		jdbc.sql("""
				insert into warehouse.dim_account (account_key, code)
				select (select coalesce(max(account_key), 0) from warehouse.dim_account) + row_number() over (order by account), account
				from (select distinct account from finance.current_line where tenant_id = ?
				      except select code from warehouse.dim_account) missing""").param(tenantId).update();
		int finance = jdbc.sql("""
				insert into warehouse.fact_finance
				select l.tenant_id, pi.plan_item_key, l.plan_item_code, l.fiscal_year * 100, l.fiscal_year, l.policy_field,
				       a.account_key, l.kind, l.direction, l.estimate, l.realisation, l.import_id, i.reporting_date
				from finance.current_line l
				join finance.finance_import i on i.id = l.import_id
				join warehouse.dim_account a on a.code = l.account
				left join warehouse.dim_plan_item pi on pi.tenant_key = l.tenant_id and pi.code = l.plan_item_code
				where l.tenant_id = ?""").param(tenantId).update();
		log.info("Warehouse caught up with tenant {} ({} finance lines)", tenantId, finance);
	}

}
