/**
 * Finance: estimate and realisation per plan item from the cities' BBC exports, versioned
 * per reporting moment, rolled up along the plan, for the item pages, the dashboard and
 * the council report.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "plan", "tenancy", "identity", "audit", "shared" })
package be.obmi.finance;
