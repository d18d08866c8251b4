/**
 * Stad in cijfers: areas, the indicator catalogue, observations with their imports (long
 * CSV/XLSX and the Swing upload format), aggregation, disclosure control, the public
 * statistics site and its read API.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "tenancy", "identity", "audit", "opendata", "shared" })
package be.obmi.stats;
