/**
 * Knowledge bank and portal of the Kenniscentrum Vlaamse Steden: collections of cases
 * with their own field templates, news, calendar, newsletter, half-yearly rounds of the
 * cities' housing-policy instruments and one search over everything.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "stats", "opendata", "notification", "tenancy", "identity", "audit", "shared" })
package be.obmi.knowledge;
