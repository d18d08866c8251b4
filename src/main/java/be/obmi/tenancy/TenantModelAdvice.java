package be.obmi.tenancy;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the request's tenant in every page model as {@code tenant} (for the header: name,
 * colours, logo), so that controllers of other modules need not look it up to render the
 * shell.
 */
@ControllerAdvice
class TenantModelAdvice {

	private final Tenants tenants;

	TenantModelAdvice(Tenants tenants) {
		this.tenants = tenants;
	}

	@ModelAttribute("tenant")
	Tenant tenant(HttpServletRequest request) {
		String slug = TenantWebConfiguration.CurrentTenant.slugOf(request);
		return slug == null ? null : TenantWebConfiguration.CurrentTenant.resolve(request, tenants);
	}

}
