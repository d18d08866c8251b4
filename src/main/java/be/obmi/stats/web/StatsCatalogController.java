package be.obmi.stats.web;

import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Datasets;
import be.obmi.stats.domain.StatsAccess;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import be.obmi.opendata.CatalogContribution;
import be.obmi.opendata.CatalogDescription;
import be.obmi.opendata.DataTheme;
import be.obmi.opendata.DcatCatalogWriter;
import be.obmi.opendata.DistributionFormat;
import be.obmi.opendata.LocalizedText;
import be.obmi.tenancy.Tenant;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The DCAT-AP 3 catalogue of a city's open data (every published indicator with data and
 * every imported table) ({@code /{slug}/cijfers/catalogus.ttl} and {@code .jsonld}) and
 * of the platform's shared data ({@code /cijfers/catalogus.ttl}), harvestable by
 * data.vlaanderen.be and CKAN; and the human page that explains the open data and the
 * API.
 */
@Controller
class StatsCatalogController {

	/** The formats every indicator and table is offered in, in the catalogue's order. */
	private static final List<DistributionFormat> DISTRIBUTIONS = List.of(DistributionFormat.JSON_STAT,
			DistributionFormat.SDMX_CSV, DistributionFormat.PX, DistributionFormat.CSV, DistributionFormat.XLSX);

	/** The {@code format} parameter of a download in that format. */
	private static String parameter(DistributionFormat format) {
		return switch (format) {
			case JSON_STAT -> "jsonstat";
			case SDMX_CSV -> "sdmx-csv";
			default -> format.name().toLowerCase(Locale.ROOT);
		};
	}

	static final String OPEN_DATA_VIEW = "stats/open-data";

	private final StatsAccess access;

	private final Indicators indicators;

	private final Datasets tables;

	private final DcatCatalogWriter writer = new DcatCatalogWriter();

	private final List<CatalogContribution> contributions;

	StatsCatalogController(StatsAccess access, Indicators indicators, Datasets tables,
			List<CatalogContribution> contributions) {
		this.contributions = contributions;
		this.access = access;
		this.indicators = indicators;
		this.tables = tables;
	}

	@GetMapping("/{slug}/cijfers/catalogus.ttl")
	ResponseEntity<byte[]> tenantTurtle(@PathVariable String slug, HttpServletRequest request) {
		return turtle(catalog(access.scope(slug), request));
	}

	@GetMapping("/{slug}/cijfers/catalogus.jsonld")
	ResponseEntity<byte[]> tenantJsonLd(@PathVariable String slug, HttpServletRequest request) {
		return jsonLd(catalog(access.scope(slug), request));
	}

	@GetMapping("/cijfers/catalogus.ttl")
	ResponseEntity<byte[]> platformTurtle(HttpServletRequest request) {
		return turtle(catalog(Scope.platform(), request));
	}

	@GetMapping("/cijfers/catalogus.jsonld")
	ResponseEntity<byte[]> platformJsonLd(HttpServletRequest request) {
		return jsonLd(catalog(Scope.platform(), request));
	}

	@GetMapping("/{slug}/cijfers/open-data")
	String page(Tenant tenant, Model model) {
		Scope scope = StatsAccess.of(tenant);
		model.addAttribute("indicators", indicators.withData(scope));
		model.addAttribute("formats", List.of("jsonstat", "sdmx-csv", "px", "csv", "csvw", "xlsx"));
		return OPEN_DATA_VIEW;
	}

