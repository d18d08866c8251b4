package be.obmi.stats.web;

import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.Datasets;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.query.OpenDataResponses;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;

import jakarta.validation.constraints.Max;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The datasets of a scope (tables imported as PX, JSON-stat or SDMX-CSV through the stats
 * import), public to read: the list with their dimensions, and one dataset in any open
 * data format.
 */
@RestController
@Tag(name = "Open data", description = "Indicatoren in de formaten van het vak")
class StatsDatasetController {

	private final StatsAccess access;

	private final Datasets datasets;

	private final OpenDataResponses responses;

	private final MessageSource messages;

	StatsDatasetController(StatsAccess access, Datasets datasets, OpenDataResponses responses, MessageSource messages) {
		this.messages = messages;
		this.access = access;
		this.datasets = datasets;
		this.responses = responses;
	}

	@Operation(
			summary = "De datasets van een scope (geïmporteerde PX-, JSON-stat- en SDMX-CSV-tabellen) met hun dimensies (publiek)")
	@GetMapping("/api/v1/{scope}/datasets")
	List<Datasets.Dataset> list(@PathVariable("scope") String slug) {
		Scope scope = access.scope(slug);
		return datasets.list(scope, access.isMember(scope));
	}

	@Operation(
			summary = "Een dataset publiceren (met de drempel voor geheime cellen; 0 = geen) of depubliceren (redacteur)")
	@PostMapping("/api/v1/{scope}/datasets/{id}/published")
	Map<String, Object> publish(@PathVariable("scope") String slug, @PathVariable String id,
			@RequestParam boolean value, @RequestParam(defaultValue = "5") @Min(0) @Max(100) int threshold) {
		Scope scope = access.scope(slug);
		access.requireWrite(scope);
		if (value) {
			datasets.publish(scope, id, threshold, access.actor());
		}
		else {
			datasets.unpublish(scope, id);
		}
		return Map.of("id", id, "published", value);
	}

	@Operation(summary = "Een dataset verwijderen (redacteur; de historiek blijft)")
	@DeleteMapping("/api/v1/{scope}/datasets/{id}")
	ResponseEntity<Void> delete(@PathVariable("scope") String slug, @PathVariable String id) {
		Scope scope = access.scope(slug);
		access.requireWrite(scope);
		datasets.delete(scope, id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Eén dataset als JSON-stat 2.0, SDMX-CSV 2.0, PX, CSV (met CSVW-metadata) of XLSX (publiek)",
			description = StatsOpenDataController.FORMAT_RULES)
	@ApiResponse(responseCode = "200", description = "de dataset in het gevraagde formaat")
	@ApiResponse(responseCode = "304", description = "niet gewijzigd sinds If-None-Match of If-Modified-Since")
	@ApiResponse(responseCode = "406", description = "geen van de mediatypes in Accept is beschikbaar",
			content = @Content(mediaType = "application/problem+json"))
	@GetMapping("/api/v1/{scope}/datasets/{id}")
	void data(@PathVariable("scope") String slug, @PathVariable String id,
			@Parameter(description = StatsOpenDataController.FORMAT_PARAMETER) @RequestParam(required = false) @Size(
					max = 20) String format,
			@RequestParam(defaultValue = "nl") @Size(max = 5) String lang,
			@Parameter(hidden = true) @RequestHeader(value = "Accept", required = false) String accept,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Scope scope = access.scope(slug);
		OpenDataResponses.ExportFormat chosen;
		try {
			chosen = OpenDataResponses.negotiate(format, accept);
		}
		catch (OpenDataResponses.NotAcceptable ex) {
			OpenDataResponses.notAcceptable(response, ex, messages, RequestContextUtils.getLocale(request));
			return;
		}
		boolean member = access.isMember(scope);
		boolean editor = access.seesConfidential(scope);
		OpenDataResponses.Version version = datasets.version(scope, id, member)
			.orElseThrow(() -> new NotFoundException(Reason.of("stats.refused.datasetUnknown", id)));
		if (responses.notModified(request, response, version,
				request.getRequestURI() + "?" + request.getQueryString() + "|" + chosen.parameter())) {
			return;
		}
		responses.write(request, response, chosen, lang, false, () -> datasets.cube(scope, id, member, editor)
			.orElseThrow(() -> new NotFoundException(Reason.of("stats.refused.datasetUnknown", id))));
	}

}
