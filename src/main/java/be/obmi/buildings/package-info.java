/**
 * Schillenboek: the municipal processes in which information about buildings matters, as
 * structured fiches with their ideal data model in OSLO terms, the cities' comparison per
 * process in half-yearly rounds, and the register-gap indicator.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "knowledge", "stats", "opendata", "tenancy", "identity", "audit", "shared" })
package be.obmi.buildings;
