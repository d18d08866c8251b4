package be.obmi.stats.domain;

/**
 * Where data lives: the platform (shared data, {@code tenantId} null) or one tenant.
 *
 * @param slug {@code platform} or the tenant's slug
 */
public record Scope(Long tenantId, String slug, String nisCode) {

	public static final String PLATFORM = "platform";

	public static Scope platform() {
		return new Scope(null, PLATFORM, null);
	}

	public boolean isPlatform() {
		return tenantId == null;
	}

	/** 0 for the platform, for SQL {@code coalesce(tenant_id, 0)} comparisons. */
	public long key() {
		return tenantId == null ? 0 : tenantId;
	}

}
