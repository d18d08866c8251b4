package be.obmi.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a form login: back to the page that asked for it when there was one; otherwise a
 * member of exactly one tenant lands where the modules' {@link LandingPage}s say for
 * their role (a contributor on Mijn taken, a manager on the dashboard, an editor on the
 * plan), a platform administrator on the tenant list, and anyone else on the home page.
 */
class RoleLanding extends SavedRequestAwareAuthenticationSuccessHandler {

	private final List<LandingPage> pages;

	RoleLanding(List<LandingPage> pages) {
		this.pages = pages;
		setDefaultTargetUrl("/");
	}

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		if (authentication.getPrincipal() instanceof ObmiUser user) {
			return landing(user).orElse("/");
		}
		return "/";
	}

	Optional<String> landing(ObmiUser user) {
		Map<String, Role> roles = user.roles();
		if (roles.size() != 1) {
			return user.platformAdmin() ? Optional.of("/platform/besturen") : Optional.empty();
		}
		Map.Entry<String, Role> only = roles.entrySet().iterator().next();
		return pages.stream()
			.map(page -> page.pathFor(only.getKey(), only.getValue()))
			.flatMap(Optional::stream)
			.findFirst()
			.or(() -> Optional.of("/" + only.getKey()));
	}

}
