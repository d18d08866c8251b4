/**
 * Rechtenverkenner: a city's social rights (and the shared Flemish and federal ones) as a
 * catalogue with dated, explainable eligibility rules and example households, a
 * questionnaire for citizens and social workers, and aggregate non-take-up figures per
 * area.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "stats", "privacy", "notification", "opendata",
		"tenancy", "identity", "audit", "shared" })
package be.obmi.rights;
