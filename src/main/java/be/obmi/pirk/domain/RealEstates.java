package be.obmi.pirk.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.GeoJson;
import be.obmi.stats.AreaLocator;
import be.obmi.tenancy.Tenant;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The objects of a city's PIRK inventory: stored with their bounding box, representative
 * point and the statistical sector and wijk that contain that point
 * ({@link AreaLocator}).
 */
@Service
public class RealEstates {

	static final String COLUMNS = """
			id, tenant_id, kind, parent_id, address_id, building_id, building_unit_id, capakey, street, house_number,
			box_number, postcode, municipality, function, geometry::text as geometry, longitude, latitude, sector_code,
			wijk_code, vacancy_class, vacant_since, suspicion_score, demo, created_at, updated_at, version""";

	private final JdbcClient jdbc;

	private final AreaLocator areas;

	private final AuditTrail audit;

	RealEstates(JdbcClient jdbc, AreaLocator areas, AuditTrail audit) {
		this.jdbc = jdbc;
		this.areas = areas;
		this.audit = audit;
	}

	/**
	 * Stores a new object of the tenant, with its areas derived from its geometry.
	 * @throws IllegalArgumentException when the geometry is no valid GeoJSON geometry
	 */
	@Transactional
	public RealEstate create(Tenant tenant, RealEstateDraft draft) {
		Placement placement = place(tenant, draft.geometry());
		RealEstate.Address address = draft.address() == null ? new RealEstate.Address(null, null, null, null, null)
				: draft.address();
		long id = jdbc.sql("""
				insert into pirk.real_estate (tenant_id, kind, parent_id, address_id, building_id, building_unit_id,
				    capakey, street, house_number, box_number, postcode, municipality, function, geometry, bbox,
				    longitude, latitude, sector_code, wijk_code, demo)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as box), ?, ?, ?, ?, ?)
				returning id""")
			.params(tenant.id(), draft.kind().name(), draft.parentId(), draft.addressId(), draft.buildingId(),
					draft.buildingUnitId(), draft.capakey(), address.street(), address.houseNumber(), address.box(),
					address.postcode(), address.municipality(),
					draft.function() == null ? "ONBEKEND" : draft.function(), draft.geometry(), placement.box(),
					placement.longitude(), placement.latitude(), placement.location().sectorCode(),
					placement.location().wijkCode(), draft.demo())
			.query(Long.class)
			.single();
		RealEstate created = find(tenant, id).orElseThrow();
		audit.created(tenant.id(), "pirk-object", String.valueOf(id), label(created),
				List.of(FieldChange.between("soort", null, draft.kind().name()),
						FieldChange.between("adres", null, address.line())));
		return created;
	}

	/** The tenant's object with that id; empty for another tenant's. */
	public Optional<RealEstate> find(Tenant tenant, long id) {
		return jdbc.sql("select " + COLUMNS + " from pirk.real_estate where tenant_id = ? and id = ?")
			.params(tenant.id(), id)
			.query(RealEstates::row)
			.optional();
	}

	/**
	 * Where a geometry lies: its bounding box, representative point (an interior point,
	 * so a concave parcel's point is on the parcel) and the areas of that point.
	 */
	public Placement place(Tenant tenant, String geometry) {
		if (geometry == null || geometry.isBlank()) {
			return new Placement(null, null, null, AreaLocator.Location.NOWHERE);
		}
		Geometry shape = GeoJson.read(geometry);
		Envelope envelope = shape.getEnvelopeInternal();
		Point point = shape.getDimension() == 0 ? shape.getCentroid() : shape.getInteriorPoint();
		String nis = tenant.statisticsNisCode();
		AreaLocator.Location location = nis == null ? AreaLocator.Location.NOWHERE
				: areas.locate(nis, point.getX(), point.getY());
		String box = "((" + envelope.getMinX() + "," + envelope.getMinY() + "),(" + envelope.getMaxX() + ","
				+ envelope.getMaxY() + "))";
		return new Placement(box, point.getX(), point.getY(), location);
	}

	static String label(RealEstate object) {
		String line = object.address().line();
		return line.isEmpty() ? (object.capakey() != null ? object.capakey() : "object " + object.id()) : line;
	}

	static RealEstate row(ResultSet rs, int n) throws SQLException {
		return new RealEstate(rs.getLong("id"), rs.getLong("tenant_id"), RealEstateKind.valueOf(rs.getString("kind")),
				(Long) rs.getObject("parent_id"), rs.getString("address_id"), rs.getString("building_id"),
				rs.getString("building_unit_id"), rs.getString("capakey"),
				new RealEstate.Address(rs.getString("street"), rs.getString("house_number"), rs.getString("box_number"),
						rs.getString("postcode"), rs.getString("municipality")),
				rs.getString("function"), rs.getString("geometry"), (Double) rs.getObject("longitude"),
				(Double) rs.getObject("latitude"), rs.getString("sector_code"), rs.getString("wijk_code"),
				VacancyClass.valueOf(rs.getString("vacancy_class")), rs.getObject("vacant_since", LocalDate.class),
				rs.getInt("suspicion_score"), rs.getBoolean("demo"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"));
	}

	/**
	 * Where an object lies.
	 *
	 * @param box the bounding box in PostgreSQL's {@code box} notation, null without
	 * geometry
	 */
	public record Placement(String box, Double longitude, Double latitude, AreaLocator.Location location) {

	}

}
