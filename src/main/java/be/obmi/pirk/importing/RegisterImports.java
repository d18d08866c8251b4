package be.obmi.pirk.importing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.pirk.domain.EntryContent;
import be.obmi.pirk.domain.EntryMatcher;
import be.obmi.pirk.domain.MatchMethod;
import be.obmi.pirk.domain.RegisterType;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports register extracts (docs/formats/pirk-register-entries.md) into a city's
 * register entries, all or nothing, one register at a time: a new key makes a new entry,
 * a changed row a new version of its entry, an unchanged row nothing (so the same file
 * twice changes nothing and makes no import). New and changed entries are matched to
 * objects ({@link EntryMatcher}); what no object matches waits in the work queue. The
 * latest import of a register can be undone: its new entries go, its changed ones get
 * their previous version back.
 */
@Service
public class RegisterImports {

	private final JdbcClient jdbc;

	private final EntryMatcher matcher;

	private final EntryWriter writer;

	private final AuditTrail audit;

	private final ScopeLock lock;

	private final ObmiMetrics metrics;

	RegisterImports(JdbcClient jdbc, EntryMatcher matcher, EntryWriter writer, AuditTrail audit, ScopeLock lock,
			ObmiMetrics metrics) {
		this.jdbc = jdbc;
		this.matcher = matcher;
		this.writer = writer;
		this.audit = audit;
		this.lock = lock;
		this.metrics = metrics;
	}

	/**
	 * What an import did.
	 *
	 * @param batchId null when nothing changed (no import was recorded)
	 * @param status {@code CREATED} or {@code UNCHANGED}
	 */
	public record ImportSummary(Long batchId, String status, int rows, int created, int changed, int unchanged,
			int queued, String format, String crs) {
	}

	/** A past import, as the history lists it. */
	public record Batch(long id, RegisterType register, String source, LocalDate extractDate, String fileName,
			String format, String crs, int rowCount, int createdCount, int changedCount, int unchangedCount,
			int queuedCount, boolean demo, String importedBy, OffsetDateTime importedAt, String undoneBy,
			OffsetDateTime undoneAt) {

		public boolean undone() {
			return undoneAt != null;
		}

	}

	/**
	 * Imports a register extract.
	 * @param source who supplied the extract (provenance), required
	 * @param extractDate the date of the extract, required
	 * @throws ImportRejectedException with every error; nothing is stored then
	 */
	@Transactional
	public ImportSummary importFile(Tenant tenant, RegisterType register, String source, LocalDate extractDate,
			String fileName, byte[] content, boolean demo) {
		return metrics.timeImport("pirk", tenant.slug(), ImportRejectedException.class,
				() -> store(tenant, register, source, extractDate, fileName, content, demo), ImportSummary::rows);
	}

