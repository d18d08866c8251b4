package be.obmi.stats.domain;

import be.obmi.shared.NotFoundException;

import be.obmi.stats.query.DisclosureControl;

import be.obmi.stats.query.OpenDataResponses;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.opendata.Cell;
import be.obmi.opendata.Cells;
import be.obmi.opendata.Cube;
import be.obmi.opendata.OpenDataFormat;
import be.obmi.opendata.OpenDataFormatException;
import be.obmi.opendata.OpenDataFormats;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Statistical tables imported as a whole (PX, JSON-stat 2.0, SDMX-CSV 2.0) into a scope.
 * The original file is kept and read again on export; its dimensions are kept parsed for
 * the list. A dataset is identified per scope by the cube's id (PX {@code MATRIX},
 * JSON-stat {@code id}/extension, SDMX dataflow): importing a table with the same id
 * replaces it, importing the same bytes again changes nothing.
 * <p>
 * Over 300 lines because a dataset's whole life (store, version, publish under disclosure
 * control, replace, delete with history) is one aggregate.
 */
@Service
public class Datasets {

	/** The formats a dataset can be exported in, as {@code ?format=} accepts them. */
	static final List<String> EXPORT_FORMATS = List.of("jsonstat", "sdmx-csv", "px", "csv", "xlsx", "csvw");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record DimensionInfo(String id, String label, String role, int size) {
	}

	public record Dataset(String id, String title, String source, String format, OffsetDateTime importedAt,
			List<DimensionInfo> dimensions, long cells, List<String> formats, boolean published, int threshold) {
	}

	/** What an import did with one dataset. */
	public record Stored(String id, String format, long cells, boolean created, boolean changed) {
	}

	private final JdbcClient jdbc;

	private final OpenDataFormats formats;

	private final AuditTrail audit;

	private final ScopeLock lock;

	Datasets(JdbcClient jdbc, OpenDataFormats formats, AuditTrail audit, ScopeLock lock) {
		this.lock = lock;
		this.jdbc = jdbc;
		this.formats = formats;
		this.audit = audit;
	}

	static String formatName(OpenDataFormat format) {
		return switch (format) {
			case PX -> "px";
			case JSON_STAT -> "jsonstat";
			case SDMX_CSV -> "sdmx-csv";
			case OTHER -> throw new IllegalArgumentException("no dataset format");
		};
	}

	/**
	 * Reads the file completely and stores it, all or nothing.
	 * @throws ImportRejectedException with the reader's error as a message code (line and
	 * keyword); nothing is stored then
	 */
	@Transactional
	public Stored importFile(Scope scope, String filename, byte[] bytes, OpenDataFormat format, String actor) {
		return store(scope, filename, bytes, format, read(bytes, format), actor);
	}

