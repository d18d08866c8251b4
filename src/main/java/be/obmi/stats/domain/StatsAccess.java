package be.obmi.stats.domain;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in a stats scope. The platform scope is written and edited only by
 * platform admins; a tenant's by its redacteurs. Draft indicators are seen only inside
 * their own scope; real values of confidential cells only by those who may edit the
 * scope.
 */
@Component
public class StatsAccess {

	private final TenantAccess access;

	private final Tenants tenants;

	StatsAccess(TenantAccess access, Tenants tenants) {
		this.access = access;
		this.tenants = tenants;
	}

	/**
	 * @throws be.obmi.tenancy.TenantNotFoundException (404) for an unknown slug
	 */
	public Scope scope(String slug) {
		if (Scope.PLATFORM.equals(slug)) {
			return Scope.platform();
		}
		Tenant tenant = tenants.require(slug);
		return of(tenant);
	}

	public static Scope of(Tenant tenant) {
		return new Scope(tenant.id(), tenant.slug(), tenant.statisticsNisCode());
	}

	boolean platformAdmin() {
		return access.currentUser().map(ObmiUser::platformAdmin).orElse(false);
	}

	/**
	 * @throws AccessDeniedException unless the user may import and edit in the scope
	 */
	public ObmiUser requireWrite(Scope scope) {
		if (scope.isPlatform()) {
			ObmiUser user = access.currentUser().orElseThrow(() -> new AccessDeniedException("Niet aangemeld"));
			if (!user.platformAdmin()) {
				throw new AccessDeniedException("Alleen een platformbeheerder mag platformcijfers wijzigen");
			}
			return user;
		}
		return access.require(scope.slug(), Role.REDACTEUR);
	}

	boolean canWrite(Scope scope) {
		return scope.isPlatform() ? platformAdmin() : access.has(scope.slug(), Role.REDACTEUR);
	}

	public boolean isMember(Scope scope) {
		return scope.isPlatform() ? platformAdmin() : access.has(scope.slug(), Role.LEZER);
	}

	/** Whether the current user may see this indicator in the scope. */
	public boolean canSee(Scope scope, Indicator indicator) {
		if (indicator.published()) {
			return true;
		}
		if (indicator.tenantId() == null) {
			return platformAdmin();
		}
		return indicator.tenantId().equals(scope.tenantId()) && isMember(scope);
	}

	/**
	 * Editors see real values of confidential cells (marked); everyone else sees them
	 * suppressed.
	 */
	public boolean seesConfidential(Scope scope) {
		return canWrite(scope);
	}

	public String actor() {
		return access.currentUser().map(ObmiUser::getUsername).orElse("systeem");
	}

}
