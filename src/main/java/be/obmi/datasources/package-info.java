/**
 * Datapedia: the catalogue of data sources (the platform's Flemish and federal ones and
 * each city's own, public or internal, also as DCAT-AP datasets) and the joint data
 * requests cities send to external suppliers through the Kenniscentrum, whose delivered
 * file is imported as statistics for every city that joined.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "stats", "opendata", "tenancy", "identity", "audit", "shared" })
package be.obmi.datasources;
