package be.obmi.population.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.population.domain.PopulationProcessing;
import be.obmi.population.domain.Snapshots;
import be.obmi.shared.PostgresCopy;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.TableReader;
import be.obmi.stats.AreaLocator;
import be.obmi.stats.AreaNames;
import be.obmi.tenancy.Tenant;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a population-register extract (docs/formats/population-register.md) as a
 * snapshot of the tenant for its reference date: streamed with {@link TableReader}, every
 * row checked ({@link ExtractRows}: a national register number anywhere refuses the
 * file), the person, household and address keys pseudonymised ({@link Pseudonyms}), the
 * address placed in its sector ({@link AddressPlacement}), and the rows copied into the
 * snapshot's own partition of {@code population.person}. All or nothing under the
 * tenant's population lock: any error refuses the whole file (422) and nothing stays.
 */
@Service
public class RegisterImports {

	/** At most this many row errors are reported. */
	static final int MAX_ERRORS = 200;

	/** At most this many unplaced rows are listed in the summary. */
	static final int MAX_UNPLACED_ROWS = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * What an import did; no microdata (counts, and row numbers of unplaced addresses).
	 */
	public record Summary(LocalDate referenceDate, int rows, int residents, int households, int deregistered,
			int placedByCode, int placedByPoint, int unplaced, Map<String, Integer> unplacedReasons,
			List<Unplaced> unplacedRows) {
	}

	/** A row whose address could not be placed, with the reason's message code. */
	public record Unplaced(long row, String reason) {
	}

	private static final String COLUMNS = "(tenant_id, snapshot_id, person_key, birth_month, age, sex, "
			+ "nationality_group, household_key, household_type, household_position, address_key, postcode, "
			+ "sector_code, registered_on, civil_status, resident, deregistered_on, deregistration_reason)";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final ScopeLock lock;

	private final Pseudonyms pseudonyms;

	private final AreaLocator locator;

	private final AreaNames names;

	private final AuditTrail audit;

	private final PopulationProcessing processing;

	private final Snapshots snapshots;

