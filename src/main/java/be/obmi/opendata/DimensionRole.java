package be.obmi.opendata;

/**
 * What a dimension means, as JSON-stat's {@code role}: time, geography, the measured
 * quantity, or anything else.
 */
public enum DimensionRole {

	TIME, GEO, METRIC, OTHER

}
