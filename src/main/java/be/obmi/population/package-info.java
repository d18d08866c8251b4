/**
 * Population register microdata: pseudonymised extracts of a city's population register
 * (a snapshot per reference date), placed in statistical sectors, from which indicators
 * are derived and published through Stad in cijfers with disclosure control; no page or
 * API reads a microdata row.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "stats", "privacy", "tenancy", "identity", "audit", "shared" })
package be.obmi.population;
