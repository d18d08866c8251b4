package be.obmi.shared;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON geometries (RFC 7946: WGS84, longitude first) as JTS geometries, for the
 * modules that place things on the platform's areas without PostGIS (statistics maps,
 * PIRK, register extracts). Reads {@code Point}, {@code MultiPoint}, {@code Polygon} and
 * {@code MultiPolygon}; an open ring is closed.
 */
public final class GeoJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private GeoJson() {
	}

	/** The geometry of a GeoJSON geometry object's text. */
	public static Geometry read(String geometry) {
		return read(JSON.readTree(geometry));
	}

	/**
	 * The geometry of a GeoJSON geometry object.
	 * @throws IllegalArgumentException for another type or malformed coordinates
	 */
	public static Geometry read(JsonNode geometry) {
		String type = geometry.path("type").asString("");
		JsonNode coordinates = geometry.path("coordinates");
		try {
			return switch (type) {
				case "Point" -> GEOMETRY.createPoint(coordinate(coordinates));
				case "MultiPoint" -> {
					Coordinate[] points = new Coordinate[coordinates.size()];
					for (int i = 0; i < points.length; i++) {
						points[i] = coordinate(coordinates.get(i));
					}
					yield GEOMETRY.createMultiPointFromCoords(points);
				}
				case "Polygon" -> polygon(coordinates);
				case "MultiPolygon" -> {
					List<Polygon> polygons = new ArrayList<>();
					coordinates.forEach(polygon -> polygons.add(polygon(polygon)));
					yield GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
				}
				default -> throw new IllegalArgumentException("GeoJSON type not supported: " + type);
			};
		}
		catch (RuntimeException ex) {
			if (ex instanceof IllegalArgumentException) {
				throw ex;
			}
			throw new IllegalArgumentException("Malformed GeoJSON coordinates", ex);
		}
	}

	/**
	 * A point as a GeoJSON geometry object's text, coordinates rounded to 7 decimals (1
	 * cm).
	 */
	public static String point(double longitude, double latitude) {
		return "{\"type\":\"Point\",\"coordinates\":[" + round(longitude) + "," + round(latitude) + "]}";
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1e7) / 1e7;
	}

	private static Coordinate coordinate(JsonNode position) {
		if (position == null || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
			throw new IllegalArgumentException("A position needs two numbers");
		}
		return new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
	}

	private static Polygon polygon(JsonNode rings) {
		LinearRing shell = ring(rings.get(0));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i));
		}
		return GEOMETRY.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode positions) {
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < positions.size(); i++) {
			coordinates[i] = coordinate(positions.get(i));
		}
		if (coordinates.length > 0 && !coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
			Coordinate[] closed = new Coordinate[coordinates.length + 1];
			System.arraycopy(coordinates, 0, closed, 0, coordinates.length);
			closed[coordinates.length] = coordinates[0];
			coordinates = closed;
		}
		return GEOMETRY.createLinearRing(coordinates);
	}

}
