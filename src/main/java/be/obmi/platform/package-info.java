/**
 * Platform: the shell every page shares (layout, language switch, htmx partials, error pages), the platform home
 * listing the tenants, the platform admin's pages, and the embedded PostgreSQL for a configuration-free start.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "tenancy", "identity", "shared" })
package be.obmi.platform;
