package be.obmi.stats;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import be.obmi.opendata.Cube;
import be.obmi.opendata.CubeWriter;
import be.obmi.opendata.OpenDataFormats;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The datasets of a scope (tables imported as PX, JSON-stat or SDMX-CSV through the stats import), public to read:
 * the list with their dimensions, and one dataset in any open data format.
 */
@RestController
@Tag(name = "Open data", description = "Indicatoren in de formaten van het vak")
class StatsDatasetController {

	private final StatsAccess access;

	private final Datasets datasets;

	private final OpenDataFormats formats;

	StatsDatasetController(StatsAccess access, Datasets datasets, OpenDataFormats formats) {
		this.access = access;
		this.datasets = datasets;
		this.formats = formats;
	}

	@Operation(summary = "De datasets van een scope (geïmporteerde PX-, JSON-stat- en SDMX-CSV-tabellen) met hun dimensies (publiek)")
	@GetMapping("/api/v1/{scope}/datasets")
	List<Datasets.Dataset> list(@PathVariable("scope") String slug) {
		return datasets.list(access.scope(slug));
	}

	@Operation(summary = "Eén dataset als JSON-stat 2.0, SDMX-CSV 2.0, PX, CSV of XLSX (publiek)")
	@GetMapping("/api/v1/{scope}/datasets/{id}")
	void data(@PathVariable("scope") String slug, @PathVariable String id,
			@Parameter(description = "jsonstat, sdmx-csv, px, csv of xlsx") @RequestParam(defaultValue = "jsonstat") String format,
			@RequestParam(defaultValue = "nl") String lang, HttpServletResponse response) throws IOException {
		Scope scope = access.scope(slug);
		CubeWriter writer;
		try {
			writer = formats.writer(format, "en".equals(lang) ? "en" : "nl");
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Onbekend formaat " + format);
		}
		Cube cube = datasets.cube(scope, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekende dataset " + id));
		response.setContentType(writer.mediaType());
		response.setHeader("Content-Disposition", "attachment; filename=\"" + cube.id() + "." + writer.fileExtension() + "\"");
		response.setHeader("Cache-Control", CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic().getHeaderValue());
		writer.write(cube, response.getOutputStream());
	}

}
