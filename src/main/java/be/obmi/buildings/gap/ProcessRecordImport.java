package be.obmi.buildings.gap;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.buildings.ProcessRecord;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
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
 * Imports a city's list of process records
 * (docs/formats/schillenboek-process-records.md), all or nothing: every row error is
 * reported at once (row, column, reason) and nothing changes. The file replaces the
 * city's list of each process it names; the same file as the city's latest import changes
 * nothing; an import can be undone, which brings back the lists before it.
 */
@Service
public class ProcessRecordImport {

	static final List<String> REQUIRED = List.of("proces", "record_id");

	static final int MAX_ROWS = 200_000;

	private static final Pattern OBJECT_ID = Pattern
		.compile("^(?:https?://data\\.vlaanderen\\.be/id/(adres|gebouweenheid|gebouw)/)?(\\d{1,12})$");

	private static final Pattern CAPAKEY = Pattern.compile("^\\d{5}[A-Z_]\\d{4}/\\d{2}[A-Z_]\\d{3}$");

	private static final DateTimeFormatter BELGIAN = DateTimeFormatter.ofPattern("d/M/uuuu");

	private static final String SELECT = """
			select id, tenant_id, file_name, processes, records, imported_by, imported_at, undone_by, undone_at, demo
			from buildings.record_import""";

	private final JdbcClient jdbc;

	private final ScopeLock lock;

	private final AuditTrail audit;

	ProcessRecordImport(JdbcClient jdbc, ScopeLock lock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.lock = lock;
		this.audit = audit;
	}

	/** The outcome: the new import, or empty when the file equals the latest import. */
	public record Result(Optional<RecordImport> imported, int records, List<String> processes) {
	}

