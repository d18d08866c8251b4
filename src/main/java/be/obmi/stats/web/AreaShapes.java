package be.obmi.stats.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The polygons of the maps, as GeoJSON per city (keyed by its NIS code). The wijken come
 * with the reference data ({@code reference/stats/wijken.geojson}, 13 centrumsteden).
 * There are no statistical-sector polygons in the reference data: a city supplies its own
 * as {@code statsec-<nis>.geojson} in the folder {@code obmi.stats.map.geo-dir} (WGS84,
 * one feature per sector with its code in the property {@code code} or Statbel's
 * {@code CD_SECTOR}); it is read when present and again when the file changes, so the
 * sector map appears without a restart.
 */
@Component
class AreaShapes {

	static final String EMPTY = "{\"type\":\"FeatureCollection\",\"features\":[]}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> wijken = new HashMap<>();

	private final Path geoDir;

	private final Map<String, Loaded> sectors = new ConcurrentHashMap<>();

	AreaShapes(@Value("${obmi.stats.map.geo-dir:data/geo}") Path geoDir) {
		this.geoDir = geoDir;
		try (InputStream in = new ClassPathResource("reference/stats/wijken.geojson").getInputStream()) {
			Map<String, ArrayNode> features = new HashMap<>();
			for (JsonNode feature : JSON.readTree(in).get("features")) {
				String nis = feature.get("properties").get("code").asString().substring(0, 5);
				features.computeIfAbsent(nis, k -> JSON.createArrayNode()).add(feature);
			}
			features.forEach((nis, list) -> wijken.put(nis, collection(list)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The wijken of a city; empty when the reference data has none. */
	Optional<String> wijken(String nis) {
		return Optional.ofNullable(nis == null ? null : wijken.get(nis));
	}

	/**
	 * The statistical sectors of a city from its {@code statsec-<nis>.geojson}; empty
	 * when the city supplied none (or it holds no sector of the city).
	 */
	Optional<String> sectors(String nis) {
		if (nis == null || !nis.matches("\\d{5}")) {
			return Optional.empty();
		}
		Path file = sectorFile(nis);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			FileTime modified = Files.getLastModifiedTime(file);
			Loaded loaded = sectors.get(nis);
			if (loaded == null || !loaded.modified().equals(modified)) {
				loaded = new Loaded(modified, readSectors(file, nis));
				sectors.put(nis, loaded);
			}
			return Optional.ofNullable(loaded.geo());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where a city's sector polygons are looked for. */
	private Path sectorFile(String nis) {
		return geoDir.resolve(sectorFileName(nis));
	}

	/** The name of a city's sector polygon file: {@code statsec-<nis>.geojson}. */
	static String sectorFileName(String nis) {
		return "statsec-" + nis + ".geojson";
	}

	/**
	 * The city's sectors of the file, each with its code in {@code code} (from
	 * {@code code}, {@code CD_SECTOR} or {@code cd_sector}) and its name in {@code naam}
	 * (from {@code naam}, {@code T_SEC_NL} or the code); null when none is the city's.
	 */
	private static String readSectors(Path file, String nis) throws IOException {
		ArrayNode kept = JSON.createArrayNode();
		try (InputStream in = Files.newInputStream(file)) {
			JsonNode features = JSON.readTree(in).path("features");
			for (JsonNode feature : features) {
				JsonNode properties = feature.path("properties");
				String code = first(properties, "code", "CD_SECTOR", "cd_sector");
				if (code == null || !code.startsWith(nis) || !(feature instanceof ObjectNode copy)) {
					continue;
				}
				ObjectNode named = JSON.createObjectNode();
				named.put("code", code);
				String name = first(properties, "naam", "T_SEC_NL", "t_sec_nl");
				named.put("naam", name == null ? code : name);
				copy.set("properties", named);
				kept.add(copy);
			}
		}
		return kept.isEmpty() ? null : collection(kept);
	}

	private static String first(JsonNode properties, String... names) {
		for (String name : names) {
			JsonNode value = properties.get(name);
			if (value != null && value.isString() && !value.asString().isBlank()) {
				return value.asString().strip();
			}
		}
		return null;
	}

	private static String collection(ArrayNode features) {
		ObjectNode collection = JSON.createObjectNode();
		collection.put("type", "FeatureCollection");
		collection.set("features", features);
		return JSON.writeValueAsString(collection);
	}

	private record Loaded(FileTime modified, String geo) {
	}

}
