package be.obmi.identity;

/**
 * A function (mandate) of a member in one tenant beside their {@link Role}: granted one
 * by one by the tenant admin, for one kind of sensitive data or work. Unlike a role it
 * includes nothing and is included in nothing; a platform admin does not hold it
 * implicitly.
 */
public enum TenantFunction {

	/**
	 * Reads and edits the owner data of PIRK's vacancy inventory (owner contacts,
	 * mobilisation cases); every access is logged by that module.
	 */
	OWNER_DATA,

	/**
	 * Hulpverlener: fills the Rechtenverkenner's questionnaire with a client; nothing
	 * personal is stored unless the client consents.
	 */
	SOCIAL_WORKER,

	/**
	 * Analist: imports the population register's extracts (pseudonymised microdata) and
	 * runs the derivations of statistics from them (module population); nobody, this
	 * function included, reads a microdata row through a page or the API.
	 */
	ANALYST;

	public String messageKey() {
		return "function." + name().toLowerCase();
	}

}