	/**
	 * Imports the file for the city.
	 * @throws ImportRejectedException with every problem found (nothing changed)
	 */
	@Transactional
	public Result importFile(Tenant city, String fileName, byte[] bytes, String actor, boolean demo) {
		lock.acquire(ScopeLock.Kind.BUILDINGS, city.id());
		String sha = sha256(bytes);
		Table table = TableReader.read(bytes, REQUIRED);
		List<ProcessRecord> records = records(table);
		List<String> processes = List
			.copyOf(new LinkedHashSet<>(records.stream().map(ProcessRecord::processCode).toList()));
		Optional<String> latest = jdbc.sql("""
				select sha256 from buildings.record_import where tenant_id = ? and undone_at is null
				order by id desc limit 1""").param(city.id()).query(String.class).optional();
		if (latest.isPresent() && latest.get().equals(sha)) {
			return new Result(Optional.empty(), records.size(), processes);
		}
		String safeName = fileName == null || fileName.isBlank() ? "procesrecords.csv"
				: fileName.strip().substring(0, Math.min(255, fileName.strip().length()));
		long id = jdbc
			.sql("""
					insert into buildings.record_import (tenant_id, file_name, sha256, processes, records, imported_by, demo)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(city.id(), safeName, sha, processes.toArray(String[]::new), records.size(), actor, demo)
			.query(Long.class)
			.single();
		for (ProcessRecord r : records) {
			jdbc.sql("""
					insert into buildings.process_record (import_id, tenant_id, process_code, record_id, address_id,
					  building_unit_id, building_id, parcel, record_date)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, city.id(), r.processCode(), r.recordId(), r.addressId(), r.buildingUnitId(), r.buildingId(),
						r.parcel(), r.date())
				.update();
		}
		audit.created(city.id(), "procesrecordimport", String.valueOf(id), safeName,
				List.of(FieldChange.added("records", records.size()),
						FieldChange.added("processen", String.join(",", processes))));
		return new Result(byId(city, id), records.size(), processes);
	}

	/**
	 * Undoes an import: the lists before it hold again.
	 * @throws NotFoundException for an import of another city or none
	 * @throws RefusedStateException when it is undone already
	 */
	@Transactional
	public RecordImport undo(Tenant city, long importId, String actor) {
		lock.acquire(ScopeLock.Kind.BUILDINGS, city.id());
		RecordImport before = byId(city, importId)
			.orElseThrow(() -> new NotFoundException(Reason.of("buildings.refused.gap.importUnknown", importId)));
		int rows = jdbc.sql("""
				update buildings.record_import set undone_by = ?, undone_at = now()
				where id = ? and tenant_id = ? and undone_at is null""").params(actor, importId, city.id()).update();
		if (rows == 0) {
			throw new RefusedStateException(Reason.of("buildings.refused.gap.undoneAlready"));
		}
		audit.updated(city.id(), "procesrecordimport", String.valueOf(importId), before.fileName(),
				List.of(FieldChange.added("ongedaan", actor)));
		return byId(city, importId).orElseThrow();
	}

	/** The city's imports, newest first. */
	@Transactional(readOnly = true)
	public List<RecordImport> imports(Tenant city) {
		return jdbc.sql(SELECT + " where tenant_id = ? order by id desc limit 50")
			.param(city.id())
			.query((rs, n) -> row(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<RecordImport> byId(Tenant city, long id) {
		return jdbc.sql(SELECT + " where tenant_id = ? and id = ?")
			.params(city.id(), id)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/**
	 * The city's current records: per process, those of the latest import not undone that
	 * names it.
	 */
	@Transactional(readOnly = true)
	public List<ProcessRecord> current(Tenant city) {
		return jdbc
			.sql("""
					with latest as (
					  select p.code, (select max(i.id) from buildings.record_import i
					                  where i.tenant_id = :tenant and i.undone_at is null and p.code = any(i.processes)) as import_id
					  from buildings.process p)
					select r.process_code, r.record_id, r.address_id, r.building_unit_id, r.building_id, r.parcel, r.record_date
					from buildings.process_record r join latest l on l.import_id = r.import_id and l.code = r.process_code
					where r.tenant_id = :tenant""")
			.param("tenant", city.id())
			.query((rs, n) -> new ProcessRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
			.list();
	}

	private static RecordImport row(ResultSet rs) throws SQLException {
		String[] processes = (String[]) rs.getArray("processes").getArray();
		return new RecordImport(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("file_name"),
				Arrays.asList(processes), rs.getInt("records"), rs.getString("imported_by"),
				rs.getObject("imported_at", OffsetDateTime.class), rs.getString("undone_by"),
				rs.getObject("undone_at", OffsetDateTime.class), rs.getBoolean("demo"));
	}

	private List<ProcessRecord> records(Table table) {
		Set<String> known = new HashSet<>(jdbc.sql("select code from buildings.process").query(String.class).list());
		List<ImportError> errors = new ArrayList<>();
		List<ProcessRecord> records = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		if (table.rows().size() > MAX_ROWS) {
			throw ImportRejectedException.of("import.buildings.tooManyRows", MAX_ROWS);
		}
		for (Table.Row row : table.rows()) {
			if (row.isBlank()) {
				continue;
			}
			String process = value(row, "proces").toLowerCase(Locale.ROOT);
			if (!known.contains(process)) {
				errors.add(new ImportError(row.number(), "proces", "import.buildings.processUnknown", process));
			}
			String recordId = value(row, "record_id");
			if (recordId.isEmpty()) {
				errors.add(new ImportError(row.number(), "record_id", "import.buildings.recordMissing"));
			}
			else if (recordId.length() > 100) {
				errors.add(new ImportError(row.number(), "record_id", "import.buildings.recordTooLong", 100));
			}
			else if (!seen.add(process + "|" + recordId)) {
				errors.add(new ImportError(row.number(), "record_id", "import.buildings.recordTwice", recordId));
			}
			String address = objectId(row, "adres_id", "adres", errors);
			String unit = objectId(row, "gebouweenheid_id", "gebouweenheid", errors);
			String building = objectId(row, "gebouw_id", "gebouw", errors);
			String parcel = value(row, "capakey").toUpperCase(Locale.ROOT);
			if (!parcel.isEmpty() && !CAPAKEY.matcher(parcel).matches()) {
				errors.add(new ImportError(row.number(), "capakey", "import.buildings.parcelInvalid", parcel));
			}
			LocalDate date = date(row, errors);
			records.add(new ProcessRecord(process, recordId, address, unit, building, parcel.isEmpty() ? null : parcel,
					date));
		}
		if (records.isEmpty() && errors.isEmpty()) {
			errors.add(ImportError.ofFile("import.buildings.empty"));
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		return records;
	}

	private static String value(Table.Row row, String column) {
		return row.get(column);
	}

	/**
	 * The register's object id (digits) of an id or URI of the right kind; null when
	 * blank.
	 */
	private static String objectId(Table.Row row, String column, String kind, List<ImportError> errors) {
		String text = value(row, column);
		if (text.isEmpty()) {
			return null;
		}
		Matcher m = OBJECT_ID.matcher(text);
		if (!m.matches() || (m.group(1) != null && !m.group(1).equals(kind))) {
			errors.add(new ImportError(row.number(), column, "import.buildings.idInvalid", text, kind));
			return null;
		}
		return m.group(2);
	}

	private static LocalDate date(Table.Row row, List<ImportError> errors) {
		String text = value(row, "datum");
		if (text.isEmpty()) {
			return null;
		}
		LocalDate date;
		try {
			date = text.contains("/") ? LocalDate.parse(text, BELGIAN) : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			date = null;
		}
		if (date == null || date.getYear() < 1900 || date.getYear() > 2200) {
			errors.add(new ImportError(row.number(), "datum", "import.buildings.dateInvalid", text));
			return null;
		}
		return date;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
