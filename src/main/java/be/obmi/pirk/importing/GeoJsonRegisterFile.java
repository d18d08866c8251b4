package be.obmi.pirk.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.shared.Lambert72;
import be.obmi.pirk.domain.EntryContent;
import be.obmi.shared.GeoJson;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A register extract as a GeoJSON FeatureCollection: a feature per entry, its properties
 * named as the CSV's columns, its geometry a Point, Polygon or MultiPolygon (or null when
 * only identifiers or an address are known). Coordinates are WGS84 (RFC 7946) unless the
 * collection has the member {@code "crs": {"type": "name", "properties": {"name":
 * "EPSG:31370"}}} (also {@code urn:ogc:def:crs:EPSG::31370}): then Lambert 72. Errors
 * name the feature by its row: the first feature is row 2, as in a table with a header.
 */
final class GeoJsonRegisterFile {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GeoJsonRegisterFile() {
	}

	static RegisterFile.Parsed parse(byte[] bytes) {
		JsonNode root;
		try {
			root = JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw ImportRejectedException.of("import.pirk.geojson");
		}
		if (!"FeatureCollection".equals(root.path("type").asString("")) || !root.path("features").isArray()) {
			throw ImportRejectedException.of("import.pirk.featureCollection");
		}
		String crsName = root.path("crs").path("properties").path("name").asString("");
		boolean lambert = crsName.endsWith("31370");
		if (!crsName.isEmpty() && !lambert && !crsName.endsWith("4326") && !crsName.endsWith("CRS84")) {
			throw ImportRejectedException.of("import.pirk.crs", crsName);
		}
		Lambert72 projection = lambert ? new Lambert72() : null;
		List<ImportError> errors = new ArrayList<>();
		List<EntryContent> entries = new ArrayList<>();
		Map<String, Integer> keys = new HashMap<>();
		int row = 1;
		for (JsonNode feature : root.path("features")) {
			row++;
			JsonNode properties = feature.path("properties");
			RegisterFile.Cells cells = column -> value(properties, column);
			JsonNode geometry = feature.path("geometry");
			if (geometry.isMissingNode() || geometry.isNull()) {
				RegisterFile.add(RegisterFile.entry(row, cells, null, null, errors, null), cells.get("id"), row, keys,
						entries, errors);
				continue;
			}
			Geometry shape;
			try {
				shape = GeoJson.read(geometry);
			}
			catch (IllegalArgumentException ex) {
				errors.add(new ImportError(row, "geometry", "import.pirk.geometry"));
				continue;
			}
			if (projection != null) {
				if (!plausible(shape)) {
					errors.add(new ImportError(row, "geometry", "import.pirk.lambertOutside", shape.getCoordinate().x,
							shape.getCoordinate().y));
					continue;
				}
				shape = toWgs84(shape, projection);
			}
			Point point = shape.getDimension() == 0 ? shape.getCentroid() : shape.getInteriorPoint();
			double[] at = RegisterFile.checked(row, "geometry", new double[] { point.getX(), point.getY() }, errors);
			if (at == null) {
				continue;
			}
			String polygon = shape instanceof Polygon || shape instanceof MultiPolygon ? write(shape) : null;
			RegisterFile.add(RegisterFile.entry(row, cells, null, at, errors, polygon), cells.get("id"), row, keys,
					entries, errors);
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		if (entries.isEmpty()) {
			throw ImportRejectedException.at(2, "", "import.pirk.noRows");
		}
		return new RegisterFile.Parsed("geojson", lambert ? RegisterFile.LAMBERT72 : RegisterFile.WGS84, entries);
	}

	private static String value(JsonNode properties, String column) {
		JsonNode value = properties.get(column);
		if (value == null) {
			for (var entry : properties.properties()) {
				if (entry.getKey().toLowerCase(Locale.ROOT).equals(column)) {
					value = entry.getValue();
				}
			}
		}
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		return value.isNumber() ? value.numberValue().toString() : value.asString();
	}

	private static boolean plausible(Geometry shape) {
		for (Coordinate c : shape.getCoordinates()) {
			if (!Lambert72.plausible(c.x, c.y)) {
				return false;
			}
		}
		return true;
	}

	private static Geometry toWgs84(Geometry shape, Lambert72 projection) {
		Geometry copy = shape.copy();
		copy.apply((CoordinateFilter) c -> {
			double[] wgs84 = projection.toWgs84(c.x, c.y);
			c.x = wgs84[0];
			c.y = wgs84[1];
		});
		copy.geometryChanged();
		return copy;
	}

	/** A Polygon or MultiPolygon as GeoJSON text, coordinates to 7 decimals. */
	static String write(Geometry shape) {
		StringBuilder json = new StringBuilder();
		if (shape instanceof Polygon polygon) {
			json.append("{\"type\":\"Polygon\",\"coordinates\":");
			rings(json, polygon);
		}
		else {
			json.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			for (int i = 0; i < shape.getNumGeometries(); i++) {
				json.append(i == 0 ? "" : ",");
				rings(json, (Polygon) shape.getGeometryN(i));
			}
			json.append(']');
		}
		return json.append('}').toString();
	}

	private static void rings(StringBuilder json, Polygon polygon) {
		json.append('[');
		for (int r = 0; r <= polygon.getNumInteriorRing(); r++) {
			Coordinate[] ring = (r == 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1)).getCoordinates();
			json.append(r == 0 ? "[" : ",[");
			for (int i = 0; i < ring.length; i++) {
				json.append(i == 0 ? "" : ",")
					.append('[')
					.append(RegisterFile.round(ring[i].x))
					.append(',')
					.append(RegisterFile.round(ring[i].y))
					.append(']');
			}
			json.append(']');
		}
		json.append(']');
	}

}
