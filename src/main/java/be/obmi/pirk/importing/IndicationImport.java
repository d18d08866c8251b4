package be.obmi.pirk.importing;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.pirk.screening.IndicationDraft;
import be.obmi.pirk.screening.IndicationKind;
import be.obmi.pirk.screening.Indications;
import be.obmi.pirk.screening.RuleEvaluation;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports indications from a CSV or XLSX file (docs/formats/pirk-indications.md): one row
 * per object, kind and period, the object named by its PIRK id or a register identifier.
 * All or nothing under the tenant's PIRK lock, every error with row, column and reason;
 * idempotent (the same file again changes nothing, a new value replaces the old one),
 * after which the rules are evaluated again.
 */
@Service
public class IndicationImport {

	public static final List<String> COLUMNS = List.of("soort", "van", "tot");

	static final List<String> IDENTIFIERS = List.of("object_id", "gebouweenheid_id", "gebouw_id", "adres_id",
			"capakey");

	private static final DateTimeFormatter BELGIAN = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/** What an import did. */
	public record Summary(String status, int rows, int created, int updated, int unchanged, Long importId,
			RuleEvaluation.Summary evaluation) {
	}

	/** An import of the history. */
	public record Version(long id, String fileName, int rowCount, int created, int updated, int unchanged, String actor,
			OffsetDateTime importedAt) {
	}

	private final JdbcClient jdbc;

	private final Indications indications;

	private final RuleEvaluation evaluation;

	private final AuditTrail audit;

	private final ScopeLock lock;

	private final ObmiMetrics metrics;

	IndicationImport(JdbcClient jdbc, Indications indications, RuleEvaluation evaluation, AuditTrail audit,
			ScopeLock lock, ObmiMetrics metrics) {
		this.jdbc = jdbc;
		this.indications = indications;
		this.evaluation = evaluation;
		this.audit = audit;
		this.lock = lock;
		this.metrics = metrics;
	}

	/**
	 * @throws ImportRejectedException with every error of the file; nothing changes then
	 */
	@Transactional(rollbackFor = Exception.class)
	public Summary importFile(Tenant tenant, String fileName, byte[] content, String actor, boolean demo) {
		return metrics.timeImport("pirk", tenant.slug(), ImportRejectedException.class,
				() -> store(tenant, fileName, content, actor, demo), Summary::rows);
	}

	private Summary store(Tenant tenant, String fileName, byte[] content, String actor, boolean demo) {
		lock.acquire(ScopeLock.Kind.PIRK, tenant.id());
		Table file = TableReader.read(content, COLUMNS);
		if (IDENTIFIERS.stream().noneMatch(file::hasColumn)) {
			throw ImportRejectedException.at(1, "object_id", "import.pirk.indication.identifierColumnMissing");
		}
		List<ImportError> errors = new ArrayList<>();
		List<IndicationDraft> drafts = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Table.Row line : file.rows()) {
			if (line.isBlank()) {
				continue;
			}
			int before = errors.size();
			int row = line.number();
			Long objectId = object(tenant, line, errors);
			IndicationKind kind = null;
			String kindText = line.value("soort");
			if (kindText == null) {
				errors.add(new ImportError(row, "soort", "import.pirk.indication.required", "soort"));
			}
			else {
				kind = IndicationKind.parse(kindText).orElse(null);
				if (kind == null) {
					errors.add(new ImportError(row, "soort", "import.pirk.indication.kindUnknown", kindText));
				}
			}
			LocalDate from = date(line, "van", errors);
			LocalDate to = date(line, "tot", errors);
			if (from != null && to != null && to.isBefore(from)) {
				errors.add(new ImportError(row, "tot", "import.pirk.indication.periodReversed"));
			}
			BigDecimal value = null;
			String valueText = line.value("waarde");
			if (valueText != null) {
				value = BelgianNumber.parse(valueText)
					.filter(v -> v.signum() >= 0 && v.compareTo(new BigDecimal("100000000000")) < 0)
					.orElse(null);
				if (value == null) {
					errors.add(new ImportError(row, "waarde", "import.pirk.indication.valueInvalid", valueText));
				}
			}
			if (errors.size() > before) {
				continue;
			}
			if (kind.measured() && value == null) {
				if (kind == IndicationKind.NO_RESIDENT) {
					value = BigDecimal.valueOf(ChronoUnit.MONTHS.between(from, to));
				}
				else {
					errors.add(new ImportError(row, "waarde", "import.pirk.indication.required", "waarde"));
					continue;
				}
			}
			if (!kind.measured() && value == null) {
				value = BigDecimal.ONE;
			}
			String source = line.get("bron");
			String key = objectId + "|" + kind + "|" + from + "|" + to + "|" + source;
			Integer first = seen.putIfAbsent(key, row);
			if (first != null) {
				errors.add(new ImportError(row, null, "import.pirk.indication.rowDuplicate", first));
				continue;
			}
			drafts.add(new IndicationDraft(objectId, kind, from, to, value, source, line.value("opmerking"), demo));
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		if (drafts.isEmpty()) {
			throw ImportRejectedException.of("import.pirk.indication.empty");
		}
		String sha = sha256(content);
		long importId = jdbc
			.sql("""
					insert into pirk.indication_import (tenant_id, file_name, sha256, row_count, created, updated, unchanged,
					    actor)
					values (?, ?, ?, ?, 0, 0, 0, ?) returning id""")
			.params(tenant.id(), fileName, sha, drafts.size(), actor)
			.query(Long.class)
			.single();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (IndicationDraft draft : drafts) {
			switch (indications.store(tenant, draft, importId, actor)) {
				case CREATED -> created++;
				case UPDATED -> updated++;
				case UNCHANGED -> unchanged++;
			}
		}
		if (created + updated == 0) {
			jdbc.sql("delete from pirk.indication_import where id = ?").param(importId).update();
			return new Summary("UNCHANGED", drafts.size(), 0, 0, unchanged, null, null);
		}
		jdbc.sql("update pirk.indication_import set created = ?, updated = ?, unchanged = ? where id = ?")
			.params(created, updated, unchanged, importId)
			.update();
		audit.created(tenant.id(), "pirk-indicatie-import", String.valueOf(importId), fileName, List.of(FieldChange
			.added("indicaties", "%d nieuw, %d gewijzigd, %d ongewijzigd".formatted(created, updated, unchanged))));
		RuleEvaluation.Summary evaluated = evaluation.evaluate(tenant);
		return new Summary("IMPORTED", drafts.size(), created, updated, unchanged, importId, evaluated);
	}

