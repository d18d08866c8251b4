/**
 * Platform: the shell every page shares (layout, language switch, htmx partials, error
 * pages), the platform home listing the tenants, the platform admin's pages, and the
 * embedded PostgreSQL for a configuration-free start, and the cache of anonymous public
 * responses, emptied per tenant on every data change.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "tenancy", "identity", "audit", "shared" })
package be.obmi.platform;
