package be.obmi.finance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import be.obmi.plan.PlanOutline;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.time.Instant;

/**
 * Imports BBC exports as versions of a tenant's financial figures. An import is
 * all-or-nothing; importing the same figures again changes nothing; an import can be
 * undone as a whole, after which the previous version of its years is in force again.
 */
@Service
public class FinanceImports {

	private final JdbcClient jdbc;

	private final PlanOutline plan;

	private final JdbcTemplate batchInsert;

	private final AuditTrail audit;

	private final ObmiMetrics metrics;

	private final ScopeLock lock;

	FinanceImports(JdbcClient jdbc, JdbcTemplate batchInsert, PlanOutline plan, AuditTrail audit, ObmiMetrics metrics,
			ScopeLock lock) {
		this.lock = lock;
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.batchInsert = batchInsert;
		this.plan = plan;
		this.audit = audit;
	}

	/** A past import as the history lists it. */
	public record FinanceImport(long id, String fileName, String label, LocalDate reportingDate, Instant importedAt,
			String actor, int lineCount, Instant undoneAt) {
	}

	/**
	 * @param reportingDate the moment the figures describe (budget or realisation at that
	 * date); today when null
	 * @throws ImportRejectedException with every error (row, column, message code);
	 * nothing is stored then
	 */
	@Transactional
	public FinanceImportSummary importFile(Tenant tenant, String fileName, byte[] content, LocalDate reportingDate,
			String label) {
		return metrics.timeImport("finance", tenant.slug(), ImportRejectedException.class,
				() -> storeFile(tenant, fileName, content, reportingDate, label), FinanceImportSummary::lines);
	}

	private FinanceImportSummary storeFile(Tenant tenant, String fileName, byte[] content, LocalDate reportingDate,
			String label) {
		lock.acquire(ScopeLock.Kind.FINANCE, tenant.id());
		Table table = TableReader.read(content);
		Map<String, String> policyFields = new HashMap<>();
		plan.items(tenant).forEach(item -> policyFields.put(item.code(), item.policyField()));
		List<FinanceLine> lines = FinanceFile.parse(table, policyFields::containsKey, policyFields::get, tenant.name());
		TreeSet<Integer> years = new TreeSet<>(lines.stream().map(FinanceLine::fiscalYear).toList());
		String hash = hash(lines);
		BigDecimal estimate = lines.stream().map(FinanceLine::estimate).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal realisation = lines.stream().map(FinanceLine::realisation).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (isInForce(tenant, years, hash)) {
			return new FinanceImportSummary(null, "UNCHANGED", lines.size(), List.copyOf(years), estimate, realisation);
		}
		long importId = jdbc.sql("""
				insert into finance.finance_import (tenant_id, file_name, label, reporting_date, actor, line_count,
				                                    fiscal_years, content_hash)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), fileName, label, reportingDate == null ? LocalDate.now() : reportingDate, actor(),
					lines.size(), years.toArray(Integer[]::new), hash)
			.query(Long.class)
			.single();
		List<Object[]> batch = lines.stream()
			.map(l -> new Object[] { tenant.id(), importId, l.row(), l.planItemCode(), l.fiscalYear(), l.policyField(),
					l.account(), l.kind().name(), l.direction().name(), l.estimate(), l.realisation() })
			.toList();
		batchInsert.batchUpdate("""
				insert into finance.finance_line (tenant_id, import_id, row_number, plan_item_code, fiscal_year,
				    policy_field, account, kind, direction, estimate, realisation)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
		audit.created(tenant.id(), "financiële import", String.valueOf(importId), fileName,
				List.of(FieldChange.added("regels", lines.size()), FieldChange.added("boekjaren", years),
						FieldChange.added("raming", estimate), FieldChange.added("realisatie", realisation)));
		return new FinanceImportSummary(importId, "CREATED", lines.size(), List.copyOf(years), estimate, realisation);
	}

	/** Whether the version in force for exactly these years has the same content. */
	private boolean isInForce(Tenant tenant, Set<Integer> years, String hash) {
		Optional<String> current = jdbc.sql("""
				select content_hash from finance.finance_import
				where tenant_id = ? and undone_at is null and fiscal_years && ?
				order by id desc limit 1""")
			.params(tenant.id(), years.toArray(Integer[]::new))
			.query(String.class)
			.optional();
		return current.isPresent() && current.get().equals(hash);
	}

	/**
	 * Undoes a whole import; the previous version of its years is in force again.
	 * @throws NotFoundException for an import that is not the tenant's
	 * @throws RefusedStateException when it was undone already
	 */
	@Transactional
	public void undo(Tenant tenant, long importId) {
		metrics.timeUndo("finance", tenant.slug(), () -> {
			undoImport(tenant, importId);
			return importId;
		});
	}

	private void undoImport(Tenant tenant, long importId) {
		lock.acquire(ScopeLock.Kind.FINANCE, tenant.id());
		int updated = jdbc.sql("""
				update finance.finance_import set undone_at = now(), undone_by = ?
				where id = ? and tenant_id = ? and undone_at is null""")
			.params(actor(), importId, tenant.id())
			.update();
		if (updated == 0) {
			boolean exists = jdbc
				.sql("select exists (select 1 from finance.finance_import where id = ? and tenant_id = ?)")
				.params(importId, tenant.id())
				.query(Boolean.class)
				.single();
			if (!exists) {
				// unknown, or another tenant's: the same answer, so ids reveal nothing
				throw new NotFoundException(Reason.of("finance.refused.importUnknown", importId));
			}
			throw new RefusedStateException(Reason.of("finance.refused.importUndone", importId));
		}
		audit.updated(tenant.id(), "financiële import", String.valueOf(importId), "import " + importId,
				List.of(FieldChange.between("status", "actief", "ongedaan gemaakt")));
	}

	@Transactional(readOnly = true)
	public List<FinanceImport> history(Tenant tenant) {
		return jdbc.sql("""
				select id, file_name, label, reporting_date, imported_at, actor, line_count, undone_at
				from finance.finance_import where tenant_id = ? order by id desc""")
			.param(tenant.id())
			.query(FinanceImport.class)
			.list();
	}

	static String hash(List<FinanceLine> lines) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			lines.stream()
				.map(FinanceLine::contentKey)
				.sorted()
				.forEach(key -> digest.update((key + "\n").getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String actor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "systeem" : authentication.getName();
	}

}
