package be.obmi.identity;

/**
 * A user's role within one tenant. Each role includes the rights of those below it: a
 * {@code BEHEERDER} may do all a {@code REDACTEUR} may, and so on down to {@code LEZER}.
 */
public enum Role {

	/** Reads the tenant's non-public content. */
	LEZER,
	/** Updates the items assigned to them. */
	BIJDRAGER,
	/** Plan manager or data team: edits plans, catalogues, imports. */
	REDACTEUR,
	/** Tenant admin: users, settings, history. */
	BEHEERDER;

	/** Whether this role includes the rights of {@code other}. */
	public boolean includes(Role other) {
		return ordinal() >= other.ordinal();
	}

	public String messageKey() {
		return "role." + name().toLowerCase();
	}

}
