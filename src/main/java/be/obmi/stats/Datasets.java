package be.obmi.stats;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.opendata.Cube;
import be.obmi.opendata.OpenDataFormat;
import be.obmi.opendata.OpenDataFormatException;
import be.obmi.opendata.OpenDataFormats;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistical tables imported as a whole (PX, JSON-stat 2.0, SDMX-CSV 2.0) into a scope. The original file is kept
 * and read again on export; its dimensions are kept parsed for the list. A dataset is identified per scope by the
 * cube's id (PX {@code MATRIX}, JSON-stat {@code id}/extension, SDMX dataflow): importing a table with the same id
 * replaces it, importing the same bytes again changes nothing.
 */
@Service
class Datasets {

	/** The formats a dataset can be exported in, as {@code ?format=} accepts them. */
	static final List<String> EXPORT_FORMATS = List.of("jsonstat", "sdmx-csv", "px", "csv", "xlsx", "csvw");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record DimensionInfo(String id, String label, String role, int size) {
	}

	record Dataset(String id, String title, String source, String format, OffsetDateTime importedAt,
			List<DimensionInfo> dimensions, long cells, List<String> formats) {
	}

	/** What an import did with one dataset. */
	record Stored(String id, String format, long cells, boolean created, boolean changed) {
	}

	private final JdbcClient jdbc;

	private final OpenDataFormats formats;

	private final AuditTrail audit;

	Datasets(JdbcClient jdbc, OpenDataFormats formats, AuditTrail audit) {
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
	 * @throws ImportRejectedException with the reader's Dutch error (line and keyword); nothing is stored then
	 */
	@Transactional
	Stored importFile(Scope scope, String filename, byte[] bytes, OpenDataFormat format, String actor) {
		return store(scope, filename, bytes, format, read(bytes, format), actor);
	}

	/** Stores a file already read into {@code cube} (as {@link #read}), all or nothing. */
	@Transactional
	Stored store(Scope scope, String filename, byte[] bytes, OpenDataFormat format, Cube cube, String actor) {
		String name = formatName(format);
		if (cube.id().length() > 200) {
			throw new ImportRejectedException(List.of(new ImportError(1, "id", "De id van de tabel is langer dan 200 tekens.")));
		}
		String hash = sha256(bytes);
		String title = truncate(cube.title().in("nl", cube.id()), 1000);
		String source = cube.source().isEmpty() ? null : truncate(cube.source().in("nl"), 1000);
		List<DimensionInfo> dimensions = cube.dimensions()
			.stream()
			.map(d -> new DimensionInfo(d.id(), d.label().in("nl", d.id()), d.role().name().toLowerCase(java.util.Locale.ROOT), d.size()))
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
			jdbc.sql("""
					update stats.dataset set title = ?, source = ?, format = ?, filename = ?, content_hash = ?, content = ?,
					  dimensions = cast(? as jsonb), cell_count = ?, imported_at = now(), actor = ?
					where coalesce(tenant_id, 0) = ? and public_id = ?""")
				.params(title, source, name, truncate(filename, 300), hash, bytes, dimensionJson, cells, actor, scope.key(),
						cube.id())
				.update();
			audit.updated(scope.tenantId(), "dataset", cube.id(), title, changes);
			return new Stored(cube.id(), name, cells, false, true);
		}
		jdbc.sql("""
				insert into stats.dataset (tenant_id, public_id, title, source, format, filename, content_hash, content,
				  dimensions, cell_count, actor)
				values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
			.params(scope.tenantId(), cube.id(), title, source, name, truncate(filename, 300), hash, bytes, dimensionJson,
					cells, actor)
			.update();
		audit.created(scope.tenantId(), "dataset", cube.id(), title, changes);
		return new Stored(cube.id(), name, cells, true, false);
	}

	List<Dataset> list(Scope scope) {
		return jdbc.sql("""
				select public_id, title, source, format, imported_at, dimensions::text as dimensions, cell_count
				from stats.dataset where coalesce(tenant_id, 0) = ? order by public_id""")
			.param(scope.key())
			.query((rs, n) -> new Dataset(rs.getString("public_id"), rs.getString("title"), rs.getString("source"),
					rs.getString("format"), rs.getObject("imported_at", OffsetDateTime.class),
					JSON.readValue(rs.getString("dimensions"), new TypeReference<List<DimensionInfo>>() {
					}), rs.getLong("cell_count"), EXPORT_FORMATS))
			.list();
	}

	/** When a dataset was last imported and its content's hash, without reading the content; empty when unknown. */
	Optional<OpenDataResponses.Version> version(Scope scope, String id) {
		return jdbc.sql("select imported_at, content_hash from stats.dataset where coalesce(tenant_id, 0) = ? and public_id = ?")
			.params(scope.key(), id)
			.query((rs, n) -> new OpenDataResponses.Version(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2)))
			.optional();
	}

	/** The stored table read again, or empty when the scope has no dataset with this id. */
	Optional<Cube> cube(Scope scope, String id) {
		record Content(String format, byte[] bytes, Instant importedAt) {
		}
		return jdbc.sql("select format, content, imported_at from stats.dataset where coalesce(tenant_id, 0) = ? and public_id = ?")
			.params(scope.key(), id)
			.query((rs, n) -> new Content(rs.getString(1), rs.getBytes(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
			.optional()
			.map(c -> {
				Cube cube = formats.reader(switch (c.format()) {
					case "px" -> OpenDataFormat.PX;
					case "jsonstat" -> OpenDataFormat.JSON_STAT;
					default -> OpenDataFormat.SDMX_CSV;
				}).read(new ByteArrayInputStream(c.bytes()));
				return cube.updated() != null ? cube : new Cube(cube.id(), cube.title(), cube.source(), cube.unit(),
						cube.decimals(), c.importedAt(), cube.dimensions(), cube.cells(), cube.extension());
			});
	}

	/**
	 * Reads a whole table.
	 * @throws ImportRejectedException with the reader's Dutch error (line and keyword)
	 */
	Cube read(byte[] bytes, OpenDataFormat format) {
		try {
			return formats.reader(format).read(new ByteArrayInputStream(bytes));
		}
		catch (OpenDataFormatException ex) {
			throw new ImportRejectedException(List.of(new ImportError(ex.line() == null ? 1 : ex.line(),
					ex.column() == null ? "" : ex.column(), ex.getMessage())));
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
