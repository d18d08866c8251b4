/**
 * GDPR: the register of processing activities per city with its versions and linked
 * organisations, processor agreements, DPIAs, breaches and data-subject requests, the
 * Kenniscentrum's shared templates, and the public register.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "plan", "stats", "notification", "tenancy", "identity", "audit", "shared" })
package be.obmi.privacy;