	private ResponseEntity<byte[]> turtle(CatalogDescription catalog) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writer.writeTurtle(catalog, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(writer.turtleMediaType() + ";charset=UTF-8"))
			.cacheControl(CacheControl.noCache().cachePublic())
			.body(out.toByteArray());
	}

	private ResponseEntity<byte[]> jsonLd(CatalogDescription catalog) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writer.writeJsonLd(catalog, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(writer.jsonLdMediaType()))
			.cacheControl(CacheControl.noCache().cachePublic())
			.body(out.toByteArray());
	}

	/**
	 * A content text in Dutch and, when it has been translated, English: an untranslated
	 * name is not passed off as English ({@code @nl} only).
	 */
	static LocalizedText both(String dutch, String english) {
		return english == null || english.isBlank() ? LocalizedText.single("nl", dutch)
				: LocalizedText.of(dutch, english);
	}

	/**
	 * Every published indicator with data in the scope is a dataset, with a distribution
	 * per format.
	 */
	CatalogDescription catalog(Scope scope, HttpServletRequest request) {
		String origin = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		String slug = scope.isPlatform() ? Scope.PLATFORM : scope.slug();
		String site = scope.isPlatform() ? origin + "/cijfers" : origin + "/" + slug + "/cijfers";
		String api = origin + "/api/v1/" + slug;
		String name = scope.isPlatform() ? "het OBMi-platform" : slug;
		CatalogDescription.Publisher publisher = new CatalogDescription.Publisher(
				scope.nisCode() == null ? origin + "/id/organisatie/obmi"
						: "http://vocab.belgif.be/auth/refnis2019/" + scope.nisCode(),
				LocalizedText.of(scope.isPlatform() ? "Kenniscentrum Vlaamse Steden (OBMi)" : "Bestuur " + name,
						scope.isPlatform() ? "Knowledge Centre of Flemish Cities (OBMi)" : "Government " + name),
				scope.nisCode());
		CatalogDescription.ContactPoint contact = new CatalogDescription.ContactPoint(null, "Stad in cijfers", null,
				scope.isPlatform() ? origin + "/" : origin + "/" + slug + "/cijfers/open-data");
		List<CatalogDescription.DatasetDescription> datasets = new ArrayList<>();
		for (Indicator indicator : indicators.withData(scope)) {
			String id = indicator.code();
			List<CatalogDescription.DistributionDescription> distributions = new ArrayList<>();
			for (DistributionFormat format : DISTRIBUTIONS) {
				String code = parameter(format);
				String url = api + "/stats/indicators/" + id + "/data?format=" + code;
				distributions.add(new CatalogDescription.DistributionDescription(site + "/datasets/" + id + "/" + code,
						both(indicator.name() + " (" + code + ")",
								indicator.nameEn() == null ? null : indicator.nameEn() + " (" + code + ")"),
						format, url, url));
			}
			LocalizedText title = both(indicator.name(), indicator.nameEn());
			LocalizedText description = indicator.definition() == null || indicator.definition().isBlank() ? title
					: both(indicator.definition(), indicator.definitionEn());
			datasets.add(new CatalogDescription.DatasetDescription(site + "/datasets/" + id, id, title, description,
					List.of(DataTheme.REGI, DataTheme.SOCI),
					Map.of("nl", List.of(indicator.theme(), "Stad in cijfers"), "en",
							List.of(indicator.themeEn() == null ? indicator.theme() : indicator.themeEn(),
									"City in figures")),
					contact, null, null,
					scope.nisCode() == null ? null : "http://vocab.belgif.be/auth/refnis2019/" + scope.nisCode(),
					LocalDate.now(), site + "/indicator/" + id, distributions));
		}
		for (Datasets.Dataset table : tables.list(scope, false)) {
			List<CatalogDescription.DistributionDescription> distributions = new ArrayList<>();
			for (DistributionFormat format : DISTRIBUTIONS) {
				String code = parameter(format);
				String url = api + "/datasets/" + table.id() + "?format=" + code;
				distributions
					.add(new CatalogDescription.DistributionDescription(site + "/tabellen/" + table.id() + "/" + code,
							LocalizedText.of(table.title() + " (" + code + ")", table.title() + " (" + code + ")"),
							format, url, url));
			}
			String title = table.title() == null || table.title().isBlank() ? table.id() : table.title();
			String description = table.source() == null || table.source().isBlank() ? title
					: title + " (" + table.source() + ")";
			datasets.add(new CatalogDescription.DatasetDescription(site + "/tabellen/" + table.id(), table.id(),
					LocalizedText.of(title, title), LocalizedText.of(description, description), List.of(DataTheme.REGI),
					Map.of("nl", List.of("Stad in cijfers", "tabel"), "en", List.of("City in figures", "table")),
					contact, null, null,
					scope.nisCode() == null ? null : "http://vocab.belgif.be/auth/refnis2019/" + scope.nisCode(),
					table.importedAt() == null ? LocalDate.now() : table.importedAt().toLocalDate(), null,
					distributions));
		}
		if (scope.isPlatform()) {
			contributions.forEach(contribution -> datasets.addAll(contribution.platformDatasets(origin)));
		}
		return new CatalogDescription(site + "/catalogus",
				LocalizedText.of("Open data van " + name, "Open data of " + name),
				LocalizedText.of("Stad in cijfers: indicatoren per gebied en periode als open data.",
						"City in figures: indicators per area and period as open data."),
				publisher, site, List.of("nl", "en"), LocalDate.now(), null, datasets,
				new CatalogDescription.DataServiceDescription(api,
						LocalizedText.of("OBMi open-data-API", "OBMi open data API"),
						LocalizedText.of("Alle gepubliceerde indicatoren in JSON-stat, SDMX-CSV, PX, CSV en XLSX.",
								"All published indicators in JSON-stat, SDMX-CSV, PX, CSV and XLSX."),
						api, origin + "/api/docs"));
	}

}
