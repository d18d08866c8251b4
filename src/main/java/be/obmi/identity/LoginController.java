package be.obmi.identity;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page; it names why the last login failed (wrong password, account locked,
 * account disabled, a refused login with an identity provider) and offers "Aanmelden met
 * <stad>" for every tenant with a single sign-on provider. When the login was asked for
 * by a page of a tenant ({@code /gent/...}) or with {@code ?bestuur=gent}, that tenant's
 * button comes first.
 */
@Controller
class LoginController {

	static final String VIEW = "identity/login";

	static final String LOGGED_OUT_VIEW = "identity/logged-out";

	private final SsoProviders providers;

	private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

	LoginController(SsoProviders providers) {
		this.providers = providers;
	}

	@GetMapping("/login")
	String login(HttpSession session, Model model, HttpServletRequest request, HttpServletResponse response,
			@RequestParam(name = "bestuur", required = false) String tenant) {
		Object error = session.getAttribute("obmi.loginError");
		if (error != null) {
			model.addAttribute("loginError", error);
			session.removeAttribute("obmi.loginError");
		}
		String preferred = tenant != null ? tenant : askingTenant(request, response);
		List<SsoProviders.LoginButton> buttons = new ArrayList<>(loginButtons());
		buttons.sort((a, b) -> Boolean.compare(b.slug().equals(preferred), a.slug().equals(preferred)));
		model.addAttribute("ssoButtons", buttons);
		model.addAttribute("ssoPreferred",
				buttons.isEmpty() || !buttons.getFirst().slug().equals(preferred) ? null : preferred);
		return VIEW;
	}

	/**
	 * The single sign-on buttons (kept in memory); none when they must be read while the
	 * database cannot be reached, so the login page still says that the database is the
	 * problem (docs/faults.md).
	 */
	private List<SsoProviders.LoginButton> loginButtons() {
		try {
			return providers.loginButtons();
		}
		catch (DataAccessException unreachable) {
			return List.of();
		}
	}

	/**
	 * After the logout of a single sign-on session: sends the browser on to the
	 * provider's end-session address (RP-initiated logout) with a link and a script; the
	 * provider sends it back to the home page.
	 */
	@GetMapping("/login/afgemeld")
	String loggedOut(HttpSession session, Model model) {
		Object target = session.getAttribute(SsoLogin.PROVIDER_LOGOUT);
		session.removeAttribute(SsoLogin.PROVIDER_LOGOUT);
		if (!(target instanceof String url)) {
			return "redirect:/?logout";
		}
		model.addAttribute("providerLogout", url);
		return LOGGED_OUT_VIEW;
	}

	/** The first path segment of the page that asked for the login, if any. */
	private String askingTenant(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = savedRequests.getRequest(request, response);
		if (saved == null) {
			return null;
		}
		try {
			String path = URI.create(saved.getRedirectUrl()).getPath();
			String rest = path.substring(request.getContextPath().length());
			String[] segments = rest.split("/");
			return segments.length > 1 ? segments[1] : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
