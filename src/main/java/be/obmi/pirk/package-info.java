/**
 * PIRK (Potentiële Inzetbare Ruimte in Kaart): one inventory of a city's vacant and
 * under-used buildings, building units, parcels and sites across the registers, with
 * suspicion lists, the leegstandsregister workflow, owner mobilisation, a map, and
 * aggregates for the public through Stad in cijfers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "stats", "knowledge", "privacy", "notification",
		"opendata", "tenancy", "identity", "audit", "shared" })
package be.obmi.pirk;
