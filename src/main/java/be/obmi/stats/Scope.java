package be.obmi.stats;

/**
 * Where data lives: the platform (shared data, {@code tenantId} null) or one tenant.
 *
 * @param slug {@code platform} or the tenant's slug
 */
record Scope(Long tenantId, String slug, String nisCode) {

	static final String PLATFORM = "platform";

	static Scope platform() {
		return new Scope(null, PLATFORM, null);
	}

	boolean isPlatform() {
		return tenantId == null;
	}

	/** 0 for the platform, for SQL {@code coalesce(tenant_id, 0)} comparisons. */
	long key() {
		return tenantId == null ? 0 : tenantId;
	}

}
