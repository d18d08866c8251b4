package be.obmi.plan.web;

import java.util.Map;

import be.obmi.plan.domain.PlanChoice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The plan switch: a request to a plan page or the plan API works in the plan named by
 * {@code ?plan=<id>}, else in the one the signed-in user chose before (kept in the
 * session per tenant), else in the tenant's latest. {@code ?plan=latest} forgets the
 * choice. Anonymous visitors get no session: their choice holds for the page they asked
 * (the public portal links carry it). The id is only a wish: {@code Plans.current}
 * ignores a plan of another tenant.
 */
@Configuration
class PlanSwitch implements WebMvcConfigurer, HandlerInterceptor {

	static final String PARAMETER = "plan";

	static final String LATEST = "latest";

	private static final String SESSION_KEY = "obmi.plan.";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/*/plan", "/*/plan/**", "/api/v1/*/plan", "/api/v1/*/plan/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String slug = slug(request);
		if (slug == null) {
			return true;
		}
		String wanted = request.getParameter(PARAMETER);
		HttpSession session = request.getSession(false);
		boolean signedIn = request.getUserPrincipal() != null;
		Long chosen = null;
		if (wanted != null && wanted.matches("\\d{1,18}")) {
			chosen = Long.valueOf(wanted);
			if (signedIn) {
				request.getSession().setAttribute(SESSION_KEY + slug, chosen);
			}
		}
		else if (LATEST.equals(wanted)) {
			if (session != null) {
				session.removeAttribute(SESSION_KEY + slug);
			}
		}
		else if (session != null && session.getAttribute(SESSION_KEY + slug) instanceof Long kept) {
			chosen = kept;
		}
		PlanChoice.set(chosen);
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		PlanChoice.clear();
	}

	@SuppressWarnings("unchecked")
	private static String slug(HttpServletRequest request) {
		Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (vars instanceof Map<?, ?> map && map.get("slug") != null) {
			return map.get("slug").toString();
		}
		return null;
	}

}
