package be.obmi.stats.web;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Level;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.query.ExportGrids;
import be.obmi.stats.query.StatsQueries;
import be.obmi.stats.query.OpenDataResponses;

import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.obmi.opendata.Category;
import be.obmi.opendata.CategoryUnit;
import be.obmi.opendata.Cell;
import be.obmi.opendata.Cells;
import be.obmi.opendata.Cube;
import be.obmi.opendata.Dimension;
import be.obmi.opendata.DimensionRole;
import be.obmi.opendata.LocalizedText;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Open data of one indicator (or of all indicators) for every area of a level and every
 * period, optionally for one breakdown: JSON-stat 2.0, SDMX-CSV 2.0, PX, CSV with its
 * CSVW metadata, or XLSX, chosen by {@code ?format=} or {@code Accept}, with validators
 * from the data's last change ({@link OpenDataResponses}). Disclosure control applies
 * exactly as on the pages: for anonymous users a suppressed cell is written as a status
 * (JSON-stat {@code status}, SDMX {@code OBS_CONF=C}, PX {@code "..."}), never as a
 * value.
 * <p>
 * Over 300 lines because it is the open-data API of one resource (a table of an
 * indicator) in five formats with their content negotiation, paging and limits; the
 * formats themselves live in opendata.
 */
@RestController
@Tag(name = "Open data", description = "Indicatoren in de formaten van het vak")
class StatsOpenDataController {

	static final String FORMAT_PARAMETER = "jsonstat, sdmx-csv, px, csv, xlsx of csvw (de CSV on the Web-metadata van de CSV); wint van Accept";

	static final String FORMAT_RULES = """
			Het formaat volgt uit de parameter format of anders uit de Accept-header: application/json (JSON-stat 2.0), \
			application/vnd.sdmx.data+csv;version=2.0.0 (SDMX-CSV 2.0), text/x-pcaxis (PX), text/csv (CSV), \
			application/csvm+json (CSVW-metadata van die CSV), \
			application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (XLSX); zonder beide JSON-stat. \
			Past niets uit Accept, dan 406. Elk antwoord draagt ETag, Last-Modified (de laatste import of wijziging \
			van een indicator in de scope) en Vary: Accept; If-None-Match en If-Modified-Since geven 304. \
			Een CSV-antwoord verwijst met Link: <…>; rel="describedby" naar zijn CSVW-metadata. Voor anonieme \
			gebruikers staat een geheime cel altijd als status in het bestand, nooit als waarde.""";

	static final String BREAKDOWN_PARAMETER = "uitsplitsing als dimensie=categorie-paren, gescheiden door | of ;, in willekeurige volgorde (bv. geslacht=M|leeftijd=0-17); leeg of totaal voor het totaal. Zie /breakdowns.";

	private final StatsAccess access;

	private final Indicators indicators;

	private final StatsQueries queries;

	private final OpenDataResponses responses;

	private final Areas areaRepository;

	private final MessageSource messages;

	private final ExportGrids grids;

	StatsOpenDataController(StatsAccess access, Indicators indicators, StatsQueries queries,
			OpenDataResponses responses, Areas areaRepository, MessageSource messages, ExportGrids grids) {
		this.messages = messages;
		this.grids = grids;
		this.access = access;
		this.indicators = indicators;
		this.queries = queries;
		this.responses = responses;
		this.areaRepository = areaRepository;
	}

