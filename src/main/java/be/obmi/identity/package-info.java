/**
 * Identity: local accounts, roles per tenant, login with lockout, personal API tokens,
 * the security rules of every route, and a tenant's administration pages (users, audit
 * history).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "tenancy", "audit", "shared" })
package be.obmi.identity;
