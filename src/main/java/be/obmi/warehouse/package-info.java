/**
 * Warehouse: one documented star schema joining plan, money and city statistics, derived
 * from the modules' tables (rebuilt in a staging schema and swapped in atomically, kept
 * current between rebuilds by the audit's change events), with read-only roles for BI
 * tools and the impact pages built on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "plan", "stats", "audit", "tenancy", "shared" })
package be.obmi.warehouse;
