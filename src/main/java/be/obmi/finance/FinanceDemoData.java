package be.obmi.finance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import be.obmi.plan.PlanOutline;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import java.math.RoundingMode;

/**
 * Demo figures: for every tenant with a plan and no financial data, a deterministic
 * budget (2026–2031) and realisation (2026 and the first half of 2027) per action, plus
 * general receipts under no policy goal. They are written as a file in the documented
 * import format (docs/formats/finance-import.md) and loaded through the real import
 * ({@link FinanceImports}), so demo data passes the same checks as an upload. Marked as
 * demo data by its file name and label.
 */
@Component
class FinanceDemoData implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(FinanceDemoData.class);

	static final String FILE_NAME = "demo-bbc-export.csv";

	private final Tenants tenants;

	private final PlanOutline plan;

	private final JdbcClient jdbc;

	private final FinanceImports imports;

	private final boolean enabled;

	FinanceDemoData(Tenants tenants, PlanOutline plan, JdbcClient jdbc, FinanceImports imports,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.tenants = tenants;
		this.plan = plan;
		this.jdbc = jdbc;
		this.imports = imports;
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
				byte[] file = file(tenant, items).getBytes(StandardCharsets.UTF_8);
				FinanceImportSummary summary = imports.importFile(tenant, FILE_NAME, file, LocalDate.of(2027, 6, 30),
						"Demogegevens");
				log.info("Demo finance figures for {}: {} lines", tenant.name(), summary.lines());
			}
		}
	}

	/** The demo figures of a tenant as an import file. */
	static String file(Tenant tenant, List<PlanOutline.Item> items) {
		Random random = new Random(31L * tenant.slug().hashCode());
		StringBuilder csv = new StringBuilder(String.join(";", FinanceFile.COLUMNS)).append('\n');
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
				line(csv, item.code(), year, field, investment ? "REK2210000" : "REK6130000",
						investment ? "investering" : "exploitatie", "uitgave", estimate, realised);
				if (investment && random.nextInt(3) == 0) {
					BigDecimal subsidy = estimate.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
					line(csv, item.code(), year, field, "REK1500000", "investering", "ontvangst", subsidy,
							year == 2026 ? subsidy : BigDecimal.ZERO.setScale(2));
				}
			}
		}
		for (int year = 2026; year <= 2031; year++) {
			BigDecimal receipts = BigDecimal.valueOf(40_000_000L + random.nextInt(20_000_000)).setScale(2);
			line(csv, "", year, "0020", "REK7300000", "exploitatie", "ontvangst", receipts,
					year == 2026 ? receipts : BigDecimal.ZERO.setScale(2));
		}
		return csv.toString();
	}

	/**
	 * One line in the column order of {@link FinanceFile#COLUMNS}, amounts as
	 * {@code 1234,56}.
	 */
	private static void line(StringBuilder csv, String code, int year, String field, String account, String kind,
			String direction, BigDecimal estimate, BigDecimal realisation) {
		csv.append(String.join(";", code, String.valueOf(year), field, account, kind, direction, euro(estimate),
				euro(realisation)))
			.append('\n');
	}

	private static String euro(BigDecimal amount) {
		return amount.toPlainString().replace('.', ',');
	}

}
