package be.obmi.stats.web;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Level;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.AreaSets;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Catalogue;
import be.obmi.stats.domain.ImportHistory;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.importing.ObservationImporter;
import be.obmi.stats.importing.CubeObservations;
import be.obmi.stats.query.StatsQueries;

import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.shared.ApiProblem;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import java.nio.charset.StandardCharsets;

/**
 * The stats REST API of a scope ({@code platform} or a tenant slug): import, import
 * history and undo, the indicator list and the public observation read.
 */
@RestController
@Tag(name = "Stad in cijfers")
class StatsApiController {

	record ObservationJson(String area, String areaName, String level, String period, Double value, String status,
			String missingReason, Boolean confidential, Boolean provisional, Boolean estimated, Double margin) {
	}

	/** What an import did ({@link ObservationImporter.Summary}), its warnings as text. */
	record ImportSummaryJson(Long importId, String format, long rows, long inserted, long updated, long unchanged,
			List<String> createdIndicators, List<String> warnings, List<String> datasets) {

		static ImportSummaryJson of(ObservationImporter.Summary summary, MessageSource messages, Locale locale) {
			return new ImportSummaryJson(summary.importId(), summary.format(), summary.rows(), summary.inserted(),
					summary.updated(), summary.unchanged(), summary.createdIndicators(),
					summary.warnings().stream().map(w -> messages.getMessage(w, locale)).toList(), summary.datasets());
		}

	}

	/**
	 * An indicator of the JSON catalogue: the English texts are null when not translated.
	 */
	record IndicatorJson(String code, String name, String theme, String definition, String unit, String source,
			String kind, String aggregation, int decimals, int threshold, boolean published, boolean platform,
			boolean demo, String nameEn, String themeEn, String definitionEn, String unitEn) {

		static IndicatorJson of(Indicator i) {
			return new IndicatorJson(i.code(), i.name(), i.theme(), i.definition(), i.unit(), i.source(), i.kind(),
					i.aggregation(), i.decimals(), i.threshold(), i.published(), i.tenantId() == null, i.demo(),
					i.nameEn(), i.themeEn(), i.definitionEn(), i.unitEn());
		}

	}

	private final StatsAccess access;

	private final Indicators indicators;

	private final StatsQueries queries;

	private final ObservationImporter importer;

	private final ImportHistory history;

	private final Catalogue catalogue;

	private final AreaSets areaSets;

	private final MessageSource messages;

	StatsApiController(StatsAccess access, Indicators indicators, StatsQueries queries, ObservationImporter importer,
			ImportHistory history, Catalogue catalogue, AreaSets areaSets, MessageSource messages) {
		this.messages = messages;
		this.catalogue = catalogue;
		this.areaSets = areaSets;
		this.access = access;
		this.indicators = indicators;
		this.queries = queries;
		this.importer = importer;
		this.history = history;
	}

	@Operation(
			summary = "Import observations (long CSV/XLSX or the Swing upload format) or a table (PX, JSON-stat 2.0, "
					+ "SDMX-CSV 2.0; stored as a dataset and, with indicator or mapping, written as observations), all or nothing")
	@PostMapping(path = "/api/v1/{scope}/stats/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportSummaryJson importFile(@PathVariable("scope") String slug, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean createIndicators,
			@Parameter(
					description = "a table feeds this indicator (when it has no measure dimension or a single measure)") @RequestParam(
							required = false) @Size(max = 100) String indicator,
			@Parameter(description = "CSV/XLSX dimensie;code;doel mapping codes of the table onto OBMi areas, periods, "
					+ "indicators and breakdowns (- skips a code); see docs/formats/stats-mapping.md") @RequestParam(
							required = false) MultipartFile mapping,
			@Parameter(description = "the table's dimension holding the areas, when it has no geo role") @RequestParam(
					required = false) @Size(max = 100) String areaDimension,
			@Parameter(
					description = "the table's dimension holding the periods, when it has no time role") @RequestParam(
							required = false) @Size(max = 100) String periodDimension,
			Locale locale) throws IOException {
		Scope scope = access.scope(slug);
		access.requireWrite(scope);
		ObservationImporter.Summary summary = importer.importFile(scope, file.getOriginalFilename(), file,
				createIndicators, access.actor(),
				new CubeObservations.Request(indicator,
						mapping == null || mapping.isEmpty() ? null : mapping.getBytes(), areaDimension,
						periodDimension));
		return ImportSummaryJson.of(summary, messages, locale);
	}

