package be.obmi.datasources.domain;

import java.util.Set;

/**
 * Who looks at the catalogue, for what they may see: anyone sees the public sources; a
 * member of any city (and a Kenniscentrum editor) also the platform's internal ones; a
 * member of a city also that city's internal ones; a platform admin everything.
 *
 * @param member logged in with a role in some city, or a Kenniscentrum editor
 * @param tenantIds the cities the viewer is a member of (lezer or more)
 */
public record Viewer(boolean member, Set<Long> tenantIds, boolean everything) {

	public Viewer {
		tenantIds = Set.copyOf(tenantIds);
	}

	public static Viewer anonymous() {
		return new Viewer(false, Set.of(), false);
	}

	/** Whether the viewer may see the source. */
	public boolean sees(Source source) {
		if (everything || source.publicSource()) {
			return true;
		}
		return source.platform() ? member : tenantIds.contains(source.tenantId());
	}

}
