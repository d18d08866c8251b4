package be.obmi.stats.web;

import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import java.time.Duration;

/**
 * GeoJSON of a city's wijken for the choropleth (from
 * {@code reference/stats/wijken.geojson}; coordinates rounded to 4 decimals). Public,
 * like the maps that use it.
 */
@RestController
class StatsGeoController {

	private final StatsAccess access;

	private final Map<String, String> byCity = new HashMap<>();

	StatsGeoController(StatsAccess access) {
		this.access = access;
		JsonMapper json = JsonMapper.builder().build();
		try (InputStream in = new ClassPathResource("reference/stats/wijken.geojson").getInputStream()) {
			JsonNode root = json.readTree(in);
			Map<String, ArrayNode> features = new HashMap<>();
			for (JsonNode feature : root.get("features")) {
				String nis = feature.get("properties").get("code").asString().substring(0, 5);
				features.computeIfAbsent(nis, k -> json.createArrayNode()).add(feature);
			}
			features.forEach((nis, list) -> {
				ObjectNode collection = json.createObjectNode();
				collection.put("type", "FeatureCollection");
				collection.set("features", list);
				byCity.put(nis, json.writeValueAsString(collection));
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping(path = "/api/v1/{scope}/stats/geo/wijken", produces = "application/geo+json")
	ResponseEntity<String> wijken(@PathVariable("scope") String slug) {
		Scope scope = access.scope(slug);
		String geo = scope.nisCode() == null ? null : byCity.get(scope.nisCode());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.contentType(MediaType.parseMediaType("application/geo+json"))
			.body(geo == null ? "{\"type\":\"FeatureCollection\",\"features\":[]}" : geo);
	}

}
