package be.obmi.finance;

import java.util.Set;

import be.obmi.tenancy.Tenant;

/** What finance needs to know of a tenant's current plan: which item codes exist, and which lie under a code. */
interface PlanStructure {

	/** The codes of all items of the tenant's current plan; empty when it has none. */
	Set<String> codes(Tenant tenant);

	/** The code itself and the codes of all items below it; empty when the code is unknown. */
	Set<String> selfAndDescendants(Tenant tenant, String code);

}
