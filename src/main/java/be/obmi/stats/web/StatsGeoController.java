package be.obmi.stats.web;

import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GeoJSON of a city's areas for the choropleth: its wijken (from
 * {@code reference/stats/wijken.geojson}; coordinates rounded to 4 decimals) and, when
 * the city supplied them, its statistical sectors ({@link AreaShapes}). Public, like the
 * maps that use it; an empty collection when there are no polygons.
 */
@RestController
class StatsGeoController {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final StatsAccess access;

	private final AreaShapes shapes;

	StatsGeoController(StatsAccess access, AreaShapes shapes) {
		this.access = access;
		this.shapes = shapes;
	}

	@GetMapping(path = "/api/v1/{scope}/stats/geo/wijken", produces = "application/geo+json")
	ResponseEntity<String> wijken(@PathVariable("scope") String slug) {
		Scope scope = access.scope(slug);
		return answer(shapes.wijken(scope.nisCode()), Duration.ofHours(1));
	}

	/**
	 * A city's own sector polygons, re-read when the file changes (so cached briefly).
	 */
	@GetMapping(path = "/api/v1/{scope}/stats/geo/statsec", produces = "application/geo+json")
	ResponseEntity<String> sectors(@PathVariable("scope") String slug) {
		Scope scope = access.scope(slug);
		return answer(shapes.sectors(scope.nisCode()), Duration.ofMinutes(5));
	}

	private static ResponseEntity<String> answer(Optional<String> geo, Duration maxAge) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(maxAge).cachePublic())
			.contentType(GEO_JSON)
			.body(geo.orElse(AreaShapes.EMPTY));
	}

}
