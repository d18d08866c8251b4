package be.obmi.stats.web;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.AreaGroups;
import be.obmi.stats.domain.Level;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.query.StatsFormat;
import be.obmi.stats.query.StatsQueries;
import be.obmi.stats.query.StatsSite;
import be.obmi.stats.query.SurveyEditions;

import jakarta.validation.constraints.Size;

import be.obmi.shared.tabular.SpreadsheetText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.tenancy.Tenant;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.beans.factory.annotation.Value;

/**
 * The public statistics site of a tenant: theme dashboards, indicator pages with trend,
 * map and downloads, the list of areas, and the comparison of the centrumsteden (the area
 * reports are {@link AreaReportController}'s). Anonymous visitors see published
 * indicators with disclosure control; the tenant's editors see real values marked
 * confidential.
 * <p>
 * Over 300 lines because it serves the public site's pages of one module (dashboard,
 * indicator, areas, comparison) that share the scope, language and cache headers.
 */
@Controller
class StatsPageController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The most areas a bar chart shows (the wijken of every city fit); more, such as the
	 * sectors of a city, are left to the table, where a chart would be pages long.
	 */
	private static final int MAX_BARS = 70;

	private final StatsSite site;

	private final StatsAccess access;

	private final MessageSource messages;

	private final AreaShapes shapes;

	private final MapTiles tiles;

	private final SurveyEditions survey;

	private final ComparisonGroups comparisonGroups;

	StatsPageController(StatsSite site, StatsAccess access, MessageSource messages, AreaShapes shapes,
			SurveyEditions survey, ComparisonGroups comparisonGroups,
			@Value("${obmi.stats.map.tile-url:}") String tileUrl,
			@Value("${obmi.stats.map.tile-attribution:}") String tileAttribution) {
		this.site = site;
		this.access = access;
		this.messages = messages;
		this.shapes = shapes;
		this.survey = survey;
		this.comparisonGroups = comparisonGroups;
		this.tiles = new MapTiles(tileUrl.isBlank() ? null : tileUrl.strip(),
				tileAttribution.isBlank() ? null : tileAttribution.strip());
	}

	/** The optional basemap: a tile URL template and its attribution; none by default. */
	record MapTiles(String url, String attribution) {
	}

	@GetMapping("/{slug}/cijfers")
	String dashboard(Tenant tenant, @RequestParam(name = "thema", required = false) @Size(max = 50) String theme,
			Model model) {
		Scope scope = StatsAccess.of(tenant);
		Map<String, List<Indicator>> themes = site.themes(scope);
		String current = theme != null && themes.containsKey(theme) ? theme
				: themes.containsKey("Demografie") ? "Demografie" : themes.keySet().stream().findFirst().orElse(null);
		model.addAttribute("themes", themes.keySet());
		model.addAttribute("themeLabels", themeLabels(themes));
		model.addAttribute("current", current);
		model.addAttribute("city", site.city(tenant));
		model.addAttribute("theme", current == null ? null : site.theme(scope, tenant, current, themes.get(current)));
		model.addAttribute("demo", current != null && themes.get(current).stream().anyMatch(Indicator::demo));
		return "stats/dashboard";
	}

	/**
	 * Each theme's name in the page's language: the English name of the first of its
	 * indicators that has one, else the Dutch name (marked Dutch).
	 */
	static Map<String, Indicator.Label> themeLabels(Map<String, List<Indicator>> themes) {
		Map<String, Indicator.Label> labels = new LinkedHashMap<>();
		themes.forEach((theme, list) -> labels.put(theme,
				list.stream()
					.filter(i -> i.themeEn() != null)
					.findFirst()
					.orElse(list.get(0))
					.themeIn(LocaleContextHolder.getLocale())));
		return labels;
	}

	@GetMapping("/{slug}/cijfers/indicator/{code}")
	String indicator(Tenant tenant, @PathVariable String code,
			@RequestParam(name = "periode", required = false) @Size(max = 20) String period,
			@RequestParam(name = "niveau", defaultValue = "wijk") @Size(max = 20) String level,
			@RequestParam(name = "van", required = false) @Size(max = 20) String from,
			@RequestParam(name = "tot", required = false) @Size(max = 20) String to,
			@RequestParam(name = "editie", required = false) @Size(max = 20) String edition, Model model) {
		Scope scope = StatsAccess.of(tenant);
		Indicator indicator = site.indicator(scope, code).orElseThrow(StatsPageController::notFound);
		List<String> periods = site.periods(scope, indicator);
		if (indicator.isSurvey()) {
			surveyModel(scope, tenant, indicator, periods, edition, model);
		}
		String shown = period != null && periods.contains(period) ? period
				: periods.isEmpty() ? null : periods.get(periods.size() - 1);
		String mapLevel = "statsec".equals(level) ? "statsec" : "wijk";
		StatsSite.Trend trend = site.trend(scope, tenant, indicator);
		List<StatsQueries.Cell> cells = shown == null ? List.of()
				: site.cells(scope, tenant, indicator, mapLevel, shown);
		model.addAttribute("indicator", indicator);
		model.addAttribute("periods", periods);
		model.addAttribute("period", shown);
		model.addAttribute("level", mapLevel);
		model.addAttribute("trend", trend);
		String centrumsteden = messages.getMessage(
				indicator.isRatio() ? "stats.centrumsteden.ratio" : "stats.centrumsteden.sum", null,
				LocaleContextHolder.getLocale());
		model.addAttribute("trendJson", trendJson(trend, indicator.isSum(), centrumsteden));
		// a direct link to an indicator without values says so instead of empty charts
		model.addAttribute("figures", shown != null && site.hasValues(scope, indicator));
		model.addAttribute("cells", cells);
		List<RankedArea> ranked = RankedArea.rank(cells);
		model.addAttribute("ranked", ranked);
		model.addAttribute("rankedCount", ranked.stream().filter(r -> r.rank() != null).count());
		model.addAttribute("mapJson", mapJson(ranked));
		List<RankedArea> shownRanks = ranked.stream().filter(r -> r.rank() != null).toList();
		model.addAttribute("rankChartJson", shownRanks.size() > MAX_BARS ? null : barJson(shownRanks));
		model.addAttribute("mapGeo", mapGeo(tenant, mapLevel));
		model.addAttribute("sectorFile",
				AreaShapes.sectorFileName(tenant.nisCode() == null ? "<nis>" : tenant.nisCode()));
		model.addAttribute("tiles", tiles);
		model.addAttribute("city", site.city(tenant));
		model.addAttribute("editor", access.seesConfidential(scope));
		periodComparison(scope, tenant, indicator, periods, shown, mapLevel, from, to, model);
		return "stats/indicator";
	}

	/**
	 * The two periods compared per area: the chosen ones, by default the shown period and
	 * the one before it; nothing when the indicator has one period.
	 */
	private void periodComparison(Scope scope, Tenant tenant, Indicator indicator, List<String> periods, String shown,
			String level, String from, String to, Model model) {
		if (shown == null || periods.size() < 2) {
			return;
		}
		String second = to != null && periods.contains(to) ? to : shown;
		int index = periods.indexOf(second);
		String first = from != null && periods.contains(from) ? from : periods.get(index > 0 ? index - 1 : 1);
		List<PeriodChange> changes = PeriodChange.compare(site.cells(scope, tenant, indicator, level, first),
				site.cells(scope, tenant, indicator, level, second));
		model.addAttribute("from", first);
		model.addAttribute("to", second);
		model.addAttribute("changes", changes);
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", changes.stream().map(c -> c.area().name()).toList());
		chart.put("series",
				List.of(Map.of("name", first, "values", changes.stream().map(c -> shownValue(c.first())).toList()),
						Map.of("name", second, "values", changes.stream().map(c -> shownValue(c.second())).toList())));
		model.addAttribute("changeChartJson", changes.size() > MAX_BARS ? null : JSON.writeValueAsString(chart));
	}

	private static Object shownValue(StatsQueries.Cell cell) {
		return "ok".equals(cell.status()) && cell.value() != null ? cell.value() : "-";
	}

	/**
	 * The GeoJSON URL of the map at a level: the wijken from the reference data, the
	 * sectors only when the city supplied their polygons; null without polygons.
	 */
	private String mapGeo(Tenant tenant, String level) {
		boolean present = "statsec".equals(level) ? shapes.sectors(tenant.nisCode()).isPresent()
				: shapes.wijken(tenant.nisCode()).isPresent();
		return present ? "/api/v1/" + tenant.slug() + "/stats/geo/" + ("statsec".equals(level) ? "statsec" : "wijken")
				: null;
	}

	/**
	 * A survey indicator's editions: the city's with n and interval (also for the chart's
	 * band) and the centrumsteden in the picked edition (default the latest).
	 */
	private void surveyModel(Scope scope, Tenant tenant, Indicator indicator, List<String> periods, String edition,
			Model model) {
		boolean editor = access.seesConfidential(scope);
		List<SurveyEditions.Edition> editions = survey.of(scope, indicator, site.city(tenant), editor);
		String picked = edition != null && periods.contains(edition) ? edition
				: periods.isEmpty() ? null : periods.get(periods.size() - 1);
		model.addAttribute("editions", editions);
		model.addAttribute("edition", picked);
		model.addAttribute("editionCities",
				picked == null ? List.of() : survey.centrumsteden(scope, indicator, picked, editor));
		Map<String, Object> band = new LinkedHashMap<>();
		band.put("periods", editions.stream().map(SurveyEditions.Edition::period).toList());
		band.put("lower", editions.stream().map(e -> e.hasInterval() ? (Object) e.lower() : "-").toList());
		band.put("upper", editions.stream().map(e -> e.hasInterval() ? (Object) e.upper() : "-").toList());
		band.put("label", messages.getMessage("stats.survey.interval", null, LocaleContextHolder.getLocale()));
		model.addAttribute("surveyJson", JSON.writeValueAsString(band));
	}

	@GetMapping("/{slug}/cijfers/indicator/{code}/download")
	ResponseEntity<byte[]> download(Tenant tenant, @PathVariable String code,
			@RequestParam(name = "niveau", defaultValue = "wijk") @Size(max = 20) String level,
			@RequestParam(name = "formaat", defaultValue = "csv") @Size(max = 20) String format) {
		Scope scope = StatsAccess.of(tenant);
		Indicator indicator = site.indicator(scope, code).orElseThrow(StatsPageController::notFound);
		String levelCode = Level.parse(level).orElseThrow(StatsPageController::notFound).code();
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "indicator", "gebied", "naam", "niveau", "periode", "waarde", "status" });
		Map<String, SurveyEditions.Sample> samples = indicator.isSurvey() ? survey.samples(scope, indicator) : null;
		if (samples != null) {
			rows.set(0, surveyRow(rows.get(0), "n", "N", "marge", "ondergrens", "bovengrens"));
		}
		for (String period : site.periods(scope, indicator)) {
			for (StatsQueries.Cell c : site.cells(scope, tenant, indicator, levelCode, period)) {
				Object[] row = { indicator.code(), c.area().code(), c.area().name(), c.area().level(), period,
						c.value(), c.status() };
				if (samples != null) {
					SurveyEditions.Edition e = SurveyEditions.edition(c,
							samples.getOrDefault(SurveyEditions.key(c.area(), period), SurveyEditions.Sample.NONE));
					row = surveyRow(row, e.n() == null ? null : e.n().doubleValue(),
							e.population() == null ? null : e.population().doubleValue(), e.margin(), e.lower(),
							e.upper());
				}
				rows.add(row);
			}
		}
		String name = indicator.code() + "-" + tenant.slug() + "-" + levelCode;
		if ("xlsx".equals(format)) {
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"")
				.contentType(
						MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(xlsx(rows));
		}
		// for people with a Belgian spreadsheet: ';' and a decimal comma (1234,5); the
		// open-data CSV of the API keeps its documented machine format
		StringBuilder csv = new StringBuilder("\uFEFF");
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				csv.append(i == 0 ? "" : ";")
					.append(row[i] instanceof Double d ? StatsFormat.csv(d)
							: quote(row[i] == null ? "" : (String) row[i]));
			}
			csv.append("\r\n");
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** A download row with the survey columns (n, N, margin, interval) after it. */
	private static Object[] surveyRow(Object[] row, Object... survey) {
		Object[] out = Arrays.copyOf(row, row.length + survey.length);
		System.arraycopy(survey, 0, out, row.length, survey.length);
		return out;
	}

	@GetMapping("/{slug}/cijfers/gebieden")
	String areas(Tenant tenant, Model model) {
		Area city = site.city(tenant);
		model.addAttribute("city", city);
		List<Area> wijken = site.areasOf(city, "wijk");
		List<SectorGroup> groups = sectorGroups(city, wijken);
		model.addAttribute("wijken", wijken);
		model.addAttribute("sectorGroups", groups);
		model.addAttribute("sectorsByWijk", groups.stream().allMatch(g -> "wijk".equals(g.parent().level())));
		return "stats/areas";
	}

	/**
	 * The statistical sectors of the city under the area they belong to: their wijk where
	 * the reference data knows it (a sector whose parent is a wijk), otherwise their
	 * deelgemeente. The reference data has no sector-to-wijk relation (the demo's
	 * {@code DemoWijken} assignment is a demo device, not geography), so today every
	 * sector is listed under its deelgemeente.
	 */
	private List<SectorGroup> sectorGroups(Area city, List<Area> wijken) {
		Map<Long, Area> parents = new LinkedHashMap<>();
		wijken.forEach(w -> parents.put(w.id(), w));
		site.areasOf(city, "deelgemeente").forEach(d -> parents.put(d.id(), d));
		Map<Area, List<Area>> grouped = new LinkedHashMap<>();
		for (Area sector : site.areasOf(city, "statsec")) {
			Area parent = sector.parentId() == null ? city : parents.getOrDefault(sector.parentId(), city);
			grouped.computeIfAbsent(parent, k -> new ArrayList<>()).add(sector);
		}
		return grouped.entrySet()
			.stream()
			.map(e -> new SectorGroup(e.getKey(), e.getValue()))
			.sorted(Comparator.comparing((SectorGroup g) -> g.parent().level())
				.thenComparing(g -> g.parent().name(), Collator.getInstance(LocaleContextHolder.getLocale())))
			.toList();
	}

	/** The sectors of one wijk or deelgemeente, for the list of areas. */
	record SectorGroup(Area parent, List<Area> sectors) {
	}

	/**
	 * The platform's indicators among the scope's themes: those every city has, so they
	 * compare across cities (the comparison and the mergers page choose from them).
	 */
	static List<Indicator> platformIndicators(StatsSite site, Scope scope) {
		return site.themes(scope).values().stream().flatMap(List::stream).filter(i -> i.tenantId() == null).toList();
	}

	@GetMapping("/{slug}/cijfers/vergelijking")
	String comparison(Tenant tenant, @RequestParam(name = "indicator", required = false) @Size(max = 100) String code,
			@RequestParam(name = "periode", required = false) @Size(max = 20) String period,
			@RequestParam(name = "groep", required = false) @Size(max = 80) String group, Model model) {
		Scope scope = StatsAccess.of(tenant);
		List<Indicator> candidates = StatsPageController.platformIndicators(site, scope);
		Indicator indicator = candidates.stream()
			.filter(i -> i.code().equals(code))
			.findFirst()
			.orElse(candidates.stream()
				.filter(i -> i.code().equals("bev_65plus_pct"))
				.findFirst()
				.orElse(candidates.stream()
					.filter(Indicator::isRatio)
					.findFirst()
					.orElse(candidates.isEmpty() ? null : candidates.get(0))));
		model.addAttribute("candidates", candidates);
		model.addAttribute("indicator", indicator);
		if (indicator != null) {
			List<String> periods = site.periods(scope, indicator);
			String shown = period != null && periods.contains(period) ? period
					: periods.isEmpty() ? null : periods.get(periods.size() - 1);
			// a peer group instead of the centrumsteden, and the city beside its
			// stadsregio
			// and Flanders (issue 21, ComparisonGroups)
			Optional<AreaGroups.AreaGroup> peers = comparisonGroups.peers(group, model);
			List<ComparedCity> rows = shown == null ? List.of()
					: ComparedCity.rank(peers.isPresent() ? comparisonGroups.rows(scope, indicator, shown, peers.get())
							: site.comparison(scope, indicator, shown), indicator, tenant.slug());
			if (shown != null) {
				comparisonGroups.sideBySide(scope, tenant, indicator, shown, model);
			}
			model.addAttribute("periods", periods);
			model.addAttribute("period", shown);
			model.addAttribute("rows", rows);
			model.addAttribute("rankedCities", rows.stream().filter(r -> r.rank() != null).count());
			List<ComparedCity> cities = rows.stream().filter(r -> r.row().tenantSlug() != null).toList();
			String own = messages.getMessage("stats.comparison.ownCity", null, LocaleContextHolder.getLocale());
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("labels",
					cities.stream()
						.map(r -> r.own() ? r.row().area().name() + " " + own : r.row().area().name())
						.toList());
			chart.put("values",
					cities.stream().map(r -> r.row().value().ok() ? r.row().value().value() : null).toList());
			chart.put("highlight", cities.stream().map(ComparedCity::own).toList());
			rows.stream()
				.filter(r -> r.row().tenantSlug() == null && r.row().value().ok())
				.findFirst()
				.ifPresent(r -> chart.put("reference",
						Map.of("name", r.row().area().name(), "value", r.row().value().value())));
			model.addAttribute("chartJson", JSON.writeValueAsString(chart));
		}
		return "stats/comparison";
	}

	/**
	 * The chart data; for counts only the city's own line (Flanders' totals would flatten
	 * it), the table has all.
	 */
	private static String trendJson(StatsSite.Trend trend, boolean count, String averageLabel) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("periods", trend.periods());
		List<Map<String, Object>> series = new ArrayList<>();
		trend.lines()
			.entrySet()
			.stream()
			.limit(count ? 1 : 3)
			.forEach(e -> series
				.add(Map.of("name", "centrumsteden".equals(e.getKey()) ? averageLabel : e.getKey(), "values",
						e.getValue()
							.stream()
							.map(v -> v.ok() ? v.value() : null)
							.map(v -> v == null ? "-" : (Object) v)
							.toList())));
		json.put("series", series);
		return JSON.writeValueAsString(json);
	}

	/**
	 * Per area code its value ({@code v}, null unless published), status ({@code s}: ok,
	 * suppressed, missing) and rank ({@code r}), for the map's colours and tooltips.
	 */
	private static String mapJson(List<RankedArea> ranked) {
		Map<String, Object> areas = new LinkedHashMap<>();
		for (RankedArea r : ranked) {
			Map<String, Object> area = new LinkedHashMap<>();
			area.put("v", r.rank() == null ? null : r.cell().value());
			area.put("s", r.cell().status());
			area.put("r", r.rank());
			areas.put(r.cell().area().code(), area);
		}
		return JSON.writeValueAsString(areas);
	}

	/** A sorted bar chart's data: labels and values in the given order. */
	private static String barJson(List<RankedArea> ranked) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", ranked.stream().map(r -> r.cell().area().name()).toList());
		chart.put("values", ranked.stream().map(r -> r.cell().value()).toList());
		return JSON.writeValueAsString(chart);
	}

	private static byte[] xlsx(List<Object[]> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("cijfers");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				Object[] values = rows.get(r);
				for (int c = 0; c < values.length; c++) {
					if (values[c] instanceof Double d) {
						row.createCell(c).setCellValue(d);
					}
					else {
						row.createCell(c).setCellValue(values[c] == null ? "" : (String) values[c]);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String quote(String text) {
		String s = SpreadsheetText.neutralised(text);
		return s.contains(";") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
