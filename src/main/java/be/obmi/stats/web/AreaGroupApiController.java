package be.obmi.stats.web;

import be.obmi.stats.domain.AreaGroups;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.importing.ProjectionImport;

import java.io.IOException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The write API of issue 21's area groups and projections: a city's redacteur adjusts its
 * own stadsregio (or drops the adjustment), and imports projections (the platform admin
 * for the platform scope). A refused file is a 422 with every row's reason, as every
 * import of the platform ({@code platform.ApiErrorAdvice}).
 */
@RestController
@Tag(name = "Stad in cijfers")
class AreaGroupApiController {

	private final AreaGroups groups;

	private final ProjectionImport projections;

	private final StatsAccess access;

	AreaGroupApiController(AreaGroups groups, ProjectionImport projections, StatsAccess access) {
		this.groups = groups;
		this.projections = projections;
		this.access = access;
	}

	@Operation(summary = "Adjust the city's own stadsregio from a CSV/XLSX with the columns gemeente (NIS) and zone")
	@PostMapping(path = "/api/v1/{scope}/stats/stadsregio", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Map<String, Object> adjust(@PathVariable("scope") String slug, @RequestParam("file") MultipartFile file)
			throws IOException {
		Scope scope = access.scope(slug);
		access.requireWrite(scope);
		int members = groups.adjustStadsregio(scope, file.getBytes(), access.actor());
		return Map.of("municipalities", members + 1, "adjusted", true);
	}

	@Operation(summary = "Drop the city's adjustment of its stadsregio: the platform's default applies again")
	@PostMapping("/api/v1/{scope}/stats/stadsregio/standaard")
	Map<String, Object> reset(@PathVariable("scope") String slug) {
		Scope scope = access.scope(slug);
		access.requireWrite(scope);
		groups.resetStadsregio(scope);
		return Map.of("adjusted", false);
	}

	@Operation(summary = "Import projections (CSV/XLSX: indicator;gebied;niveau;jaar;waarde;scenario;basisjaar)")
	@PostMapping(path = "/api/v1/{scope}/stats/projections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ProjectionImport.Result importProjections(@PathVariable("scope") String slug,
			@RequestParam("file") MultipartFile file) throws IOException {
		Scope scope = access.scope(slug);
		access.requireWrite(scope);
		return projections.importFile(scope, file.getOriginalFilename(), file.getBytes(), access.actor(), false);
	}

}
