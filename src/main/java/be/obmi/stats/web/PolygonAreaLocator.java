package be.obmi.stats.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import be.obmi.shared.GeoJson;
import be.obmi.stats.AreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@link AreaLocator} on the polygons of {@link AreaShapes}, with JTS: per city and level
 * an STR-tree of prepared polygons, built on first use and again when the city's sector
 * file changes (the shapes are compared by identity of their GeoJSON text, which
 * {@link AreaShapes} keeps until the file changes). In this package because the shapes
 * are; it has no web code.
 */
@Component
class PolygonAreaLocator implements AreaLocator {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private final AreaShapes shapes;

	private final Map<String, Index> indexes = new ConcurrentHashMap<>();

	PolygonAreaLocator(AreaShapes shapes) {
		this.shapes = shapes;
	}

	@Override
	public Location locate(String nis, double longitude, double latitude) {
		Point point = GEOMETRY.createPoint(new Coordinate(longitude, latitude));
		return new Location(find(index(nis, "statsec"), point), find(index(nis, "wijk"), point));
	}

	@Override
	public Optional<String> geometry(String nis, String level, String code) {
		Optional<String> geo = "wijk".equals(level) ? shapes.wijken(nis) : shapes.sectors(nis);
		return geo.flatMap(text -> {
			for (JsonNode feature : JSON.readTree(text).path("features")) {
				if (code.equals(feature.path("properties").path("code").asString(null))) {
					return Optional.of(JSON.writeValueAsString(feature.get("geometry")));
				}
			}
			return Optional.empty();
		});
	}

	private static String find(Index index, Point point) {
		if (index == null) {
			return null;
		}
		for (Object candidate : index.tree().query(point.getEnvelopeInternal())) {
			Area area = (Area) candidate;
			if (area.shape().covers(point)) {
				return area.code();
			}
		}
		return null;
	}

	private Index index(String nis, String level) {
		Optional<String> geo = "wijk".equals(level) ? shapes.wijken(nis) : shapes.sectors(nis);
		if (geo.isEmpty()) {
			return null;
		}
		String text = geo.get();
		Index index = indexes.get(nis + "/" + level);
		if (index == null || index.source() != text) {
			index = build(text);
			indexes.put(nis + "/" + level, index);
		}
		return index;
	}

	private static Index build(String geoJson) {
		STRtree tree = new STRtree();
		for (JsonNode feature : JSON.readTree(geoJson).path("features")) {
			String code = feature.path("properties").path("code").asString(null);
			Geometry shape = shape(feature.path("geometry"));
			if (code != null && shape != null) {
				tree.insert(shape.getEnvelopeInternal(), new Area(code, PreparedGeometryFactory.prepare(shape)));
			}
		}
		tree.build();
		return new Index(geoJson, tree);
	}

	private static Geometry shape(JsonNode geometry) {
		try {
			return GeoJson.read(geometry);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private record Area(String code, PreparedGeometry shape) {
	}

	private record Index(String source, STRtree tree) {
	}

}
