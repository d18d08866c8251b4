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

import be.obmi.opendata.OpenDataFormat;
import be.obmi.opendata.OpenDataFormats;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
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

/**
 * Imports observations into a scope, all or nothing; the dispatcher of the statistics
 * uploads. It recognises the format and hands the file to its reader: the long format
 * ({@code indicator;gebied;periode;waarde} with optional {@code niveau}, {@code n},
 * {@code N}, {@code voorlopig}, {@code geschat}, {@code reden} and breakdown columns) and
 * the Swing upload format ({@code period,geolevel,geoitem,<indicator>…}) to
 * {@link ObservationRows}, a table (PX, JSON-stat, SDMX-CSV) to {@link Datasets} and,
 * when it feeds indicators, to {@link CubeObservations}. It resolves the indicators and
 * lets {@link ObservationStore} write. Changed values are kept in
 * {@code stats.observation_change}, so an import shows in the history and can be undone
 * as a whole.
 * <p>
 * Over 300 lines because the three kinds of upload (long CSV, Swing, statistics-office
 * tables) share its one transaction, lock, indicator resolution and history; each reads
 * its rows elsewhere.
 */
@Service
public class ObservationImporter {

	private static final Logger log = LoggerFactory.getLogger(ObservationImporter.class);

	private final Areas areas;

	private final ObservationRows rowReader;

	private final Indicators indicators;

	private final ObservationStore store;

	private final Datasets datasets;

	private final ObmiMetrics metrics;

	private final ScopeLock lock;

	private final JdbcClient jdbc;

	private final TransactionTemplate nested;

	ObservationImporter(Areas areas, Indicators indicators, ObservationStore store, Datasets datasets,
			ObmiMetrics metrics, ScopeLock lock, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.nested = new TransactionTemplate(transactions);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.lock = lock;
		this.metrics = metrics;
		this.datasets = datasets;
		this.store = store;
		this.areas = areas;
		this.rowReader = new ObservationRows(areas);
		this.indicators = indicators;
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
	 * datasets it created or changed; {@code warnings} are coded messages
	 * ({@code import.stats.warning.*}), shown in the reader's language.
	 */
	public record Summary(Long importId, String format, long rows, long inserted, long updated, long unchanged,
			List<String> createdIndicators, List<MessageSourceResolvable> warnings, List<String> datasets) {
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
			throw ImportRejectedException.at(1, request.indicator() != null ? "indicator" : "mapping",
					"import.stats.mappingOnlyForTables");
		}
		// a first load of the file's indicators goes straight into the table; anything
		// else (or anything that path cannot decide) is rolled back to this savepoint and
		// compared with the stored values
		try {
			return nested.execute(status -> importFresh(scope, filename, file, createIndicators, actor));
		}
		catch (FreshLoad.NotFresh ex) {
			log.info("import: not a first load ({}), values compared with the stored ones", ex.getMessage());
		}
		return importRows(scope, filename, file, createIndicators, actor);
	}

	/** What the reader found in a long or Swing file. */
	private static final class Reading {

		final ObservationRows.Errors errors = new ObservationRows.Errors();

		final List<MessageSourceResolvable> warnings = new ArrayList<>();

		final Map<String, Long> codes = new LinkedHashMap<>();

		final Set<Long> areaIds = new HashSet<>();

		String format;

		/** The indicator column's name for errors; null for the Swing format. */
		String indicatorColumn() {
			return "swing".equals(format) ? null : "indicator";
		}

	}

	/**
	 * Reads every row of a long or Swing file, checking each cell, and hands the values
	 * to {@code sink}.
	 */
	private Reading read(InputStreamSource file, Consumer<Value> sink) throws IOException {
		Reading reading = new Reading();
		ObservationRows.Format[] parser = new ObservationRows.Format[1];
		Consumer<Value> out = v -> {
			reading.codes.putIfAbsent(v.indicatorCode(), v.row());
			reading.areaIds.add(v.areaId());
			sink.accept(v);
		};
		TableReader.stream(file, new TableReader.Handler() {
			@Override
			public void header(List<String> header) {
				Set<String> lower = new HashSet<>();
				header.forEach(h -> lower.add(h.toLowerCase(Locale.ROOT)));
				if (header.isEmpty()) {
					throw ImportRejectedException.at(1, "", "import.file.empty");
				}
				if (lower.containsAll(List.of("period", "geolevel", "geoitem"))) {
					reading.format = "swing";
					parser[0] = rowReader.swing(header, reading.errors, reading.warnings);
				}
				else if (lower.containsAll(List.of("indicator", "gebied", "periode", "waarde"))) {
					reading.format = "lang";
					parser[0] = rowReader.longFormat(header, reading.errors);
				}
				else {
					throw ImportRejectedException.at(1, "", "import.stats.formatUnknown");
				}
			}

			@Override
			public void row(long number, List<String> cells) {
				parser[0].line(new Table.Row(Math.toIntExact(number), cells, Map.of()), out);
			}
		});
		return reading;
	}

