package be.obmi.warehouse;

import java.util.List;

import be.obmi.audit.DataChanged;
import be.obmi.shared.ObmiMetrics;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the warehouse current between rebuilds. Every change of domain data
 * ({@link DataChanged}, published with each audit line) marks its tenant as pending;
 * every few seconds the pending tenants are caught up in one transaction each, under the
 * same advisory lock as a rebuild, so readers see a tenant's old or new rows, never a
 * mix: the plan dimension and facts and the finance facts of that tenant are replaced. A
 * statistics import or undo is marked for {@link WarehouseStatistics}, which replaces the
 * facts of the changed indicators and periods (their aggregates and disclosure control
 * span tenants); other platform-wide changes (the area layout, a ratio's definition) are
 * taken in by the next full rebuild (nightly, or on demand).
 */
@Component
class WarehouseRefresh {

	private static final Logger log = LoggerFactory.getLogger(WarehouseRefresh.class);

	static final long PLATFORM = 0L;

	/**
	 * The audit entity type of every write of observations (a statistics import, its
	 * undo, a city's own figures), which {@link WarehouseStatistics} takes in.
	 */
	static final String STATISTICS = "cijferimport";

	private final JdbcClient jdbc;

	private final WarehouseRebuild rebuild;

	private final TransactionTemplate transaction;

	private final ObmiMetrics metrics;

	private final WarehouseStatistics statistics;

	WarehouseRefresh(JdbcClient jdbc, WarehouseRebuild rebuild, TransactionTemplate transaction, ObmiMetrics metrics,
			WarehouseStatistics statistics) {
		this.metrics = metrics;
		this.statistics = statistics;
		this.jdbc = jdbc;
		this.rebuild = rebuild;
		this.transaction = transaction;
	}

	@ApplicationModuleListener
	void on(DataChanged event) {
		if (STATISTICS.equals(event.entityType())) {
			statistics.mark();
		}
		jdbc.sql("""
				insert into warehouse_meta.pending (tenant_id) values (?)
				on conflict (tenant_id) do update set changed_at = now()""")
			.param(event.tenantId() == null ? PLATFORM : event.tenantId())
			.update();
	}

	/**
	 * Catches up every pending tenant; platform-wide changes other than statistics wait
	 * for the next full rebuild.
	 */
	@Scheduled(fixedDelayString = "${obmi.warehouse.refresh-delay:5s}",
			initialDelayString = "${obmi.warehouse.refresh-delay:5s}")
	@SchedulerLock(name = "warehouse.refresh", lockAtMostFor = "PT30M",
			lockAtLeastFor = "${obmi.warehouse.refresh-delay:5s}")
	void catchUp() {
		if (!rebuild.exists()) {
			return;
		}
		List<Long> pending = jdbc
			.sql("select tenant_id from warehouse_meta.pending where tenant_id <> ? order by changed_at")
			.param(PLATFORM)
			.query(Long.class)
			.list();
		for (long tenantId : pending) {
			long started = System.nanoTime();
			transaction.executeWithoutResult(status -> {
				jdbc.sql("delete from warehouse_meta.pending where tenant_id = ?").param(tenantId).update();
				refreshTenant(tenantId);
			});
			metrics.warehouseRefreshed(System.nanoTime() - started);
		}
	}

	/**
	 * Replaces one tenant's plan dimension, plan facts and finance facts in the current
	 * transaction.
	 */
	void refreshTenant(long tenantId) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(WarehouseRebuild.LOCK).query().listOfRows();
		for (String table : WarehouseRebuild.FACTS) {
			jdbc.sql("delete from warehouse." + table + " where tenant_key = ?").param(tenantId).update();
		}
		jdbc.sql("delete from warehouse.dim_indicator where tenant_key = ? and source = 'plan'")
			.param(tenantId)
			.update();
		jdbc.sql("delete from warehouse.dim_plan_item where tenant_key = ?").param(tenantId).update();
		jdbc.sql("insert into warehouse.dim_plan_item " + TenantSlices.select("dim_plan_item", "warehouse", tenantId))
			.update();
		jdbc.sql("insert into warehouse.dim_indicator " + TenantSlices.select("dim_indicator", "warehouse", tenantId))
			.update();
		jdbc.sql(
				"""
						insert into warehouse.dim_account (account_key, code)
						select (select coalesce(max(account_key), 0) from warehouse.dim_account) + row_number() over (order by account), account
						from (select distinct account from finance.current_line where tenant_id = ?
						      except select code from warehouse.dim_account) missing""")
			.param(tenantId)
			.update();
		int finance = 0;
		for (String table : WarehouseRebuild.FACTS) {
			int rows = jdbc
				.sql("insert into warehouse." + table + " " + TenantSlices.select(table, "warehouse", tenantId))
				.update();
			finance += table.equals("fact_finance") ? rows : 0;
		}
		log.info("Warehouse caught up with tenant {} ({} finance lines)", tenantId, finance);
	}

}