	private ImportSummary store(Tenant tenant, RegisterType register, String givenSource, LocalDate extractDate,
			String fileName, byte[] content, boolean demo) {
		lock.acquire(ScopeLock.Kind.PIRK, tenant.id());
		RegisterFile.Parsed parsed = RegisterFile.parse(content);
		String source = RegisterFile.text(givenSource, 201);
		List<ImportError> errors = new ArrayList<>();
		if (register == null) {
			errors.add(ImportError.ofFile("import.pirk.registerMissing"));
		}
		if (source == null || source.length() > 200) {
			errors.add(ImportError.ofFile("import.pirk.sourceMissing"));
		}
		if (extractDate == null || extractDate.getYear() < 1900 || extractDate.isAfter(LocalDate.now().plusDays(1))) {
			errors.add(ImportError.ofFile("import.pirk.extractDate"));
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		Map<String, EntryWriter.Current> current = new HashMap<>();
		writer.current(tenant, register).forEach(entry -> current.put(entry.sourceKey(), entry));
		List<EntryWriter.Change> changes = new ArrayList<>();
		int created = 0;
		int changed = 0;
		int queued = 0;
		for (EntryContent entry : parsed.entries()) {
			EntryWriter.Current before = current.get(entry.sourceKey());
			String hash = entry.hash();
			if (before != null && before.contentHash().equals(hash)) {
				continue;
			}
			EntryMatcher.Match match = before != null && before.objectId() != null
					&& (before.method() == MatchMethod.MANUAL || before.method() == MatchMethod.NEW_OBJECT)
							? new EntryMatcher.Match(before.objectId(), before.method(), before.method().quality(),
									null)
							: matcher.match(tenant, entry);
			changes.add(new EntryWriter.Change(before, entry, hash, match));
			created += before == null ? 1 : 0;
			changed += before == null ? 0 : 1;
			queued += match.objectId() == null ? 1 : 0;
		}
		int rows = parsed.entries().size();
		if (changes.isEmpty()) {
			return new ImportSummary(null, "UNCHANGED", rows, 0, 0, rows, 0, parsed.format(), parsed.crs());
		}
		String name = fileName == null || fileName.isBlank() ? "upload" : RegisterFile.text(fileName, 200);
		long batchId = jdbc.sql("""
				insert into pirk.import_batch (tenant_id, register, source, extract_date, file_name, format, crs,
				    row_count, created_count, changed_count, unchanged_count, queued_count, demo, imported_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), register.name(), source.strip(), extractDate, name, parsed.format(), parsed.crs(),
					rows, created, changed, rows - created - changed, queued, demo, actor())
			.query(Long.class)
			.single();
		writer.write(tenant, register, batchId, changes, demo);
		audit.created(tenant.id(), "pirk-import", String.valueOf(batchId), register.name() + " " + name,
				List.of(FieldChange.added("register", register.name()), FieldChange.added("bron", source.strip()),
						FieldChange.added("extractdatum", extractDate), FieldChange.added("nieuw", created),
						FieldChange.added("gewijzigd", changed), FieldChange.added("wachtrij", queued)));
		return new ImportSummary(batchId, "CREATED", rows, created, changed, rows - created - changed, queued,
				parsed.format(), parsed.crs());
	}

	/**
	 * Undoes the latest import of a register: its new entries go, its changed entries get
	 * their previous version back.
	 * @throws NotFoundException for an import that is not the tenant's
	 * @throws RefusedStateException when it was undone already, or a later import of the
	 * same register is in force
	 */
	@Transactional
	public void undo(Tenant tenant, long batchId) {
		metrics.timeUndo("pirk", tenant.slug(), () -> {
			undoBatch(tenant, batchId);
			return batchId;
		});
	}

	private void undoBatch(Tenant tenant, long batchId) {
		lock.acquire(ScopeLock.Kind.PIRK, tenant.id());
		Batch batch = history(tenant).stream()
			.filter(b -> b.id() == batchId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.importUnknown", batchId)));
		if (batch.undone()) {
			throw new RefusedStateException(Reason.of("pirk.refused.importUndone", batchId));
		}
		boolean later = jdbc.sql("""
				select exists (select 1 from pirk.import_batch where tenant_id = ? and register = ? and id > ?
				    and undone_at is null)""")
			.params(tenant.id(), batch.register().name(), batchId)
			.query(Boolean.class)
			.single();
		if (later) {
			throw new RefusedStateException(Reason.of("pirk.refused.importNotLatest", batchId));
		}
		int[] counts = writer.undo(tenant, batchId);
		jdbc.sql("update pirk.import_batch set undone_at = now(), undone_by = ? where id = ? and tenant_id = ?")
			.params(actor(), batchId, tenant.id())
			.update();
		audit.updated(tenant.id(), "pirk-import", String.valueOf(batchId),
				batch.register().name() + " " + batch.fileName(),
				List.of(FieldChange.between("status", "actief", "ongedaan gemaakt"),
						FieldChange.added("verwijderd", counts[0]), FieldChange.added("hersteld", counts[1])));
	}

	/** The tenant's imports, newest first. */
	@Transactional(readOnly = true)
	public List<Batch> history(Tenant tenant) {
		return jdbc.sql("""
				select id, register, source, extract_date, file_name, format, crs, row_count, created_count,
				    changed_count, unchanged_count, queued_count, demo, imported_by, imported_at, undone_by, undone_at
				from pirk.import_batch where tenant_id = ? order by id desc""")
			.param(tenant.id())
			.query(Batch.class)
			.list();
	}

	static String actor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "systeem" : authentication.getName();
	}

}
