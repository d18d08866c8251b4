package be.obmi.identity;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Login with a tenant's identity provider through Spring Security's OAuth2 client
 * (docs/security.md, "Single sign-on"): {@code /oauth2/authorization/<slug>} sends the
 * browser to the provider with state, nonce and PKCE; {@code /login/oauth2/code/<slug>}
 * takes the answer, checks the ID token (signature, issuer, audience, nonce, expiry) and
 * lets {@link SsoUserService} find or make the account. The session then holds the
 * account's usual principal, scoped to that tenant, and lands as after a form login.
 * Logout ends the session and, when the provider advertises an
 * {@code end_session_endpoint}, sends the browser there (RP-initiated logout) with the ID
 * token as hint.
 */
@Component
class SsoLogin {

	private static final Logger log = LoggerFactory.getLogger(SsoLogin.class);

	static final String REGISTRATION = "obmi.sso.registration";

	static final String ID_TOKEN = "obmi.sso.idToken";

	private static final String LOGGING_OUT = "obmi.sso.loggingOut";

	/** The provider's end-session address, for {@code /login/afgemeld}. */
	static final String PROVIDER_LOGOUT = "obmi.sso.providerLogout";

	private static final String LOGGED_OUT = "/?logout";

	private final SsoClientRegistrations registrations;

	private final SsoUserService users;

	private final UserAccounts accounts;

	private final ObjectProvider<LandingPage> landing;

	SsoLogin(SsoClientRegistrations registrations, SsoUserService users, UserAccounts accounts,
			ObjectProvider<LandingPage> landing) {
		this.registrations = registrations;
		this.users = users;
		this.accounts = accounts;
		this.landing = landing;
	}

	/** Adds OpenID Connect login and RP-initiated logout to the filter chain. */
	void configure(HttpSecurity http) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				"/oauth2/authorization");
		pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		OAuth2AuthorizationRequestResolver resolver = new KnownOnly(pkce);
		http.oauth2Login(oauth2 -> oauth2.loginPage("/login")
			.clientRegistrationRepository(registrations)
			.authorizedClientRepository(new NothingKept())
			.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
			.userInfoEndpoint(info -> info.oidcUserService(users))
			.successHandler(success())
			.failureHandler(failure()));
		http.logout(logout -> logout.addLogoutHandler(rememberIdToken()).logoutSuccessHandler(providerLogout()));
	}

	private AuthenticationSuccessHandler success() {
		RoleLanding roleLanding = new RoleLanding(landing.orderedStream().toList());
		return (request, response, authentication) -> {
			if (!(authentication instanceof OAuth2AuthenticationToken token
					&& token.getPrincipal() instanceof SsoUserService.Person person)) {
				response.sendRedirect(request.getContextPath() + "/login?error");
				return;
			}
			ObmiUser user = accounts.reloadPrincipal(person.userId())
				.orElseThrow()
				.scopedTo(token.getAuthorizedClientRegistrationId());
			SessionRightsRefresh.renew(user, request, response);
			HttpSession session = request.getSession();
			session.setAttribute(REGISTRATION, token.getAuthorizedClientRegistrationId());
			session.setAttribute(ID_TOKEN, person.getIdToken().getTokenValue());
			roleLanding.onAuthenticationSuccess(request, response,
					SecurityContextHolder.getContext().getAuthentication());
		};
	}

	private static AuthenticationFailureHandler failure() {
		return (request, response, exception) -> {
			log.info("A login through an identity provider was refused at {}: {}", request.getRequestURI(),
					exception.getMessage());
			request.getSession().setAttribute("obmi.loginError", SsoUserService.reason(exception));
			response.sendRedirect(request.getContextPath() + "/login?error");
		};
	}

	/**
	 * Keeps the session's provider and ID token for the logout answer, before the session
	 * ends.
	 */
	private static LogoutHandler rememberIdToken() {
		return (request, response, authentication) -> {
			HttpSession session = request.getSession(false);
			if (session != null && session.getAttribute(REGISTRATION) instanceof String registration
					&& session.getAttribute(ID_TOKEN) instanceof String idToken) {
				request.setAttribute(LOGGING_OUT, new String[] { registration, idToken });
			}
		};
	}

	/**
	 * After logout: a session of a provider that advertises an end-session endpoint goes
	 * on to {@code /login/afgemeld}, which sends the browser to the provider. Not a
	 * redirect from here: the logout is a form post, and the CSP's
	 * {@code form-action 'self'} forbids a form's redirect to another origin.
	 */
	private LogoutSuccessHandler providerLogout() {
		ProviderLogout oidc = new ProviderLogout(registrations);
		oidc.setPostLogoutRedirectUri("{baseUrl}/?logout");
		oidc.setDefaultTargetUrl(LOGGED_OUT);
		SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
		local.setDefaultTargetUrl(LOGGED_OUT);
		return new LogoutSuccessHandler() {
			@Override
			public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, ServletException {
				if (!(request.getAttribute(LOGGING_OUT) instanceof String[] sso)) {
					local.onLogoutSuccess(request, response, authentication);
					return;
				}
				OidcIdToken idToken = new OidcIdToken(sso[1], Instant.now(), Instant.now().plusSeconds(60),
						Map.of("sub", "logout"));
				DefaultOidcUser user = new DefaultOidcUser(AuthorityUtils.NO_AUTHORITIES, idToken);
				String target = oidc.targetUrl(request, response,
						new OAuth2AuthenticationToken(user, List.of(), sso[0]));
				if (target.startsWith("/")) {
					local.onLogoutSuccess(request, response, authentication);
					return;
				}
				request.getSession(true).setAttribute(PROVIDER_LOGOUT, target);
				response.sendRedirect(request.getContextPath() + "/login/afgemeld");
			}
		};
	}

	/** Spring Security's RP-initiated logout, asked for its target only. */
	private static final class ProviderLogout extends OidcClientInitiatedLogoutSuccessHandler {

		ProviderLogout(ClientRegistrationRepository registrations) {
			super(registrations);
		}

		String targetUrl(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
			return determineTargetUrl(request, response, authentication);
		}

	}

	/**
	 * A tenant without a (working) provider is no error: the request goes on and is
	 * answered as any other unknown page.
	 */
	private record KnownOnly(
			OAuth2AuthorizationRequestResolver resolver) implements OAuth2AuthorizationRequestResolver {

		@Override
		public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
			try {
				return resolver.resolve(request);
			}
			catch (IllegalArgumentException unknown) {
				return null;
			}
		}

		@Override
		public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
			try {
				return resolver.resolve(request, clientRegistrationId);
			}
			catch (IllegalArgumentException unknown) {
				return null;
			}
		}

	}

	/**
	 * OBMi keeps no access or refresh tokens of the providers: it only needs to know who
	 * logged in.
	 */
	private static final class NothingKept implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

}
