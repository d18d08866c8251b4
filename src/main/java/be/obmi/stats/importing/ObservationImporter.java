package be.obmi.stats.importing;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.CodeMapping;
import be.obmi.stats.domain.Datasets;

import be.obmi.shared.PostgresCopy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.opendata.OpenDataFormat;
import be.obmi.opendata.OpenDataFormats;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import be.obmi.opendata.Cube;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports observations into a scope, all or nothing: the long format
 * ({@code indicator;gebied;periode;waarde} with optional {@code niveau}, {@code n},
 * {@code N}, {@code voorlopig}, {@code geschat}, {@code reden} and breakdown columns) and
 * the Swing upload format ({@code period,geolevel,geoitem,<indicator>…}). Changed values
 * are kept in {@code stats.observation_change}, so an import shows in the history and can
 * be undone as a whole.
 */
@Service
public class ObservationImporter {

	private static final Logger log = LoggerFactory.getLogger(ObservationImporter.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Areas areas;

	private final ObservationRows rowReader;

	private final Indicators indicators;

	private final AuditTrail audit;

	private final TransactionTemplate nested;

	private final Datasets datasets;

	private final ObmiMetrics metrics;

	private final ScopeLock lock;

	ObservationImporter(JdbcClient jdbc, DataSource dataSource, Areas areas, Indicators indicators, AuditTrail audit,
			PlatformTransactionManager transactions, Datasets datasets, ObmiMetrics metrics, ScopeLock lock) {
		this.lock = lock;
		this.metrics = metrics;
		this.datasets = datasets;
		this.nested = new TransactionTemplate(transactions);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.areas = areas;
		this.rowReader = new ObservationRows(areas);
		this.indicators = indicators;
		this.audit = audit;
	}

	/**
	 * One value to write; {@code indicatorCode} is resolved to an indicator after the
	 * whole file is read.
	 */
	public record Value(long row, String indicatorCode, long areaId, String period, String breakdown, Double value,
			String missingReason, boolean provisional, boolean estimated, Integer n, Long population) {
	}

	/**
	 * What an import did. {@code importId} is null for a dataset import (PX, JSON-stat,
	 * SDMX-CSV), which is not an observation batch; {@code datasets} lists the ids of the
	 * datasets it created or changed.
	 */
	public record Summary(Long importId, String format, long rows, long inserted, long updated, long unchanged,
			List<String> createdIndicators, List<String> warnings, List<String> datasets) {
	}

	@Transactional
	public Summary importFile(Scope scope, String filename, byte[] bytes, boolean createIndicators, String actor) {
		return importFile(scope, filename, new ByteArrayResource(bytes), createIndicators, actor);
	}

	/**
	 * Imports a file read as a stream (bounded memory): rows are validated and sent with
	 * COPY to a temporary table; indicators, duplicates and changes are then resolved in
	 * SQL.
	 * @throws ImportRejectedException with every error (row, column, Dutch message);
	 * nothing is changed then
	 */
	@Transactional
	public Summary importFile(Scope scope, String filename, InputStreamSource file, boolean createIndicators,
			String actor) {
		return importFile(scope, filename, file, createIndicators, actor, CubeObservations.Request.none());
	}

	/**
	 * As
	 * {@link #importFile(Scope, String, org.springframework.core.io.InputStreamSource, boolean, String)};
	 * a table (PX, JSON-stat, SDMX-CSV) with an indicator or a mapping in {@code request}
	 * also feeds indicators.
	 */
	@Transactional
	public Summary importFile(Scope scope, String filename, InputStreamSource file, boolean createIndicators,
			String actor, CubeObservations.Request request) {
		return metrics.timeImport("stats", scope.slug(), ImportRejectedException.class,
				() -> storeFile(scope, filename, file, createIndicators, actor, request), Summary::rows);
	}

	private Summary storeFile(Scope scope, String filename, InputStreamSource file, boolean createIndicators,
			String actor, CubeObservations.Request request) {
		// one import or undo per scope at a time: counts, history and undo stay true
		// (issue 11, point 5)
		lock.acquire(ScopeLock.Kind.STATISTICS, scope.key());
		OpenDataFormat openData = detect(file);
		if (openData != OpenDataFormat.OTHER) {
			return request.feedsIndicators()
					? importTable(scope, filename, file, openData, request, createIndicators, actor)
					: importDataset(scope, filename, file, openData, actor);
		}
		if (request.feedsIndicators()) {
			throw new ImportRejectedException(List.of(new ImportError(1,
					request.indicator() != null ? "indicator" : "mapping",
					"Een indicator of mapping geldt alleen voor een tabel in PX, JSON-stat 2.0 of SDMX-CSV 2.0; "
							+ "een CSV- of XLSX-bestand noemt de indicator zelf (kolom indicator of Swing-kolommen).")));
		}
		long started = System.nanoTime();
		ObservationRows.Errors errors = new ObservationRows.Errors();
		List<String> warnings = new ArrayList<>();
		String[] format = new String[1];
		ObservationRows.Format[] parser = new ObservationRows.Format[1];
		createImportRows();
		PostgresCopy.Stream copy = importRowsCopy();
		long rows;
		Map<String, Long> codes = new LinkedHashMap<>();
		try {
			Consumer<Value> out = v -> {
				codes.putIfAbsent(v.indicatorCode(), v.row());
				add(copy, v);
			};
			TableReader.stream(file, new TableReader.Handler() {
				@Override
				public void header(List<String> header) {
					Set<String> lower = new HashSet<>();
					header.forEach(h -> lower.add(h.toLowerCase(Locale.ROOT)));
					if (header.isEmpty()) {
						throw new ImportRejectedException(List.of(new ImportError(1, "", "Het bestand is leeg.")));
					}
					if (lower.containsAll(List.of("period", "geolevel", "geoitem"))) {
						format[0] = "swing";
						parser[0] = rowReader.swing(header, errors, warnings);
					}
					else if (lower.containsAll(List.of("indicator", "gebied", "periode", "waarde"))) {
						format[0] = "lang";
						parser[0] = rowReader.longFormat(header, errors);
					}
					else {
						throw new ImportRejectedException(List.of(new ImportError(1, "",
								"Onbekend formaat: verwacht de kolommen indicator, gebied, periode en waarde (lang formaat) of "
										+ "period, geolevel en geoitem (Swing-formaat).")));
					}
				}

				@Override
				public void row(long number, List<String> cells) {
					parser[0].line(new Table.Row(Math.toIntExact(number), cells, Map.of()), out);
				}
			});
			rows = copy.end();
		}
		catch (RuntimeException ex) {
			copy.cancel();
			throw ex;
		}
		catch (IOException ex) {
			copy.cancel();
			throw new ImportRejectedException(List.of(new ImportError(1, "", "Het bestand kon niet gelezen worden.")));
		}
		log.info("import: parsed and copied {} rows in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
		String indicatorColumn = "swing".equals(format[0]) ? null : "indicator";
		Map<String, CubeObservations.Source> sources = new LinkedHashMap<>();
		codes.forEach((code, firstRow) -> sources.put(code,
				new CubeObservations.Source(firstRow, indicatorColumn == null ? code : indicatorColumn)));
		Map<String, Indicator> byCode = new HashMap<>();
		Set<String> unknown = resolveIndicators(scope, sources, createIndicators, byCode, errors);
		if (!errors.list.isEmpty()) {
			errors.list.sort(Comparator.comparingLong(ImportError::row));
			throw new ImportRejectedException(errors.list);
		}
		log.info("import: checked in {} ms", (System.nanoTime() - started) / 1_000_000);
		List<String> created = createDrafts(scope, unknown, byCode);
		return write(scope, filename, format[0], rows, byCode, created, warnings, actor, indicatorColumn);
	}

	/**
	 * Finds each indicator code in the scope (into {@code byCode}); adds an error for a
	 * platform draft, and for an unknown code unless {@code createIndicators}. Returns
	 * the unknown codes.
	 */
	private Set<String> resolveIndicators(Scope scope, Map<String, CubeObservations.Source> codes,
			boolean createIndicators, Map<String, Indicator> byCode, ObservationRows.Errors errors) {
		Set<String> unknown = new LinkedHashSet<>();
		codes.forEach((code, source) -> {
			Optional<Indicator> found = indicators.find(scope, code);
			if (found.isPresent()) {
				if (!scope.isPlatform() && found.get().tenantId() == null && !found.get().published()) {
					errors.add(source.row(), source.column(),
							"Indicator " + code + " is een ontwerp van het platform.");
				}
				byCode.put(code, found.get());
			}
			else {
				unknown.add(code);
				if (!createIndicators) {
					errors.add(source.row(), source.column(), "Onbekende indicator '" + code
							+ "'. Voeg ze eerst toe aan de catalogus of importeer met createIndicators=true.");
				}
				if (!code.matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$") || code.length() > 80) {
					errors.add(source.row(), source.column(), "Ongeldige indicatorcode '" + code
							+ "': gebruik letters, cijfers, punt, streepje of liggend streepje.");
				}
			}
		});
		return unknown;
	}

	private List<String> createDrafts(Scope scope, Set<String> unknown, Map<String, Indicator> byCode) {
		List<String> created = new ArrayList<>();
		for (String code : unknown) {
			byCode.put(code, indicators.createDraft(scope, code));
			created.add(code);
		}
		return created;
	}

	private void createImportRows() {
		jdbc.sql(
				"""
						create temp table import_rows (row bigint, indicator_code varchar(200), area_id bigint, period varchar(7),
						  breakdown varchar(200), value double precision, missing_reason varchar(30), provisional boolean,
						  estimated boolean, sample_n integer, population_n bigint) on commit drop""")
			.update();
	}

	private PostgresCopy.Stream importRowsCopy() {
		return new PostgresCopy.Stream(dataSource, "import_rows (row, indicator_code, area_id, period, breakdown, "
				+ "value, missing_reason, provisional, estimated, sample_n, population_n)");
	}

	private static void add(PostgresCopy.Stream copy, Value v) {
		copy.rows()
			.add(v.row())
			.add(v.indicatorCode())
			.add(v.areaId())
			.add(v.period())
			.add(v.breakdown())
			.add(v.value())
			.add(v.missingReason())
			.add(v.provisional())
			.add(v.estimated())
			.add(v.n())
			.add(v.population())
			.end();
		copy.flushIfFull();
	}

	/**
	 * A whole table that feeds indicators: stored as a dataset (as without an indicator)
	 * and its cells written as observations, in one transaction. Every area or period
	 * code that cannot be mapped, every bad mapping line and every unknown indicator is
	 * reported before anything is written.
	 */
	private Summary importTable(Scope scope, String filename, InputStreamSource file, OpenDataFormat format,
			CubeObservations.Request request, boolean createIndicators, String actor) {
		byte[] bytes = readAll(file);
		Cube cube = datasets.read(bytes, format);
		CodeMapping mapping = request.mapping() == null || request.mapping().length == 0 ? CodeMapping.empty()
				: CodeMapping.read(request.mapping());
		String scopeName = scope.nisCode() == null ? null
				: areas.find("gemeente", scope.nisCode()).map(Area::name).orElse(scope.slug());
		CubeObservations plan = CubeObservations.plan(cube, mapping, request, areas, scopeName);
		ObservationRows.Errors errors = new ObservationRows.Errors();
		Map<String, Indicator> byCode = new HashMap<>();
		Set<String> unknown = resolveIndicators(scope, plan.indicators(), createIndicators, byCode, errors);
		if (!errors.list.isEmpty()) {
			throw new ImportRejectedException(errors.list);
		}
		Datasets.Stored stored = datasets.store(scope, filename, bytes, format, cube, actor);
		List<String> created = createDrafts(scope, unknown, byCode);
		createImportRows();
		PostgresCopy.Stream copy = importRowsCopy();
		long rows;
		CubeObservations.Counts counts;
		try {
			counts = plan.forEach(v -> add(copy, v));
			rows = copy.end();
		}
		catch (RuntimeException ex) {
			copy.cancel();
			throw ex;
		}
		List<String> warnings = new ArrayList<>();
		if (counts.skipped() > 0) {
			warnings.add(counts.skipped() + " cellen overgeslagen volgens de mapping (doel -).");
		}
		if (counts.empty() > 0) {
			warnings.add(counts.empty() + " cellen zonder waarde en zonder symbool niet ingelezen.");
		}
		Summary written = write(scope, filename, stored.format(), rows, byCode, created, warnings, actor, null);
		if (stored.created() || stored.changed()) {
			datasets.attachImport(scope, stored.id(), written.importId());
		}
		return new Summary(written.importId(), written.format(), written.rows(), written.inserted(), written.updated(),
				written.unchanged(), written.createdIndicators(), written.warnings(),
				stored.created() || stored.changed() ? List.of(stored.id()) : List.of());
	}

	private static byte[] readAll(InputStreamSource file) {
		try (InputStream in = file.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new ImportRejectedException(List.of(new ImportError(1, "", "Het bestand kon niet gelezen worden.")));
		}
	}

	/**
	 * PX, JSON-stat or SDMX-CSV by content; {@code OTHER} for the observation formats
	 * (and unreadable files).
	 */
	private static OpenDataFormat detect(InputStreamSource file) {
		try (InputStream in = file.getInputStream()) {
			return OpenDataFormats.detect(in.readNBytes(64 * 1024));
		}
		catch (IOException ex) {
			return OpenDataFormat.OTHER;
		}
	}

	/** A whole statistical table: stored as a dataset, not as observations. */
	private Summary importDataset(Scope scope, String filename, InputStreamSource file, OpenDataFormat format,
			String actor) {
		byte[] bytes = readAll(file);
		Datasets.Stored stored = datasets.importFile(scope, filename, bytes, format, actor);
		long cells = stored.cells();
		Long importId = null;
		if (stored.created() || stored.changed()) {
			// in the import history, so that the import can be undone like any other
			importId = newBatch(scope, filename, stored.format(), actor, cells, 0);
			datasets.attachImport(scope, stored.id(), importId);
			audit.created(scope.tenantId(), "cijferimport", String.valueOf(importId),
					filename == null ? "import" : filename, List.of(FieldChange.added("formaat", stored.format()),
							FieldChange.added("tabel", stored.id()), FieldChange.added("cellen", cells)));
		}
		return new Summary(importId, stored.format(), cells, stored.created() ? cells : 0, stored.changed() ? cells : 0,
				stored.created() || stored.changed() ? 0 : cells, List.of(), List.of(),
				stored.created() || stored.changed() ? List.of(stored.id()) : List.of());
	}

	/**
	 * The same key twice in the file: found only when the insert hits the unique index,
	 * to keep the usual case fast.
	 */
	private List<ImportError> duplicates(String indicatorColumn) {
		ObservationRows.Errors errors = new ObservationRows.Errors();
		jdbc.sql("""
				select min(row) as first, max(row) as second, indicator_code from import_rows
				group by indicator_code, area_id, period, breakdown having count(*) > 1 order by 1 limit 50""")
			.query((rs, n) -> {
				errors.add(rs.getLong(2), indicatorColumn == null ? rs.getString(3) : indicatorColumn,
						"Dubbele waarde: dezelfde indicator, hetzelfde gebied en dezelfde periode staan ook op rij "
								+ rs.getLong(1) + ".");
				return null;
			})
			.list();
		return errors.list;
	}

	private static final String MARGIN = """
			case when ii.kind = 'survey' and r.value is not null and r.sample_n > 0
			  then round((1.96 * sqrt(greatest(0, r.value * (100 - r.value)) / r.sample_n)
			    * case when r.population_n > 0 then sqrt(greatest(0, 1 - r.sample_n::float8 / r.population_n)) else 1 end)::numeric, 3)::float8
			end""";

	/** A new entry of the import history (its counts are filled in when known). */
	private long newBatch(Scope scope, String filename, String format, String actor, long rows, int createdIndicators) {
		return jdbc
			.sql("""
					insert into stats.import_batch (tenant_id, filename, format, actor, row_count, inserted, updated, unchanged, created_indicators)
					values (?, ?, ?, ?, ?, 0, 0, 0, ?) returning id""")
			.params(scope.tenantId(), filename, format, actor, rows, createdIndicators)
			.query(Long.class)
			.single();
	}

	private Summary write(Scope scope, String filename, String format, long rows, Map<String, Indicator> byCode,
			List<String> created, List<String> warnings, String actor, String indicatorColumn) {
		long started = System.nanoTime();
		long importId = newBatch(scope, filename, format, actor, rows, created.size());
		jdbc.sql(
				"create temp table import_indicator (code varchar(200) primary key, id bigint, kind varchar(20)) on commit drop")
			.update();
		PostgresCopy.Rows map = new PostgresCopy.Rows();
		byCode.forEach((code, i) -> map.add(code).add(i.id()).add(i.kind()).end());
		if (!map.isEmpty()) {
			PostgresCopy.in(dataSource, "import_indicator (code, id, kind)", map);
		}
		jdbc.sql("analyze import_rows").update();
		jdbc.sql("analyze import_indicator").update();
		// the usual first load of an indicator: nothing to compare with, so no change
		// detection
		boolean existing = jdbc.sql("""
				select exists (select 1 from stats.observation o join import_indicator ii on ii.id = o.indicator_id
				  where coalesce(o.tenant_id, 0) = ?)""").param(scope.key()).query(Boolean.class).single();
		// replaced values: keep the old ones for the history and for undo
		long updated = !existing ? 0
				: jdbc
					.sql("""
							insert into stats.observation_change (import_id, tenant_id, indicator_id, area_id, period, breakdown, had_old,
							  old_value, old_missing, old_provisional, old_estimated, old_sample_n, old_population_n, old_margin,
							  old_import_id, new_value, new_missing)
							select ?, ?, ii.id, r.area_id, r.period, r.breakdown, true,
							  o.value, o.missing_reason, o.provisional, o.estimated, o.sample_n, o.population_n, o.margin, o.import_id,
							  r.value, r.missing_reason
							from import_rows r join import_indicator ii on ii.code = r.indicator_code
							join stats.observation o on o.indicator_id = ii.id and o.area_id = r.area_id
							  and o.period = r.period and o.breakdown = r.breakdown and coalesce(o.tenant_id, 0) = ?
							where (o.value, o.missing_reason, o.provisional, o.estimated, o.sample_n, o.population_n, o.margin)
							      is distinct from (r.value, r.missing_reason, r.provisional, r.estimated, r.sample_n, r.population_n, """
							+ MARGIN + ")")
					.params(importId, scope.tenantId(), scope.key())
					.update();
		log.info("import: {} changes found at {} ms", updated, (System.nanoTime() - started) / 1_000_000);
		if (updated > 0) {
			jdbc.sql("""
					delete from stats.observation o using stats.observation_change c
					where c.import_id = ? and o.indicator_id = c.indicator_id and o.area_id = c.area_id
					  and o.period = c.period and o.breakdown = c.breakdown and coalesce(o.tenant_id, 0) = ?""")
				.params(importId, scope.key())
				.update();
		}
		String insert = """
				insert into stats.observation (tenant_id, indicator_id, area_id, period, breakdown, value, missing_reason,
				  provisional, estimated, sample_n, population_n, margin, import_id)
				select ?, ii.id, r.area_id, r.period, r.breakdown, r.value, r.missing_reason, r.provisional,
				  r.estimated, r.sample_n, r.population_n, """
				+ MARGIN
				+ """
						, ?
						from import_rows r join import_indicator ii on ii.code = r.indicator_code
						where not ? or not exists (select 1 from stats.observation o where o.indicator_id = ii.id and o.area_id = r.area_id
						  and o.period = r.period and o.breakdown = r.breakdown and coalesce(o.tenant_id, 0) = ?)
						order by ii.id, r.area_id, r.period, r.breakdown""";
		long written;
		try {
			written = nested
				.execute(status -> jdbc.sql(insert).params(scope.tenantId(), importId, existing, scope.key()).update());
		}
		catch (DuplicateKeyException ex) {
			throw new ImportRejectedException(duplicates(indicatorColumn));
		}
		log.info("import: {} written at {} ms", written, (System.nanoTime() - started) / 1_000_000);
		long inserted = written - updated;
		long unchanged = rows - written;
		jdbc.sql("update stats.import_batch set inserted = ?, updated = ?, unchanged = ? where id = ?")
			.params(inserted, updated, unchanged, importId)
			.update();
		audit.created(scope.tenantId(), "cijferimport", String.valueOf(importId),
				filename == null ? "import" : filename,
				List.of(FieldChange.added("formaat", format), FieldChange.added("rijen", rows),
						FieldChange.added("nieuw", inserted), FieldChange.added("gewijzigd", updated),
						FieldChange.added("ongewijzigd", unchanged),
						FieldChange.added("nieuwe indicatoren", String.join(", ", created))));
		return new Summary(importId, format, rows, inserted, updated, unchanged, created, warnings, List.of());
	}

	/**
	 * The survey margin of a percentage: 1.96·√(p(100−p)/n)·√(1−n/N), when n is given.
	 */
	public static Double margin(Indicator indicator, Value v) {
		if (v.value() == null || v.n() == null || v.n() <= 0 || !"survey".equals(indicator.kind())) {
			return null;
		}
		double p = v.value();
		double m = 1.96 * Math.sqrt(Math.max(0, p * (100 - p)) / v.n());
		if (v.population() != null && v.population() > 0) {
			m *= Math.sqrt(Math.max(0, 1 - (double) v.n() / v.population()));
		}
		return Math.round(m * 1000) / 1000.0;
	}

}