	@Operation(
			summary = "Values of one indicator for every area of a level in one period (public for published indicators)")
	@GetMapping("/api/v1/{scope}/stats/observations")
	List<ObservationJson> observations(@PathVariable("scope") String slug,
			@RequestParam @Size(max = 100) String indicator,
			@RequestParam(required = false) @Size(max = 20) String level, @RequestParam @Size(max = 20) String period,
			@RequestParam(required = false) @Size(max = 100) String within,
			@RequestParam(required = false) @Size(max = 100) String set) {
		Scope scope = access.scope(slug);
		Indicator found = indicators.find(scope, indicator)
			.filter(i -> access.canSee(scope, i))
			.orElseThrow(() -> new NotFoundException(Reason.of("stats.refused.indicatorUnknown", indicator)));
		if (set != null) {
			if (scope.isPlatform()) {
				throw new NotFoundException(Reason.of("stats.refused.areaSetUnknown", set));
			}
			var members = areaSets.members(scope.tenantId(), set)
				.orElseThrow(() -> new NotFoundException(Reason.of("stats.refused.areaSetUnknown", set)));
			boolean editor = access.seesConfidential(scope);
			return queries.setCells(queries.series(scope, found, period), set, members, period, editor)
				.stream()
				.map(c -> new ObservationJson(c.area().code(), c.area().name(), "set", c.period(), c.value(),
						c.status(), c.missingReason(), editor ? c.confidential() : null, false, false, null))
				.toList();
		}
		if (level == null) {
			throw new RefusedValueException(Reason.of("stats.refused.levelOrSet"));
		}
		String levelCode = Level.parse(level)
			.orElseThrow(() -> new RefusedValueException(Reason.of("stats.refused.levelUnknown", level)))
			.code();
		Area withinArea = within == null ? null : queries.areaMap("gemeente", null).get(within);
		boolean editor = access.seesConfidential(scope);
		return queries.cells(scope, found, levelCode, period, withinArea, editor)
			.stream()
			.map(c -> new ObservationJson(c.area().code(), c.area().name(), c.area().level(), c.period(), c.value(),
					c.status(), c.missingReason(), editor ? c.confidential() : null, c.provisional(), c.estimated(),
					c.margin()))
			.toList();
	}

	@Operation(summary = "The indicators of a scope (drafts only for its members)")
	@GetMapping("/api/v1/{scope}/stats/indicators")
	List<IndicatorJson> indicators(@PathVariable("scope") String slug) {
		Scope scope = access.scope(slug);
		return indicators.list(scope, true)
			.stream()
			.filter(i -> access.canSee(scope, i))
			.map(IndicatorJson::of)
			.toList();
	}

	@Operation(summary = "Export the catalogue of a scope as CSV or XLSX (drafts only for its members)")
	@GetMapping("/api/v1/{scope}/stats/catalogue")
	ResponseEntity<byte[]> exportCatalogue(@PathVariable("scope") String slug,
			@RequestParam(defaultValue = "csv") @Size(max = 20) String format) {
		Scope scope = access.scope(slug);
		List<List<String>> rows = catalogue
			.rows(indicators.list(scope, true).stream().filter(i -> access.canSee(scope, i)).toList());
		boolean xlsx = "xlsx".equals(format);
		return ResponseEntity.ok()
			.header("Content-Disposition",
					"attachment; filename=\"indicatoren-" + slug + (xlsx ? ".xlsx" : ".csv") + "\"")
			.contentType(
					xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
							: new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(xlsx ? Catalogue.xlsx(rows) : Catalogue.csv(rows));
	}

	@Operation(summary = "Import catalogue entries into a scope (CSV/XLSX), all or nothing")
	@PostMapping(path = "/api/v1/{scope}/stats/catalogue", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Catalogue.Result importCatalogue(@PathVariable("scope") String slug, @RequestParam("file") MultipartFile file)
			throws IOException {
		Scope scope = access.scope(slug);
		access.requireWrite(scope);
		return catalogue.importFile(scope, file.getBytes());
	}

	@Operation(
			summary = "Define (replace) a city's own area set from a CSV/XLSX with the columns label, gebied (+ niveau)")
	@PostMapping(path = "/api/v1/{scope}/stats/area-sets/{name}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Map<String, Object> defineAreaSet(@PathVariable("scope") String slug, @PathVariable String name,
			@RequestParam("file") MultipartFile file) throws IOException {
		Scope scope = access.scope(slug);
		access.requireWrite(scope);
		return Map.of("name", name, "members", areaSets.replace(scope, name, file.getBytes()));
	}

	@Operation(summary = "Publish or unpublish an indicator of the scope")
	@PostMapping("/api/v1/{scope}/stats/indicators/{code}/published")
	IndicatorJson publish(@PathVariable("scope") String slug, @PathVariable String code, @RequestParam boolean value) {
		Scope scope = access.scope(slug);
		access.requireWrite(scope);
		return IndicatorJson.of(indicators.setPublished(scope, code, value));
	}

	@Operation(summary = "The import history of a scope")
	@GetMapping("/api/v1/{scope}/stats/imports")
	List<ImportHistory.Batch> imports(@PathVariable("scope") String slug) {
		Scope scope = access.scope(slug);
		access.requireWrite(scope);
		return history.list(scope, 100);
	}

	@Operation(summary = "One import with the values it changed (old and new)")
	@GetMapping("/api/v1/{scope}/stats/imports/{id}")
	Map<String, Object> importDetail(@PathVariable("scope") String slug, @PathVariable long id) {
		Scope scope = access.scope(slug);
		access.requireWrite(scope);
		return Map.of("import", history.require(scope, id), "changes", history.changes(scope, id, 10_000));
	}

	@Operation(summary = "Undo a whole import")
	@PostMapping("/api/v1/{scope}/stats/imports/{id}/undo")
	ImportHistory.Batch undo(@PathVariable("scope") String slug, @PathVariable long id) {
		Scope scope = access.scope(slug);
		access.requireWrite(scope);
		return history.undo(scope, id, access.actor());
	}

	/**
	 * An undo or change the import's state does not allow (already undone, superseded).
	 */
	@ExceptionHandler(IllegalStateException.class)
	ResponseEntity<Map<String, Object>> conflict(IllegalStateException ex, Locale locale) {
		return ApiProblem.of(HttpStatus.CONFLICT, Texts.reason(messages, ex, locale));
	}

}
