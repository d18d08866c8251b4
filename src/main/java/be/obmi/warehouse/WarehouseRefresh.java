package be.obmi.warehouse;

import be.obmi.finance.FinanceFiguresChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the warehouse current between rebuilds: when a module reports a change, the affected tenant's facts are
 * replaced in one transaction (under the same advisory lock as a rebuild), so readers see either the old or the
 * new facts of that tenant. Events are delivered after the change committed and retried from the event
 * publication registry when the application stopped before handling them.
 */
@Component
class WarehouseRefresh {

	private static final Logger log = LoggerFactory.getLogger(WarehouseRefresh.class);

	private final JdbcClient jdbc;

	private final WarehouseRebuild rebuild;

	WarehouseRefresh(JdbcClient jdbc, WarehouseRebuild rebuild) {
		this.jdbc = jdbc;
		this.rebuild = rebuild;
	}

	@ApplicationModuleListener
	void on(FinanceFiguresChanged event) {
		refreshFinance(event.tenantId());
	}

	/** Replaces one tenant's finance facts from the version in force; nothing happens before the first rebuild. */
	void refreshFinance(long tenantId) {
		if (!rebuild.exists()) {
			return;
		}
		jdbc.sql("select pg_advisory_xact_lock(?)").param(WarehouseRebuild.LOCK).query().listOfRows();
		jdbc.sql("""
				insert into warehouse.dim_account (account_key, code)
				select (select coalesce(max(account_key), 0) from warehouse.dim_account) + row_number() over (order by account), account
				from (select distinct account from finance.current_line where tenant_id = ?
				      except select code from warehouse.dim_account) missing""").param(tenantId).update();
		jdbc.sql("delete from warehouse.fact_finance where tenant_key = ?").param(tenantId).update();
		int rows = jdbc.sql("""
				insert into warehouse.fact_finance
				select l.tenant_id, pi.plan_item_key, l.plan_item_code, l.fiscal_year * 100, l.fiscal_year, l.policy_field,
				       a.account_key, l.kind, l.direction, l.estimate, l.realisation, l.import_id, i.reporting_date
				from finance.current_line l
				join finance.finance_import i on i.id = l.import_id
				join warehouse.dim_account a on a.code = l.account
				left join warehouse.dim_plan_item pi on pi.tenant_key = l.tenant_id and pi.code = l.plan_item_code
				where l.tenant_id = ?""").param(tenantId).update();
		log.info("Warehouse finance facts of tenant {} refreshed: {} rows", tenantId, rows);
	}

}
