package be.obmi.pirk.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import be.obmi.shared.GeoJson;
import be.obmi.tenancy.Tenant;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Matches a register entry to one of the city's objects: by identifier (building unit,
 * building, address id, CaPaKey), then by normalised address ({@code pirk.address_key}),
 * then by location (the point lies in the object's polygon, the smallest that contains
 * it; else the nearest object within {@code obmi.pirk.match.distance-metres}). A step
 * that finds more than one object does not match; the next step is tried. What no step
 * matches waits in the work queue.
 */
@Component
public class EntryMatcher {

	/** Why an entry waits in the queue: nothing matched it. */
	public static final String NO_MATCH = "pirk.queue.reason.noMatch";

	/** Why an entry waits in the queue: a step found several objects. */
	public static final String AMBIGUOUS = "pirk.queue.reason.ambiguous";

	/**
	 * Why an entry waits in the queue: it has no identifier, full address or location.
	 */
	public static final String NOTHING_TO_MATCH = "pirk.queue.reason.nothing";

	private static final double METRES_PER_DEGREE = 111_320;

	private final JdbcClient jdbc;

	private final double distance;

	EntryMatcher(JdbcClient jdbc, @Value("${obmi.pirk.match.distance-metres:15}") double distance) {
		this.jdbc = jdbc;
		this.distance = distance;
	}

	/**
	 * The outcome of matching.
	 *
	 * @param objectId null when not matched
	 * @param queueReason null when matched
	 */
	public record Match(Long objectId, MatchMethod method, int quality, String queueReason) {

		static Match of(long objectId, MatchMethod method) {
			return new Match(objectId, method, method.quality(), null);
		}

		static Match queued(String reason) {
			return new Match(null, MatchMethod.NONE, 0, reason);
		}

	}

	private record Candidate(long id, String kind, String geometry, Double longitude, Double latitude) {
	}

	public Match match(Tenant tenant, EntryContent entry) {
		boolean ambiguous = false;
		boolean anything = false;
		String[][] identifiers = { { entry.buildingUnitId(), "building_unit_id", MatchMethod.BUILDING_UNIT.name() },
				{ entry.buildingId(), "building_id", MatchMethod.BUILDING.name() },
				{ entry.addressId(), "address_id", MatchMethod.ADDRESS_ID.name() },
				{ entry.capakey(), "capakey", MatchMethod.CAPAKEY.name() } };
		for (String[] identifier : identifiers) {
			if (identifier[0] == null) {
				continue;
			}
			anything = true;
			List<Candidate> found = candidates("o." + identifier[1] + " = ?", identifier[0], tenant);
			MatchMethod method = MatchMethod.valueOf(identifier[2]);
			if (method == MatchMethod.BUILDING && found.size() > 1) {
				found = found.stream().filter(c -> c.kind().equals("BUILDING")).toList();
			}
			if (found.size() == 1) {
				return Match.of(found.getFirst().id(), method);
			}
			ambiguous |= found.size() > 1;
		}
		RealEstate.Address address = entry.address();
		if (address.street() != null && address.houseNumber() != null && address.postcode() != null) {
			anything = true;
			List<Candidate> found = jdbc.sql("select id, kind, null as geometry, longitude, latitude "
					+ "from pirk.real_estate o where o.tenant_id = ? and pirk.address_key(o.street, o.house_number, "
					+ "o.box_number, o.postcode) = pirk.address_key(?, ?, ?, ?) limit 5")
				.params(tenant.id(), address.street(), address.houseNumber(), address.box(), address.postcode())
				.query(Candidate.class)
				.list();
			if (found.size() == 1) {
				return Match.of(found.getFirst().id(), MatchMethod.ADDRESS);
			}
			ambiguous |= found.size() > 1;
		}
		if (entry.located()) {
			anything = true;
			Match located = byLocation(tenant, entry.longitude(), entry.latitude());
			if (located != null) {
				return located;
			}
		}
		return Match.queued(!anything ? NOTHING_TO_MATCH : ambiguous ? AMBIGUOUS : NO_MATCH);
	}

	private List<Candidate> candidates(String condition, String value, Tenant tenant) {
		return jdbc
			.sql("select id, kind, null as geometry, longitude, latitude from pirk.real_estate o "
					+ "where o.tenant_id = ? and " + condition + " limit 5")
			.params(tenant.id(), value)
			.query(Candidate.class)
			.list();
	}

	private Match byLocation(Tenant tenant, double longitude, double latitude) {
		double dy = distance / METRES_PER_DEGREE;
		double dx = dy / Math.cos(Math.toRadians(latitude));
		List<Candidate> near = jdbc
			.sql("select id, kind, geometry::text as geometry, longitude, latitude from pirk.real_estate o "
					+ "where o.tenant_id = ? and o.bbox && box(point(?, ?), point(?, ?)) limit 200")
			.params(tenant.id(), longitude - dx, latitude - dy, longitude + dx, latitude + dy)
			.query(Candidate.class)
			.list();
		Point point = GeoJson.read(GeoJson.point(longitude, latitude)).getInteriorPoint();
		record Shape(long id, Geometry geometry) {
		}
		Optional<Shape> smallestContaining = near.stream()
			.filter(c -> c.geometry() != null)
			.map(c -> new Shape(c.id(), GeoJson.read(c.geometry())))
			.filter(s -> s.geometry().getDimension() == 2 && s.geometry().covers(point))
			.min(Comparator.comparingDouble(s -> s.geometry().getArea()));
		if (smallestContaining.isPresent()) {
			return Match.of(smallestContaining.get().id(), MatchMethod.POLYGON);
		}
		List<Candidate> points = near.stream()
			.filter(c -> c.longitude() != null)
			.filter(c -> metres(c, longitude, latitude) <= distance)
			.sorted(Comparator.comparingDouble(c -> metres(c, longitude, latitude)))
			.toList();
		if (points.isEmpty()) {
			return null;
		}
		double nearest = metres(points.getFirst(), longitude, latitude);
		if (points.size() > 1 && metres(points.get(1), longitude, latitude) - nearest < 1) {
			return null;
		}
		int quality = (int) Math.round(MatchMethod.DISTANCE.quality() - 10 * nearest / Math.max(distance, 1));
		return new Match(points.getFirst().id(), MatchMethod.DISTANCE, quality, null);
	}

	/** The distance in metres (equirectangular; exact enough over a few dozen metres). */
	static double metres(Candidate candidate, double longitude, double latitude) {
		double x = (candidate.longitude() - longitude) * Math.cos(Math.toRadians(latitude)) * METRES_PER_DEGREE;
		double y = (candidate.latitude() - latitude) * METRES_PER_DEGREE;
		return Math.sqrt(x * x + y * y);
	}

}
