package be.obmi.pirk.domain;

/**
 * What is known of a new object before it is stored; the areas and the bounding box are
 * derived when it is stored.
 *
 * @param geometry GeoJSON geometry in WGS84 (Point, Polygon or MultiPolygon), may be null
 * when only an address is known
 */
public record RealEstateDraft(RealEstateKind kind, Long parentId, String addressId, String buildingId,
		String buildingUnitId, String capakey, RealEstate.Address address, String function, String geometry,
		boolean demo) {

}
