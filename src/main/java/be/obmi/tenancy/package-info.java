/**
 * Tenancy: the cities (and the VGC) hosted on the platform, how a request finds its
 * tenant, and the list of Flemish and Brussels municipalities a platform admin can add as
 * a tenant.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "shared" })
package be.obmi.tenancy;
