/**
 * Beleidsopvolging (ORBA): the multi-year plan with its goals, action plans and actions,
 * indicators, releases, status rounds, dashboards, the public progress page and the
 * council follow-up report.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "stats", "tenancy", "identity", "audit", "shared" })
package be.obmi.plan;