	/** The tenant's imports, latest first. */
	public List<Version> history(Tenant tenant, int limit) {
		return jdbc.sql("""
				select id, file_name, row_count, created, updated, unchanged, actor, imported_at
				from pirk.indication_import where tenant_id = ? order by imported_at desc, id desc limit ?""")
			.params(tenant.id(), limit)
			.query(Version.class)
			.list();
	}

	private Long object(Tenant tenant, Table.Row line, List<ImportError> errors) {
		for (String column : IDENTIFIERS) {
			String value = line.value(column);
			if (value == null) {
				continue;
			}
			List<Long> ids;
			if (column.equals("object_id")) {
				if (!value.matches("\\d{1,18}")) {
					errors.add(new ImportError(line.number(), column, "import.pirk.indication.objectUnknown", value));
					return null;
				}
				ids = jdbc.sql("select id from pirk.real_estate where tenant_id = ? and id = ?")
					.params(tenant.id(), Long.parseLong(value))
					.query(Long.class)
					.list();
			}
			else {
				String where = switch (column) {
					case "gebouweenheid_id" -> "building_unit_id = ?";
					case "gebouw_id" -> "building_id = ? and kind = 'BUILDING'";
					case "adres_id" -> "address_id = ?";
					default -> "upper(capakey) = upper(?)";
				};
				ids = jdbc.sql("select id from pirk.real_estate where tenant_id = ? and " + where + " limit 2")
					.params(tenant.id(), value)
					.query(Long.class)
					.list();
			}
			if (ids.size() == 1) {
				return ids.getFirst();
			}
			errors.add(new ImportError(line.number(), column,
					ids.isEmpty() ? "import.pirk.indication.objectUnknown" : "import.pirk.indication.objectAmbiguous",
					value));
			return null;
		}
		errors.add(new ImportError(line.number(), "object_id", "import.pirk.indication.objectMissing"));
		return null;
	}

	private static LocalDate date(Table.Row line, String column, List<ImportError> errors) {
		String text = line.value(column);
		if (text == null) {
			errors.add(new ImportError(line.number(), column, "import.pirk.indication.required", column));
			return null;
		}
		LocalDate date;
		try {
			date = text.contains("/") ? LocalDate.parse(text, BELGIAN) : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			errors.add(new ImportError(line.number(), column, "import.pirk.indication.dateInvalid", text));
			return null;
		}
		if (date.getYear() < 1900 || date.getYear() > 2200) {
			errors.add(new ImportError(line.number(), column, "import.pirk.indication.dateInvalid", text));
			return null;
		}
		return date;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
