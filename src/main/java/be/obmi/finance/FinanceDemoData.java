package be.obmi.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import be.obmi.plan.PlanOutline;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import java.math.RoundingMode;

/**
 * Demo figures: for every tenant with a plan and no financial data, a deterministic
 * budget (2026–2031) and realisation (2026 and the first half of 2027) per action, plus
 * general receipts under no policy goal. Marked as demo data by its file name and label.
 */
@Component
class FinanceDemoData implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(FinanceDemoData.class);

	static final String FILE_NAME = "demo-bbc-export.csv";

	private final Tenants tenants;

	private final PlanOutline plan;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	FinanceDemoData(Tenants tenants, PlanOutline plan, JdbcClient jdbc, JdbcTemplate batch,
			TransactionTemplate transaction, @Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.tenants = tenants;
		this.plan = plan;
		this.jdbc = jdbc;
		this.batch = batch;
		this.transaction = transaction;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		for (Tenant tenant : tenants.all()) {
			boolean has = jdbc.sql("select exists (select 1 from finance.finance_import where tenant_id = ?)")
				.param(tenant.id())
				.query(Boolean.class)
				.single();
			if (has) {
				continue;
			}
			List<PlanOutline.Item> items = plan.items(tenant);
			if (!items.isEmpty()) {
				transaction.executeWithoutResult(status -> create(tenant, items));
			}
		}
	}

	private void create(Tenant tenant, List<PlanOutline.Item> items) {
		Random random = new Random(31L * tenant.slug().hashCode());
		List<Object[]> lines = new ArrayList<>();
		int row = 1;
		for (PlanOutline.Item item : items) {
			if (!item.type().equals("AC")) {
				continue;
			}
			String field = item.policyField() == null ? "0119" : item.policyField();
			boolean investment = random.nextInt(3) == 0;
			long yearly = (investment ? 200_000 : 40_000) + random.nextInt(400_000);
			for (int year = 2026; year <= 2031; year++) {
				BigDecimal estimate = BigDecimal.valueOf(yearly * (90 + random.nextInt(21)) / 100, 0).setScale(2);
				BigDecimal realised = year == 2026
						? estimate.multiply(BigDecimal.valueOf(70 + random.nextInt(35)))
							.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
						: year == 2027
								? estimate.multiply(BigDecimal.valueOf(25 + random.nextInt(30)))
									.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
								: BigDecimal.ZERO.setScale(2);
				lines.add(line(tenant, ++row, item.code(), year, field, investment ? "REK2210000" : "REK6130000",
						investment ? "INVESTERING" : "EXPLOITATIE", "UITGAVE", estimate, realised));
				if (investment && random.nextInt(3) == 0) {
					BigDecimal subsidy = estimate.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
					lines.add(line(tenant, ++row, item.code(), year, field, "REK1500000", "INVESTERING", "ONTVANGST",
							subsidy, year == 2026 ? subsidy : BigDecimal.ZERO.setScale(2)));
				}
			}
		}
		for (int year = 2026; year <= 2031; year++) {
			BigDecimal receipts = BigDecimal.valueOf(40_000_000L + random.nextInt(20_000_000)).setScale(2);
			lines.add(line(tenant, ++row, null, year, "0020", "REK7300000", "EXPLOITATIE", "ONTVANGST", receipts,
					year == 2026 ? receipts : BigDecimal.ZERO.setScale(2)));
		}
		long importId = jdbc.sql("""
				insert into finance.finance_import (tenant_id, file_name, label, reporting_date, actor, line_count,
				                                    fiscal_years, content_hash)
				values (?, ?, 'Demogegevens', ?, 'systeem', ?, ?, 'demo') returning id""")
			.params(tenant.id(), FILE_NAME, LocalDate.of(2027, 6, 30), lines.size(),
					new Integer[] { 2026, 2027, 2028, 2029, 2030, 2031 })
			.query(Long.class)
			.single();
		lines.forEach(l -> l[1] = importId);
		batch.batchUpdate("""
				insert into finance.finance_line (tenant_id, import_id, row_number, plan_item_code, fiscal_year,
				    policy_field, account, kind, direction, estimate, realisation)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines);
		log.info("Demo finance figures for {}: {} lines", tenant.name(), lines.size());
	}

	private static Object[] line(Tenant tenant, int row, String code, int year, String field, String account,
			String kind, String direction, BigDecimal estimate, BigDecimal realisation) {
		return new Object[] { tenant.id(), 0L, row, code, year, field, account, kind, direction, estimate,
				realisation };
	}

}
