package be.obmi.pirk.web;

import be.obmi.pirk.domain.RealEstate;
import be.obmi.tenancy.Tenant;

/**
 * A section of an object's card that another part of PIRK adds (the screening's
 * indications, the owner case): a bean of this type is asked for each card it may show
 * on; the card renders fragment {@code fragment} of template {@code template} with the
 * returned data as {@code section}. So the card needs no change when a section is added.
 */
interface ObjectCardSection {

	/**
	 * The section of this object, or null when it has none for this user.
	 */
	Shown show(Tenant tenant, RealEstate object);

	/**
	 * @param template a template name ({@code pirk/screening-card})
	 * @param fragment the fragment in it ({@code section})
	 * @param data what the fragment reads as {@code section}
	 */
	record Shown(String template, String fragment, Object data) {
	}

}
