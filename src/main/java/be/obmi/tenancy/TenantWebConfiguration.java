package be.obmi.tenancy;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets any controller declare a {@link Tenant} parameter: it is the tenant named by the
 * {@code {slug}} (or {@code {tenant}}) path variable, or a 404 when there is none. This
 * is the one place where a request finds its tenant.
 */
@Configuration(proxyBeanMethods = false)
class TenantWebConfiguration implements WebMvcConfigurer {

	private final Tenants tenants;

	TenantWebConfiguration(Tenants tenants) {
		this.tenants = tenants;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == Tenant.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
					NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
				Tenant tenant = CurrentTenant.resolve(webRequest.getNativeRequest(HttpServletRequest.class), tenants);
				if (mavContainer != null) {
					mavContainer.addAttribute("tenant", tenant);
				}
				return tenant;
			}
		});
	}

	/** Reads the tenant slug of the current request, once per request. */
	static final class CurrentTenant {

		private static final String ATTRIBUTE = CurrentTenant.class.getName();

		static Tenant resolve(HttpServletRequest request, Tenants tenants) {
			Object cached = request.getAttribute(ATTRIBUTE);
			if (cached instanceof Tenant tenant) {
				return tenant;
			}
			String slug = slugOf(request);
			if (slug == null) {
				throw new IllegalStateException("This handler has no {slug} path variable");
			}
			Tenant tenant = tenants.require(slug);
			request.setAttribute(ATTRIBUTE, tenant);
			return tenant;
		}

		@SuppressWarnings("unchecked")
		static String slugOf(HttpServletRequest request) {
			Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			if (vars instanceof Map<?, ?> map) {
				Object slug = map.get("slug");
				if (slug == null) {
					slug = map.get("tenant");
				}
				return slug == null ? null : slug.toString();
			}
			return null;
		}

	}

}