	/**
	 * A first load ({@link FreshLoad}): the values go straight into
	 * {@code stats.observation}.
	 * @throws FreshLoad.NotFresh when the classic path must decide
	 */
	private Summary importFresh(Scope scope, String filename, InputStreamSource file, boolean createIndicators,
			String actor) {
		long started = System.nanoTime();
		long importId = store.newBatch(scope, filename, "lang", actor, 0, 0);
		FreshLoad load = new FreshLoad(scope, importId, createIndicators, indicators, store);
		Reading reading;
		long rows;
		try {
			reading = read(file, load);
			rows = load.finish();
		}
		catch (RuntimeException ex) {
			load.cancel();
			throw ex;
		}
		catch (IOException ex) {
			load.cancel();
			throw ImportRejectedException.at(1, "", "import.file.unreadable");
		}
		if (!reading.errors.list.isEmpty()) {
			throw new FreshLoad.NotFresh("errors in the file");
		}
		log.info("import: parsed and written {} new values in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
		jdbc.sql("update stats.import_batch set format = ? where id = ?").params(reading.format, importId).update();
		Summary summary = store.writtenFresh(scope, importId, filename, reading.format, rows, load.created(),
				reading.warnings, reading.areaIds);
		if (summary == null) {
			throw new FreshLoad.NotFresh("totals of levels differ");
		}
		return summary;
	}

	/**
	 * The classic path: the values are copied into a temporary table, then compared with
	 * the stored ones and written in SQL ({@link ObservationStore#write}).
	 */
	private Summary importRows(Scope scope, String filename, InputStreamSource file, boolean createIndicators,
			String actor) {
		long started = System.nanoTime();
		store.createImportRows();
		PostgresCopy.Stream copy = store.importRowsCopy();
		long rows;
		Reading reading;
		try {
			reading = read(file, v -> ObservationStore.add(copy, v));
			rows = copy.end();
		}
		catch (RuntimeException ex) {
			copy.cancel();
			throw ex;
		}
		catch (IOException ex) {
			copy.cancel();
			throw ImportRejectedException.at(1, "", "import.file.unreadable");
		}
		log.info("import: parsed and copied {} rows in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
		String indicatorColumn = reading.indicatorColumn();
		ObservationRows.Errors errors = reading.errors;
		Map<String, CubeObservations.Source> sources = new LinkedHashMap<>();
		reading.codes.forEach((code, firstRow) -> sources.put(code,
				new CubeObservations.Source(firstRow, indicatorColumn == null ? code : indicatorColumn)));
		Map<String, Indicator> byCode = new HashMap<>();
		Set<String> unknown = resolveIndicators(scope, sources, createIndicators, byCode, errors);
		if (!errors.list.isEmpty()) {
			errors.list.sort(Comparator.comparingLong(ImportError::row));
			throw new ImportRejectedException(errors.list);
		}
		log.info("import: checked in {} ms", (System.nanoTime() - started) / 1_000_000);
		List<String> created = createDrafts(scope, unknown, byCode);
		return store.write(scope, filename, reading.format, rows, byCode, created, reading.warnings, actor,
				indicatorColumn, reading.areaIds);
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
					errors.add(source.row(), source.column(), "import.stats.indicatorPlatformDraft", code);
				}
				byCode.put(code, found.get());
			}
			else {
				unknown.add(code);
				if (!createIndicators) {
					errors.add(source.row(), source.column(), "import.stats.indicatorUnknown", code);
				}
				if (!code.matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$") || code.length() > 80) {
					errors.add(source.row(), source.column(), "import.stats.indicatorCodeInvalid", code);
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
		store.createImportRows();
		PostgresCopy.Stream copy = store.importRowsCopy();
		long rows;
		CubeObservations.Counts counts;
		Set<Long> areaIds = new HashSet<>();
		try {
			counts = plan.forEach(v -> {
				areaIds.add(v.areaId());
				ObservationStore.add(copy, v);
			});
			rows = copy.end();
		}
		catch (RuntimeException ex) {
			copy.cancel();
			throw ex;
		}
		List<MessageSourceResolvable> warnings = new ArrayList<>();
		if (counts.skipped() > 0) {
			warnings.add(ImportError.text("import.stats.warning.cellsSkipped", counts.skipped()));
		}
		if (counts.empty() > 0) {
			warnings.add(ImportError.text("import.stats.warning.cellsEmpty", counts.empty()));
		}
		Summary written = store.write(scope, filename, stored.format(), rows, byCode, created, warnings, actor, null,
				areaIds);
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
			throw ImportRejectedException.at(1, "", "import.file.unreadable");
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
			importId = store.datasetBatch(scope, filename, stored.format(), stored.id(), cells, actor);
			datasets.attachImport(scope, stored.id(), importId);
		}
		return new Summary(importId, stored.format(), cells, stored.created() ? cells : 0, stored.changed() ? cells : 0,
				stored.created() || stored.changed() ? 0 : cells, List.of(), List.of(),
				stored.created() || stored.changed() ? List.of(stored.id()) : List.of());
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