	RegisterImports(JdbcClient jdbc, DataSource dataSource, ScopeLock lock, Pseudonyms pseudonyms, AreaLocator locator,
			AreaNames names, AuditTrail audit, PopulationProcessing processing, Snapshots snapshots) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.lock = lock;
		this.pseudonyms = pseudonyms;
		this.locator = locator;
		this.names = names;
		this.audit = audit;
		this.processing = processing;
		this.snapshots = snapshots;
	}

	/**
	 * Imports the extract as the tenant's snapshot of the reference date.
	 * @throws ImportRejectedException with every error (row, column, reason)
	 * @throws RefusedStateException for a tenant without a municipality
	 */
	@Transactional
	public Summary importExtract(Tenant tenant, LocalDate referenceDate, String fileName, InputStreamSource file,
			String actor) throws IOException {
		lock.acquire(ScopeLock.Kind.POPULATION, tenant.id());
		String nis = tenant.statisticsNisCode();
		if (nis == null) {
			throw new RefusedStateException(Reason.of("population.refused.noMunicipality"));
		}
		if (snapshots.find(tenant, referenceDate).isPresent()) {
			throw ImportRejectedException.of("import.population.snapshotExists", referenceDate.toString());
		}
		String sha256 = sha256(file);
		long id = jdbc
			.sql("""
					insert into population.snapshot (tenant_id, reference_date, file_name, file_sha256, rows_read, residents,
					  households, deregistered, placed_by_code, placed_by_point, unplaced, imported_by, delete_after)
					values (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, ?, ?) returning id""")
			.params(tenant.id(), referenceDate, fileName == null ? "extract.csv" : fileName, sha256, actor,
					referenceDate.plusYears(snapshots.retentionYears()))
			.query(Long.class)
			.single();
		String partition = "population.person_" + id;
		jdbc.sql("create table " + partition + " partition of population.person for values in (" + id + ")").update();
		Reading reading = new Reading(tenant.id(), id, referenceDate, pseudonyms.of(tenant.id()),
				new AddressPlacement(locator, names, nis), partition);
		TableReader.stream(file, reading);
		if (reading.errors.isEmpty() && reading.rows == 0) {
			reading.errors.add(ImportError.ofFile("import.population.empty"));
		}
		if (!reading.errors.isEmpty()) {
			throw new ImportRejectedException(reading.errors);
		}
		reading.flush();
		jdbc.sql("analyze " + partition).update();
		Map<String, Integer> reasons = new TreeMap<>(reading.reasons);
		Summary summary = jdbc.sql("""
				update population.snapshot set rows_read = :rows,
				  residents = (select count(*) from population.person where snapshot_id = :id and resident),
				  households = (select count(distinct household_key) from population.person
				    where snapshot_id = :id and resident),
				  deregistered = (select count(*) from population.person where snapshot_id = :id and not resident),
				  placed_by_code = :code, placed_by_point = :point, unplaced = :unplaced,
				  unplaced_reasons = cast(:reasons as jsonb)
				where id = :id and tenant_id = :tenant returning residents, households, deregistered""")
			.param("rows", reading.rows)
			.param("id", id)
			.param("tenant", tenant.id())
			.param("code", reading.byCode)
			.param("point", reading.byPoint)
			.param("unplaced", reading.unplaced)
			.param("reasons", JSON.writeValueAsString(reasons))
			.query((rs, n) -> new Summary(referenceDate, reading.rows, rs.getInt("residents"), rs.getInt("households"),
					rs.getInt("deregistered"), reading.byCode, reading.byPoint, reading.unplaced, reasons,
					List.copyOf(reading.unplacedRows)))
			.single();
		audit.created(tenant.id(), "population-snapshot", String.valueOf(id), referenceDate.toString(),
				List.of(FieldChange.added("peildatum", referenceDate), FieldChange.added("rijen", summary.rows()),
						FieldChange.added("inwoners", summary.residents()),
						FieldChange.added("niet geplaatst", summary.unplaced())));
		processing.propose(tenant, actor);
		return summary;
	}

	private static String sha256(InputStreamSource file) throws IOException {
		try (InputStream in = new DigestInputStream(file.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The reading of one file: rows checked, pseudonymised, placed and copied in chunks.
	 */
	private final class Reading implements TableReader.Handler {

		final List<ImportError> errors = new ArrayList<>();

		final Map<String, Integer> reasons = new TreeMap<>();

		final List<Unplaced> unplacedRows = new ArrayList<>();

		int rows;

		int byCode;

		int byPoint;

		int unplaced;

		private final long tenantId;

		private final long snapshotId;

		private final LocalDate referenceDate;

		private final Pseudonyms.Keyed keyed;

		private final AddressPlacement placement;

		private final String table;

		private ExtractRows reader;

		private PostgresCopy.Rows buffer = new PostgresCopy.Rows();

		private int buffered;

		Reading(long tenantId, long snapshotId, LocalDate referenceDate, Pseudonyms.Keyed keyed,
				AddressPlacement placement, String table) {
			this.tenantId = tenantId;
			this.snapshotId = snapshotId;
			this.referenceDate = referenceDate;
			this.keyed = keyed;
			this.placement = placement;
			this.table = table;
		}

		@Override
		public void header(List<String> header) {
			reader = new ExtractRows(header, referenceDate, errors);
			List<String> missing = reader.missing();
			if (!missing.isEmpty()) {
				throw new ImportRejectedException(missing.stream()
					.map(c -> new ImportError(1, c, "import.population.columnMissing", c))
					.toList());
			}
		}

		@Override
		public void row(long number, List<String> cells) {
			if (errors.size() >= MAX_ERRORS) {
				return;
			}
			rows++;
			ExtractRows.Row row = reader.read(number, cells);
			if (row == null || !errors.isEmpty()) {
				return;
			}
			AddressPlacement.Placed placed = placement.place(row.sector(), row.x(), row.y(), row.lat(), row.lon());
			switch (placed.method()) {
				case CODE -> byCode++;
				case POINT -> byPoint++;
				case UNPLACED -> {
					unplaced++;
					reasons.merge(placed.reason(), 1, Integer::sum);
					if (unplacedRows.size() < MAX_UNPLACED_ROWS) {
						unplacedRows.add(new Unplaced(number, placed.reason()));
					}
				}
			}
			int age = row.born().until(referenceDate).getYears();
			buffer.add(tenantId)
				.add(snapshotId)
				.add(keyed.pseudonym('p', row.person()))
				.add(row.born().withDayOfMonth(1))
				.add(age)
				.add(row.sex())
				.add(row.nationality())
				.add(keyed.pseudonym('h', row.household()))
				.add(row.householdType())
				.add(row.position())
				.add(keyed.pseudonym('a', row.address()))
				.add(row.postcode())
				.add(placed.sectorCode())
				.add(row.registered())
				.add(row.civilStatus())
				.add(row.resident(referenceDate))
				.add(row.deregistered())
				.add(row.reason())
				.end();
			if (++buffered >= 5_000) {
				flush();
			}
		}

		void flush() {
			if (buffered == 0) {
				return;
			}
			try {
				PostgresCopy.in(dataSource, table + " " + COLUMNS, buffer);
			}
			catch (IllegalStateException ex) {
				// the only constraint a checked row can break: a person key twice (the
				// database's message names the key's pseudonym: not repeated)
				if (ex.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
					throw ImportRejectedException.of("import.population.duplicatePerson");
				}
				throw ex;
			}
			buffer = new PostgresCopy.Rows();
			buffered = 0;
		}

	}

}