	/**
	 * Stores a file already read into {@code cube} (as {@link #read}), all or nothing.
	 */
	@Transactional
	public Stored store(Scope scope, String filename, byte[] bytes, OpenDataFormat format, Cube cube, String actor) {
		String name = formatName(format);
		if (cube.id().length() > 200) {
			throw new ImportRejectedException(List.of(new ImportError(1, "id", "import.stats.datasetIdTooLong")));
		}
		String hash = sha256(bytes);
		String title = truncate(cube.title().in("nl", cube.id()), 1000);
		String source = cube.source().isEmpty() ? null : truncate(cube.source().in("nl"), 1000);
		List<DimensionInfo> dimensions = cube.dimensions()
			.stream()
			.map(d -> new DimensionInfo(d.id(), d.label().in("nl", d.id()), d.role().name().toLowerCase(Locale.ROOT),
					d.size()))
			.toList();
		String dimensionJson = JSON.writeValueAsString(dimensions);
		long cells = cube.cells().count();
		Optional<String> existingHash = jdbc.sql("""
				select content_hash from stats.dataset where coalesce(tenant_id, 0) = ? and public_id = ? for update""")
			.params(scope.key(), cube.id())
			.query(String.class)
			.optional();
		if (existingHash.isPresent() && existingHash.get().equals(hash)) {
			return new Stored(cube.id(), name, cells, false, false);
		}
		List<FieldChange> changes = List.of(FieldChange.added("formaat", name), FieldChange.added("titel", title),
				FieldChange.added("cellen", cells), FieldChange.added("bestand", filename == null ? "" : filename));
		if (existingHash.isPresent()) {
			// keep what it replaces, for the undo of this import (the import id is
			// attached by attachImport)
			jdbc.sql(
					"""
							insert into stats.dataset_replaced (import_id, tenant_id, public_id, title, source, format, filename,
							  content_hash, content, dimensions, cell_count, imported_at, actor, published, threshold, suppressed,
							  previous_import_id)
							select -1, tenant_id, public_id, title, source, format, filename, content_hash, content, dimensions,
							  cell_count, imported_at, actor, published, threshold, suppressed, import_id
							from stats.dataset where coalesce(tenant_id, 0) = ? and public_id = ?""")
				.params(scope.key(), cube.id())
				.update();
			// new content is a draft again: what is public was reviewed, this was not
			jdbc.sql(
					"""
							update stats.dataset set title = ?, source = ?, format = ?, filename = ?, content_hash = ?, content = ?,
							  dimensions = cast(? as jsonb), cell_count = ?, imported_at = now(), actor = ?, published = false,
							  published_at = null, published_by = null, suppressed = '{}', import_id = null
							where coalesce(tenant_id, 0) = ? and public_id = ?""")
				.params(title, source, name, truncate(filename, 300), hash, bytes, dimensionJson, cells, actor,
						scope.key(), cube.id())
				.update();
			audit.updated(scope.tenantId(), "dataset", cube.id(), title, changes);
			return new Stored(cube.id(), name, cells, false, true);
		}
		jdbc.sql("""
				insert into stats.dataset (tenant_id, public_id, title, source, format, filename, content_hash, content,
				  dimensions, cell_count, actor)
				values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
			.params(scope.tenantId(), cube.id(), title, source, name, truncate(filename, 300), hash, bytes,
					dimensionJson, cells, actor)
			.update();
		audit.created(scope.tenantId(), "dataset", cube.id(), title, changes);
		return new Stored(cube.id(), name, cells, true, false);
	}

	/**
	 * The datasets of a scope: only the published ones unless {@code drafts} (the scope's
	 * members).
	 */
	public List<Dataset> list(Scope scope, boolean drafts) {
		return jdbc.sql(SELECT + " where coalesce(tenant_id, 0) = ? and (published or ?) order by public_id")
			.params(scope.key(), drafts)
			.query(Datasets::dataset)
			.list();
	}

	private static final String SELECT = """
			select public_id, title, source, format, imported_at, dimensions::text as dimensions, cell_count, published,
			  threshold
			from stats.dataset""";

	private static Dataset dataset(ResultSet rs, int row) throws SQLException {
		return new Dataset(rs.getString("public_id"), rs.getString("title"), rs.getString("source"),
				rs.getString("format"), rs.getObject("imported_at", OffsetDateTime.class),
				JSON.readValue(rs.getString("dimensions"), new TypeReference<List<DimensionInfo>>() {
				}), rs.getLong("cell_count"), EXPORT_FORMATS, rs.getBoolean("published"), rs.getInt("threshold"));
	}

	/**
	 * When a dataset was last imported and its content's hash, without reading the
	 * content; empty when unknown.
	 */
	public Optional<OpenDataResponses.Version> version(Scope scope, String id, boolean drafts) {
		return jdbc
			.sql("""
					select coalesce(greatest(imported_at, published_at), imported_at), content_hash || ':' || published || ':' || ?
					from stats.dataset where coalesce(tenant_id, 0) = ? and public_id = ? and (published or ?)""")
			.params(drafts, scope.key(), id, drafts)
			.query((rs, n) -> new OpenDataResponses.Version(rs.getObject(1, OffsetDateTime.class).toInstant(),
					rs.getString(2)))
			.optional();
	}

	/**
	 * The stored table read again, or empty when the scope has no such dataset that the
	 * reader may see: a draft only when {@code drafts}; real values only when
	 * {@code editor}, everyone else gets the stored suppressed cells.
	 */
	public Optional<Cube> cube(Scope scope, String id, boolean drafts, boolean editor) {
		record Content(String format, byte[] bytes, Instant importedAt, Long[] suppressed) {
		}
		return jdbc.sql("""
				select format, content, imported_at, suppressed from stats.dataset
				where coalesce(tenant_id, 0) = ? and public_id = ? and (published or ?)""")
			.params(scope.key(), id, drafts)
			.query((rs, n) -> new Content(rs.getString(1), rs.getBytes(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(), (Long[]) rs.getArray(4).getArray()))
			.optional()
			.map(c -> editor ? read(c.format(), c.bytes(), c.importedAt())
					: withSuppressed(read(c.format(), c.bytes(), c.importedAt()), Set.of(c.suppressed())));
	}

	private Cube read(String format, byte[] bytes, Instant importedAt) {
		Cube cube = formats.reader(switch (format) {
			case "px" -> OpenDataFormat.PX;
			case "jsonstat" -> OpenDataFormat.JSON_STAT;
			default -> OpenDataFormat.SDMX_CSV;
		}).read(new ByteArrayInputStream(bytes));
		return cube.updated() != null ? cube : new Cube(cube.id(), cube.title(), cube.source(), cube.unit(),
				cube.decimals(), importedAt, cube.dimensions(), cube.cells(), cube.extension());
	}

	/** The cube with the stored suppressed cells (by index) written as suppressed. */
	private static Cube withSuppressed(Cube cube, Set<Long> suppressed) {
		if (suppressed.isEmpty()) {
			return cube;
		}
		List<Cell> cells = new ArrayList<>();
		long index = 0;
		for (Cell cell : cube.cells()) {
			cells.add(suppressed.contains(index++) && cell.isOk() ? Cell.suppressed() : cell);
		}
		return cube.withCells(Cells.of(cells));
	}

	/**
	 * Category codes (and labels) that name a dimension's total: its cells add up the
	 * dimension's other categories.
	 */
	static final Set<String> TOTAL_CODES = Set.of("_t", "t", "total", "totaal", "tot", "tt", "all", "alle", "_z", "0");

	/**
	 * The cells to hide from the public: primary (above 0, below the threshold) and
	 * secondary over every dimension that has a total category (a total and its parts
	 * along that dimension, for every position of the other dimensions), with the same
	 * rule as the indicators ({@link DisclosureControl#suppress}).
	 */
	static Set<Long> decide(Cube cube, int threshold) {
		int dims = cube.dimensions().size();
		int[] sizes = new int[dims];
		long[] strides = new long[dims];
		long stride = 1;
		for (int d = dims - 1; d >= 0; d--) {
			sizes[d] = cube.dimensions().get(d).size();
			strides[d] = stride;
			stride *= sizes[d];
		}
		Map<String, Double> values = new HashMap<>();
		long count = 0;
		for (Cell cell : cube.cells()) {
			if (cell.isOk()) {
				values.put(String.valueOf(count), cell.value());
			}
			count++;
		}
		List<DisclosureControl.Group> groups = new ArrayList<>();
		for (int d = 0; d < dims; d++) {
			int total = -1;
			var categories = cube.dimensions().get(d).categories();
			for (int c = 0; c < categories.size(); c++) {
				String code = categories.get(c).code().toLowerCase(Locale.ROOT);
				String label = categories.get(c).label().in("nl", code).toLowerCase(Locale.ROOT);
				if (TOTAL_CODES.contains(code) || label.equals("totaal") || label.equals("total")) {
					total = c;
					break;
				}
			}
			if (total < 0) {
				continue;
			}
			for (long i = 0; i < count; i++) {
				if ((i / strides[d]) % sizes[d] != total) {
					continue;
				}
				List<String> parts = new ArrayList<>();
				for (int c = 0; c < sizes[d]; c++) {
					if (c != total) {
						String key = String.valueOf(i + (c - total) * strides[d]);
						if (values.containsKey(key)) {
							parts.add(key);
						}
					}
				}
				if (values.containsKey(String.valueOf(i)) && !parts.isEmpty()) {
					groups.add(new DisclosureControl.Group(String.valueOf(i), parts, true));
				}
			}
		}
		Set<Long> hidden = new HashSet<>();
		DisclosureControl.suppress(values, groups, threshold).forEach(k -> hidden.add(Long.parseLong(k)));
		return hidden;
	}

	/**
	 * Publishes a dataset with disclosure control at {@code threshold} (0: none, for
	 * tables that hold no counts): the suppressed cells are decided now and stored, so
	 * every download only reads them.
	 */
	@Transactional
	public void publish(Scope scope, String id, int threshold, String actor) {
		lock.acquire(ScopeLock.Kind.STATISTICS, scope.key());
		if (threshold < 0 || threshold > 1_000_000) {
			throw new RefusedValueException(Reason.of("stats.refused.thresholdRange"));
		}
		Dataset before = require(scope, id);
		Cube cube = cube(scope, id, true, true).orElseThrow();
		Long[] suppressed = decide(cube, threshold).stream().sorted().toArray(Long[]::new);
		jdbc.sql(
				"""
						update stats.dataset set published = true, published_at = now(), published_by = ?, threshold = ?, suppressed = ?
						where coalesce(tenant_id, 0) = ? and public_id = ?""")
			.params(actor, threshold, suppressed, scope.key(), id)
			.update();
		audit.updated(scope.tenantId(), "dataset", id, before.title(),
				Stream
					.of(FieldChange.between("gepubliceerd", before.published(), true),
							FieldChange.between("drempel", before.threshold(), threshold),
							FieldChange.added("geheime cellen", suppressed.length))
					.filter(Objects::nonNull)
					.toList());
	}

	/** Takes a dataset off the public site, the API and the DCAT catalogue. */
	@Transactional
	public void unpublish(Scope scope, String id) {
		lock.acquire(ScopeLock.Kind.STATISTICS, scope.key());
		Dataset before = require(scope, id);
		jdbc.sql("update stats.dataset set published = false where coalesce(tenant_id, 0) = ? and public_id = ?")
			.params(scope.key(), id)
			.update();
		FieldChange change = FieldChange.between("gepubliceerd", before.published(), false);
		audit.updated(scope.tenantId(), "dataset", id, before.title(), change == null ? List.of() : List.of(change));
	}

	/** Deletes a dataset (its history stays in the audit trail). */
	@Transactional
	public void delete(Scope scope, String id) {
		lock.acquire(ScopeLock.Kind.STATISTICS, scope.key());
		Dataset before = require(scope, id);
		jdbc.sql("delete from stats.dataset where coalesce(tenant_id, 0) = ? and public_id = ?")
			.params(scope.key(), id)
			.update();
		audit.deleted(scope.tenantId(), "dataset", id, before.title(),
				List.of(FieldChange.removed("titel", before.title()), FieldChange.removed("formaat", before.format()),
						FieldChange.removed("cellen", before.cells()),
						FieldChange.removed("gepubliceerd", before.published())));
	}

	private Dataset require(Scope scope, String id) {
		return jdbc.sql(SELECT + " where coalesce(tenant_id, 0) = ? and public_id = ?")
			.params(scope.key(), id)
			.query(Datasets::dataset)
			.optional()
			.orElseThrow(() -> new NotFoundException(Reason.of("stats.refused.datasetUnknown", id)));
	}

	/**
	 * Ties the dataset an import just stored (and what it replaced) to that import, for
	 * its undo.
	 */
	public void attachImport(Scope scope, String id, long importId) {
		jdbc.sql("update stats.dataset set import_id = ? where coalesce(tenant_id, 0) = ? and public_id = ?")
			.params(importId, scope.key(), id)
			.update();
		jdbc.sql(
				"update stats.dataset_replaced set import_id = ? where import_id = -1 and coalesce(tenant_id, 0) = ? and public_id = ?")
			.params(importId, scope.key(), id)
			.update();
	}

	/**
	 * The undo of an import: the datasets it created go, those it replaced come back as
	 * they were.
	 * @throws RefusedStateException when a later import replaced such a dataset again
	 */
	void undoImport(Scope scope, long importId) {
		int later = jdbc.sql("""
				select count(*) from stats.dataset_replaced r
				where r.import_id = ? and coalesce(r.tenant_id, 0) = ? and not exists (select 1 from stats.dataset d
				  where coalesce(d.tenant_id, 0) = ? and d.public_id = r.public_id and d.import_id = ?)""")
			.params(importId, scope.key(), scope.key(), importId)
			.query(Integer.class)
			.single();
		if (later > 0) {
			throw new RefusedStateException(Reason.of("stats.refused.datasetReplacedLater"));
		}
		jdbc.sql("delete from stats.dataset where coalesce(tenant_id, 0) = ? and import_id = ?")
			.params(scope.key(), importId)
			.update();
		jdbc.sql(
				"""
						insert into stats.dataset (tenant_id, public_id, title, source, format, filename, content_hash, content,
						  dimensions, cell_count, imported_at, actor, published, threshold, suppressed, import_id)
						select tenant_id, public_id, title, source, format, filename, content_hash, content, dimensions, cell_count,
						  imported_at, actor, published, threshold, suppressed, previous_import_id
						from stats.dataset_replaced where import_id = ? and coalesce(tenant_id, 0) = ?""")
			.params(importId, scope.key())
			.update();
		jdbc.sql("delete from stats.dataset_replaced where import_id = ? and coalesce(tenant_id, 0) = ?")
			.params(importId, scope.key())
			.update();
	}

	/**
	 * Reads a whole table.
	 * @throws ImportRejectedException with the reader's error (line, keyword and the
	 * reason as a message code, shown in the user's language)
	 */
	public Cube read(byte[] bytes, OpenDataFormat format) {
		try {
			return formats.reader(format).read(new ByteArrayInputStream(bytes));
		}
		catch (OpenDataFormatException ex) {
			throw new ImportRejectedException(List.of(ex.asImportError()));
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