	@Operation(
			summary = "Alle waarden van een indicator op een niveau, als JSON-stat 2.0, SDMX-CSV 2.0, PX, CSV (met CSVW-metadata) of XLSX (publiek voor gepubliceerde indicatoren; geheime cellen als status)",
			description = FORMAT_RULES)
	@ApiResponse(responseCode = "200", description = "de gegevens in het gevraagde formaat",
			content = { @Content(mediaType = "application/json"),
					@Content(mediaType = "application/vnd.sdmx.data+csv;version=2.0.0"),
					@Content(mediaType = "text/x-pcaxis"), @Content(mediaType = "text/csv"),
					@Content(mediaType = "application/csvm+json"),
					@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") })
	@ApiResponse(responseCode = "304", description = "niet gewijzigd sinds If-None-Match of If-Modified-Since")
	@ApiResponse(responseCode = "406", description = "geen van de mediatypes in Accept is beschikbaar",
			content = @Content(mediaType = "application/problem+json"))
	@GetMapping("/api/v1/{scope}/stats/indicators/{code}/data")
	void data(@PathVariable("scope") String slug, @PathVariable String code,
			@Parameter(description = "gewest, provincie, gemeente, deelgemeente, wijk of statsec") @RequestParam(
					defaultValue = "gemeente") @Size(max = 20) String level,
			@Parameter(description = FORMAT_PARAMETER) @RequestParam(required = false) @Size(max = 20) String format,
			@Parameter(description = BREAKDOWN_PARAMETER) @RequestParam(required = false) @Size(
					max = 100) String breakdown,
			@RequestParam(defaultValue = "nl") @Size(max = 5) String lang,
			@Parameter(hidden = true) @RequestHeader(value = "Accept", required = false) String accept,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Scope scope = access.scope(slug);
		Indicator indicator = visible(scope, code);
		String levelCode = level(level);
		String breakdownKey = breakdownKey(scope, indicator, breakdown);
		answer(scope, format, accept, lang, "", request, response,
				(editor, updated) -> cube(scope, indicator, levelCode, breakdownKey, editor, updated));
	}

	@Operation(
			summary = "Alle waarden van alle (of de gekozen) indicatoren op een niveau: indicator × gebied × periode, in dezelfde formaten als één indicator, gestreamd (publiek voor gepubliceerde indicatoren; geheime cellen als status)",
			description = FORMAT_RULES)
	@ApiResponse(responseCode = "200", description = "de gegevens in het gevraagde formaat")
	@ApiResponse(responseCode = "304", description = "niet gewijzigd sinds If-None-Match of If-Modified-Since")
	@ApiResponse(responseCode = "406", description = "geen van de mediatypes in Accept is beschikbaar",
			content = @Content(mediaType = "application/problem+json"))
	@GetMapping("/api/v1/{scope}/stats/data")
	void all(@PathVariable("scope") String slug, @Parameter(
			description = "indicatorcodes, komma-gescheiden; alle zichtbare indicatoren met gegevens indien leeg") @RequestParam(
					required = false) List<String> indicator,
			@Parameter(description = "gewest, provincie, gemeente, deelgemeente, wijk of statsec") @RequestParam(
					defaultValue = "gemeente") @Size(max = 20) String level,
			@Parameter(description = "eerste periode, bv. 2014") @RequestParam(required = false) @Size(
					max = 20) String from,
			@Parameter(description = "laatste periode, bv. 2024") @RequestParam(required = false) @Size(
					max = 20) String to,
			@Parameter(description = BREAKDOWN_PARAMETER
					+ " Indicatoren zonder die uitsplitsing vallen weg.") @RequestParam(
							required = false) @Size(max = 100) String breakdown,
			@Parameter(description = FORMAT_PARAMETER) @RequestParam(required = false) @Size(max = 20) String format,
			@RequestParam(defaultValue = "nl") @Size(max = 5) String lang,
			@Parameter(hidden = true) @RequestHeader(value = "Accept", required = false) String accept,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Scope scope = access.scope(slug);
		String levelCode = level(level);
		List<Indicator> chosenIndicators = indicator == null || indicator.isEmpty()
				? indicators.withData(scope, access.isMember(scope))
					.stream()
					.filter(i -> access.canSee(scope, i))
					.sorted(Comparator.comparing(Indicator::code))
					.toList()
				: indicator.stream().map(code -> visible(scope, code)).toList();
		answer(scope, format, accept, lang, "|" + access.isMember(scope), request, response,
				(editor, updated) -> allCube(scope, chosenIndicators, levelCode, from, to, breakdown, editor, updated));
	}

	/**
	 * Negotiates the format (406 when nothing fits), answers 304 when the client's copy
	 * is current, and otherwise streams the cube that {@code cube} builds for the caller
	 * (editor or not) as of the scope's last change.
	 * @param variant what else the answer depends on, besides the URL, the format and
	 * whether the caller is an editor
	 */
	private void answer(Scope scope, String format, String accept, String lang, String variant,
			HttpServletRequest request, HttpServletResponse response, BiFunction<Boolean, Instant, Cube> cube)
			throws IOException {
		OpenDataResponses.ExportFormat chosen;
		try {
			chosen = OpenDataResponses.negotiate(format, accept);
		}
		catch (OpenDataResponses.NotAcceptable ex) {
			OpenDataResponses.notAcceptable(response, ex, messages, RequestContextUtils.getLocale(request));
			return;
		}
		boolean editor = access.seesConfidential(scope);
		OpenDataResponses.Version version = responses.scopeVersion(scope);
		if (responses.notModified(request, response, version, variant(request, chosen, editor) + variant)) {
			return;
		}
		responses.write(request, response, chosen, lang, editor, () -> cube.apply(editor, version.lastModified()));
	}

	/** The breakdowns an indicator has: {@code ""} is the total. */
	record Breakdowns(String indicator, List<String> breakdowns) {
	}

	@Operation(
			summary = "De uitsplitsingen (bv. geslacht=M|leeftijd=0-17) waarvoor een indicator waarden heeft; \"\" is het totaal (publiek voor gepubliceerde indicatoren)")
	@GetMapping("/api/v1/{scope}/stats/indicators/{code}/breakdowns")
	Breakdowns breakdowns(@PathVariable("scope") String slug, @PathVariable String code) {
		Scope scope = access.scope(slug);
		Indicator indicator = visible(scope, code);
		return new Breakdowns(indicator.code(), queries.breakdowns(scope, indicator));
	}

	private Indicator visible(Scope scope, String code) {
		return indicators.find(scope, code)
			.filter(i -> access.canSee(scope, i))
			.orElseThrow(() -> new NotFoundException(Reason.of("stats.refused.indicatorUnknown", code)));
	}

	private static String level(String level) {
		return Level.parse(level)
			.orElseThrow(() -> new RefusedValueException(Reason.of("stats.refused.levelUnknown", level)))
			.code();
	}

	private String breakdownKey(Scope scope, Indicator indicator, String breakdown) {
		return queries.breakdown(scope, indicator, breakdown)
			.orElseThrow(() -> new RefusedValueException(
					Reason.of("stats.refused.breakdownUnknown", indicator.code(), breakdown,
							Reason.list(queries.breakdowns(scope, indicator)
								.stream()
								.map(b -> b.isEmpty() ? Reason.of("stats.refused.breakdownTotal") : b)
								.toList()))));
	}

	/** Everything besides the data that an answer depends on. */
	private static String variant(HttpServletRequest request, OpenDataResponses.ExportFormat format, boolean editor) {
		return request.getRequestURI() + "?" + request.getQueryString() + "|" + format.parameter() + "|" + editor;
	}

	/**
	 * One page of a query: {@code total} observations match, {@code items} holds those of
	 * this page.
	 */
	record Page(int page, int size, long total, String breakdown, List<StatsApiController.ObservationJson> items) {
	}

	@Operation(
			summary = "Waarden van een indicator over een periodebereik, eventueel voor gekozen gebieden, per pagina (publiek voor gepubliceerde indicatoren; geheime cellen als status)")
	@GetMapping("/api/v1/{scope}/stats/observations/query")
	Page query(@PathVariable("scope") String slug, @RequestParam @Size(max = 100) String indicator,
			@RequestParam(defaultValue = "gemeente") @Size(max = 20) String level,
			@Parameter(
					description = "gebiedscodes, komma-gescheiden; alle gebieden van het niveau indien leeg") @RequestParam(
							required = false) List<String> area,
			@Parameter(description = "eerste periode, bv. 2014") @RequestParam(required = false) @Size(
					max = 20) String from,
			@Parameter(description = "laatste periode, bv. 2024") @RequestParam(required = false) @Size(
					max = 20) String to,
			@Parameter(description = BREAKDOWN_PARAMETER) @RequestParam(required = false) @Size(
					max = 100) String breakdown,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "1000") int size) {
		if (page < 0 || size < 1 || size > 10_000) {
			throw new RefusedValueException(Reason.of("stats.refused.pageAndSize"));
		}
		Scope scope = access.scope(slug);
		Indicator found = visible(scope, indicator);
		String levelCode = level(level);
		String breakdownKey = breakdownKey(scope, found, breakdown);
		boolean editor = access.seesConfidential(scope);
		Set<String> areas = area == null ? null : new HashSet<>(area);
		List<StatsApiController.ObservationJson> all = new ArrayList<>();
		StatsQueries.Series series = queries.series(scope, found, null, breakdownKey);
		List<Area> targets = areaRepository.atLevel(levelCode, null);
		for (String period : queries.periods(scope, found)) {
			if (!inRange(period, from, to)) {
				continue;
			}
			for (StatsQueries.Cell c : queries.cells(series, targets, period, editor)) {
				if (areas == null || areas.contains(c.area().code())) {
					all.add(new StatsApiController.ObservationJson(c.area().code(), c.area().name(), c.area().level(),
							c.period(), c.value(), c.status(), c.missingReason(), editor ? c.confidential() : null,
							c.provisional(), c.estimated(), c.margin()));
				}
			}
		}
		int fromIndex = (int) Math.min((long) page * size, all.size());
		return new Page(page, size, all.size(), breakdownKey,
				all.subList(fromIndex, Math.min(fromIndex + size, all.size())));
	}

	private static boolean inRange(String period, String from, String to) {
		return (from == null || period.compareTo(from) >= 0)
				&& (to == null || period.compareTo(to) <= 0 || period.startsWith(to));
	}

	/** Areas × periods, with the cells as the caller may see them. */
	Cube cube(Scope scope, Indicator indicator, String level, String breakdown, boolean editor, Instant updated) {
		List<String> periods = queries.periods(scope, indicator);
		StatsQueries.Series series = queries.series(scope, indicator, null, breakdown);
		Map<String, Category> areas = new LinkedHashMap<>();
		Map<String, Map<String, StatsQueries.Cell>> byArea = new LinkedHashMap<>();
		List<Area> targets = areaRepository.atLevel(level, within(scope, level));
		for (String period : periods) {
			for (StatsQueries.Cell cell : queries.cells(series, targets, period, editor)) {
				areas.putIfAbsent(cell.area().code(),
						new Category(cell.area().code(), LocalizedText.single("nl", cell.area().name())));
				byArea.computeIfAbsent(cell.area().code(), k -> new LinkedHashMap<>()).put(period, cell);
			}
		}
		if (areas.isEmpty()) {
			throw new NotFoundException(Reason.of("stats.refused.noValuesAtLevel", indicator.code(), level));
		}
		List<Category> periodCategories = periods.stream()
			.map(p -> new Category(p, LocalizedText.single("nl", p)))
			.toList();
		List<Cell> cells = new ArrayList<>();
		for (String area : areas.keySet()) {
			for (String period : periods) {
				cells.add(cell(byArea.get(area).get(period)));
			}
		}
		String id = (indicator.code() + "_" + level + (breakdown.isEmpty() ? "" : "_" + breakdown))
			.replaceAll("[^A-Za-z0-9_-]", "_");
		Map<String, String> extension = new LinkedHashMap<>(Map.of("indicator", indicator.code(), "niveau", level));
		if (!breakdown.isEmpty()) {
			extension.put("uitsplitsing", breakdown);
		}
		return new Cube(id, LocalizedText.single("nl", indicator.name()),
				LocalizedText.single("nl", indicator.source() == null ? "OBMi" : indicator.source()),
				LocalizedText.single("nl", indicator.unit() == null ? "" : indicator.unit()), indicator.decimals(),
				updated,
				List.of(new Dimension("gebied", LocalizedText.of("Gebied", "Area"), DimensionRole.GEO,
						List.copyOf(areas.values())),
						new Dimension("periode", LocalizedText.of("Periode", "Period"), DimensionRole.TIME,
								periodCategories)),
				Cells.of(cells), extension);
	}

	/**
	 * A tenant's exports below the municipality level cover the city's own areas; null
	 * (no limit) otherwise.
	 */
	private Area within(Scope scope, String level) {
		return scope.isPlatform() || Level.parse(level).orElseThrow().ordinal() <= Level.GEMEENTE.ordinal() ? null
				: areaRepository.find("gemeente", scope.nisCode()).orElse(null);
	}

	private static Cell cell(StatsQueries.Cell c) {
		return c == null || "missing".equals(c.status()) ? Cell.missing()
				: "suppressed".equals(c.status()) ? Cell.suppressed() : Cell.ok(c.value());
	}

	/**
	 * Indicators × areas × periods, computed one indicator at a time while the writer
	 * asks for cells: memory holds one indicator's values, whatever the number of
	 * indicators. The areas are every area of the level (inside the tenant's municipality
	 * for levels below it); cells without a value are missing.
	 */
	Cube allCube(Scope scope, List<Indicator> chosen, String level, String from, String to, String breakdown,
			boolean editor, Instant updated) {
		List<Indicator> included = new ArrayList<>();
		List<String> breakdownKeys = new ArrayList<>();
		TreeSet<String> periodSet = new TreeSet<>();
		for (Indicator indicator : chosen) {
			Optional<String> key = queries.breakdown(scope, indicator, breakdown);
			List<String> periods = queries.periods(scope, indicator)
				.stream()
				.filter(p -> inRange(p, from, to))
				.toList();
			if (key.isPresent() && !periods.isEmpty()) {
				included.add(indicator);
				breakdownKeys.add(key.get());
				periodSet.addAll(periods);
			}
		}
		if (included.isEmpty()) {
			throw new NotFoundException(Reason.of("stats.refused.noValues"));
		}
		List<Area> areaList = areaRepository.atLevel(level, within(scope, level));
		if (areaList.isEmpty()) {
			throw new NotFoundException(Reason.of("stats.refused.noAreasAtLevel", level));
		}
		List<String> periods = List.copyOf(periodSet);
		Cells cells = grids.cells(scope, included, breakdownKeys, grids.positions(areaList), periods, editor);
		String id = ("indicatoren_" + level + (breakdown == null || breakdown.isBlank() ? "" : "_" + breakdown))
			.replaceAll("[^A-Za-z0-9_-]", "_");
		Map<String, String> extension = new LinkedHashMap<>(Map.of("niveau", level));
		if (breakdown != null && !breakdown.isBlank()) {
			extension.put("uitsplitsing", breakdown);
		}
		return new Cube(id, LocalizedText.of("Indicatoren per " + level, "Indicators by " + level),
				LocalizedText.single("nl", "OBMi"), LocalizedText.empty(),
				included.stream().mapToInt(Indicator::decimals).max().orElse(0), updated, List.of(
						new Dimension("indicator", LocalizedText.of("Indicator", "Indicator"), DimensionRole.METRIC,
								included.stream()
									.map(i -> new Category(i.code(), LocalizedText.single("nl", i.name()), null,
											new CategoryUnit(i.unit() == null ? LocalizedText.empty()
													: LocalizedText.single("nl", i.unit()), i.decimals())))
									.toList()),
						new Dimension("gebied", LocalizedText.of("Gebied", "Area"), DimensionRole.GEO,
								areaList.stream()
									.map(a -> new Category(a.code(), LocalizedText.single("nl", a.name())))
									.toList()),
						new Dimension("periode", LocalizedText.of("Periode", "Period"), DimensionRole.TIME,
								periods.stream().map(p -> new Category(p, LocalizedText.single("nl", p))).toList())),
				cells, extension);
	}

}
