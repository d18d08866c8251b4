package be.obmi.tenancy;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A tenant's home page, and its colours as a style sheet (inline styles are barred by the
 * CSP).
 */
@Controller
class TenantHomeController {

	static final String HOME_VIEW = "tenancy/home";

	private final Tenants tenants;

	TenantHomeController(Tenants tenants) {
		this.tenants = tenants;
	}

	@GetMapping("/{slug}")
	String home(Tenant tenant) {
		return HOME_VIEW;
	}

	@GetMapping(value = "/css/tenant/{slug}.css", produces = "text/css")
	ResponseEntity<String> theme(@PathVariable String slug) {
		Tenant tenant = tenants.require(slug);
		String css = ":root{--tenant-primary:%s;--tenant-on-primary:%s;--tenant-accent:%s;}\n"
			.formatted(tenant.primaryColor(), TenantColors.readableOn(tenant.primaryColor()), tenant.accentColor());
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("text/css;charset=UTF-8"))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)))
			.body(css);
	}

}
