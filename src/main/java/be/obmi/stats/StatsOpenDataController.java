package be.obmi.stats;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import be.obmi.opendata.Category;
import be.obmi.opendata.Cell;
import be.obmi.opendata.Cells;
import be.obmi.opendata.Cube;
import be.obmi.opendata.CubeWriter;
import be.obmi.opendata.Dimension;
import be.obmi.opendata.DimensionRole;
import be.obmi.opendata.LocalizedText;
import be.obmi.opendata.OpenDataFormats;

import org.springframework.http.CacheControl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data of one indicator for every area of a level and every period: JSON-stat 2.0, SDMX-CSV 2.0, PX, CSV or
 * XLSX. Disclosure control applies exactly as on the pages: for anonymous users a suppressed cell is written as a
 * status (JSON-stat {@code status}, SDMX {@code OBS_CONF=C}, PX {@code "..."}), never as a value.
 */
@RestController
@Tag(name = "Open data", description = "Indicatoren in de formaten van het vak")
class StatsOpenDataController {

	private final StatsAccess access;

	private final Indicators indicators;

	private final StatsQueries queries;

	private final OpenDataFormats formats;

	StatsOpenDataController(StatsAccess access, Indicators indicators, StatsQueries queries, OpenDataFormats formats) {
		this.access = access;
		this.indicators = indicators;
		this.queries = queries;
		this.formats = formats;
	}

	@Operation(summary = "Alle waarden van een indicator op een niveau, als JSON-stat 2.0, SDMX-CSV 2.0, PX, CSV of XLSX (publiek voor gepubliceerde indicatoren; geheime cellen als status)")
	@GetMapping("/api/v1/{scope}/stats/indicators/{code}/data")
	void data(@PathVariable("scope") String slug, @PathVariable String code,
			@Parameter(description = "gewest, provincie, gemeente, deelgemeente, wijk of statsec") @RequestParam(defaultValue = "gemeente") String level,
			@Parameter(description = "jsonstat, sdmx-csv, px, csv of xlsx") @RequestParam(defaultValue = "jsonstat") String format,
			@RequestParam(defaultValue = "nl") String lang, HttpServletResponse response) throws IOException {
		Scope scope = access.scope(slug);
		Indicator indicator = indicators.find(scope, code)
			.filter(i -> access.canSee(scope, i))
			.orElseThrow(() -> new ImportHistory.NotFound("Onbekende indicator " + code));
		String levelCode = Level.parse(level).orElseThrow(() -> new IllegalArgumentException("Onbekend niveau " + level)).code();
		CubeWriter writer = formats.writer(format, "en".equals(lang) ? "en" : "nl");
		boolean editor = access.seesConfidential(scope);
		Cube cube = cube(scope, indicator, levelCode, editor);
		response.setContentType(writer.mediaType());
		response.setHeader("Content-Disposition", "attachment; filename=\"" + cube.id() + "." + writer.fileExtension() + "\"");
		response.setHeader("Cache-Control", editor ? CacheControl.noStore().getHeaderValue()
				: CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic().getHeaderValue());
		writer.write(cube, response.getOutputStream());
	}

	/** One page of a query: {@code total} observations match, {@code items} holds those of this page. */
	record Page(int page, int size, long total, List<StatsApiController.ObservationJson> items) {
	}

	@Operation(summary = "Waarden van een indicator over een periodebereik, eventueel voor gekozen gebieden, per pagina (publiek voor gepubliceerde indicatoren; geheime cellen als status)")
	@GetMapping("/api/v1/{scope}/stats/observations/query")
	Page query(@PathVariable("scope") String slug, @RequestParam String indicator,
			@RequestParam(defaultValue = "gemeente") String level,
			@Parameter(description = "gebiedscodes, komma-gescheiden; alle gebieden van het niveau indien leeg") @RequestParam(required = false) List<String> area,
			@Parameter(description = "eerste periode, bv. 2014") @RequestParam(required = false) String from,
			@Parameter(description = "laatste periode, bv. 2024") @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "1000") int size) {
		if (page < 0 || size < 1 || size > 10_000) {
			throw new IllegalArgumentException("page moet 0 of meer zijn en size tussen 1 en 10000.");
		}
		Scope scope = access.scope(slug);
		Indicator found = indicators.find(scope, indicator)
			.filter(i -> access.canSee(scope, i))
			.orElseThrow(() -> new ImportHistory.NotFound("Onbekende indicator " + indicator));
		String levelCode = Level.parse(level).orElseThrow(() -> new IllegalArgumentException("Onbekend niveau " + level)).code();
		boolean editor = access.seesConfidential(scope);
		java.util.Set<String> areas = area == null ? null : new java.util.HashSet<>(area);
		List<StatsApiController.ObservationJson> all = new ArrayList<>();
		for (String period : queries.periods(scope, found)) {
			if ((from != null && period.compareTo(from) < 0) || (to != null && period.compareTo(to) > 0 && !period.startsWith(to))) {
				continue;
			}
			for (StatsQueries.Cell c : queries.cells(scope, found, levelCode, period, null, editor)) {
				if (areas == null || areas.contains(c.area().code())) {
					all.add(new StatsApiController.ObservationJson(c.area().code(), c.area().name(), c.area().level(), c.period(),
							c.value(), c.status(), c.missingReason(), editor ? c.confidential() : null, c.provisional(),
							c.estimated(), c.margin()));
				}
			}
		}
		int fromIndex = (int) Math.min((long) page * size, all.size());
		return new Page(page, size, all.size(), all.subList(fromIndex, Math.min(fromIndex + size, all.size())));
	}

	/** Areas × periods, with the cells as the caller may see them. */
	Cube cube(Scope scope, Indicator indicator, String level, boolean editor) {
		List<String> periods = queries.periods(scope, indicator);
		Map<String, Category> areas = new LinkedHashMap<>();
		Map<String, Map<String, StatsQueries.Cell>> byArea = new LinkedHashMap<>();
		for (String period : periods) {
			for (StatsQueries.Cell cell : queries.cells(scope, indicator, level, period, null, editor)) {
				areas.putIfAbsent(cell.area().code(), new Category(cell.area().code(), LocalizedText.single("nl", cell.area().name())));
				byArea.computeIfAbsent(cell.area().code(), k -> new LinkedHashMap<>()).put(period, cell);
			}
		}
		List<Category> periodCategories = periods.stream().map(p -> new Category(p, LocalizedText.single("nl", p))).toList();
		List<Cell> cells = new ArrayList<>();
		for (String area : areas.keySet()) {
			for (String period : periods) {
				StatsQueries.Cell c = byArea.get(area).get(period);
				cells.add(c == null || "missing".equals(c.status()) ? Cell.missing()
						: "suppressed".equals(c.status()) ? Cell.suppressed() : Cell.ok(c.value()));
			}
		}
		String id = (indicator.code() + "_" + level).replaceAll("[^A-Za-z0-9_-]", "_");
		return new Cube(id, LocalizedText.single("nl", indicator.name()),
				LocalizedText.single("nl", indicator.source() == null ? "OBMi" : indicator.source()),
				LocalizedText.single("nl", indicator.unit() == null ? "" : indicator.unit()), indicator.decimals(), Instant.now(),
				List.of(new Dimension("gebied", LocalizedText.of("Gebied", "Area"), DimensionRole.GEO, List.copyOf(areas.values())),
						new Dimension("periode", LocalizedText.of("Periode", "Period"), DimensionRole.TIME, periodCategories)),
				Cells.of(cells), Map.of("indicator", indicator.code(), "niveau", level));
	}

}
