package be.obmi.datasources.web;

import java.util.HashSet;
import java.util.Set;

import be.obmi.datasources.domain.Viewer;
import be.obmi.identity.ObmiUser;
import be.obmi.identity.TenantAccess;
import be.obmi.tenancy.Tenants;

import org.springframework.stereotype.Component;

/** The current visitor as a {@link Viewer} of the catalogue. */
@Component
class Viewers {

	private final TenantAccess access;

	private final Tenants tenants;

	Viewers(TenantAccess access, Tenants tenants) {
		this.access = access;
		this.tenants = tenants;
	}

	Viewer current() {
		ObmiUser user = access.currentUser().orElse(null);
		if (user == null) {
			return Viewer.anonymous();
		}
		if (user.platformAdmin()) {
			return new Viewer(true, Set.of(), true);
		}
		Set<Long> ids = new HashSet<>();
		user.roles().keySet().forEach(slug -> tenants.knownId(slug).ifPresent(ids::add));
		return new Viewer(!ids.isEmpty() || user.kenniscentrum(), ids, false);
	}

	/** Whether the visitor is a member of some city or a Kenniscentrum editor. */
	boolean member() {
		return current().member();
	}

	/** The account name of the visitor (for history lines). */
	String actor() {
		return access.currentUser().map(ObmiUser::getUsername).orElse("anoniem");
	}

}
