/**
 * Audit history: who created, changed or deleted which domain data, when, with old and
 * new values; every module records its changes through {@link be.obmi.audit.AuditTrail}
 * in the same transaction as the change.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package be.obmi.audit;
