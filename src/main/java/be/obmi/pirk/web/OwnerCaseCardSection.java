package be.obmi.pirk.web;

import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.identity.TenantFunction;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.mobilisation.OwnerCase;
import be.obmi.pirk.mobilisation.OwnerCases;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Component;

/**
 * The mobilisation's section of an object's card: the status of its owner case only (no
 * owner data); the link to the case and the button that opens one only for members with
 * the function {@link TenantFunction#OWNER_DATA}.
 */
@Component
class OwnerCaseCardSection implements ObjectCardSection {

	/** What the fragment {@code pirk/owners-fragments :: objectCase} shows. */
	record Card(RealEstate object, Optional<OwnerCase> ownerCase, boolean ownerData, boolean canOpen) {
	}

	private final OwnerCases cases;

	private final TenantAccess access;

	OwnerCaseCardSection(OwnerCases cases, TenantAccess access) {
		this.cases = cases;
		this.access = access;
	}

	@Override
	public Shown show(Tenant tenant, RealEstate object) {
		boolean ownerData = access.has(tenant.slug(), TenantFunction.OWNER_DATA);
		return new Shown("pirk/owners-fragments", "objectCase", new Card(object, cases.ofObject(tenant, object.id()),
				ownerData, ownerData && access.has(tenant.slug(), Role.REDACTEUR)));
	}

}
