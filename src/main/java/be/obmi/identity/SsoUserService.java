package be.obmi.identity;

import java.util.Collection;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * After the ID token was checked: reads the person's claims (and the provider's user info
 * where it has one) and finds or makes their account ({@link SsoAccounts}). A refusal
 * becomes an authentication failure whose code names the login page's text.
 */
@Component
class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService claims = new OidcUserService();

	private final SsoProviders providers;

	private final SsoAccounts accounts;

	SsoUserService(SsoProviders providers, SsoAccounts accounts) {
		this.providers = providers;
		this.accounts = accounts;
	}

	/** The person the provider vouched for, with the id of their OBMi account. */
	static final class Person extends DefaultOidcUser {

		private final long userId;

		Person(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
				long userId) {
			super(authorities, idToken, userInfo);
			this.userId = userId;
		}

		long userId() {
			return userId;
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Person other && other.userId == userId && super.equals(o);
		}

		@Override
		public int hashCode() {
			return Long.hashCode(userId);
		}

	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser person = claims.loadUser(request);
		String slug = request.getClientRegistration().getRegistrationId();
		SsoProvider provider = providers.bySlug(slug)
			.filter(SsoProvider::enabled)
			.orElseThrow(() -> refused("unknownTenant"));
		try {
			long userId = accounts.accountFor(provider, person);
			return new Person(person.getAuthorities(), person.getIdToken(), person.getUserInfo(), userId);
		}
		catch (SsoAccounts.Refused ex) {
			throw refused(ex.code());
		}
	}

	private static OAuth2AuthenticationException refused(String code) {
		return new OAuth2AuthenticationException(new OAuth2Error("obmi_" + code), code);
	}

	/**
	 * The login page's text for a failed login with a provider: {@code sso.<code>} for
	 * OBMi's own refusals, {@code sso} for anything the provider or the token check
	 * refused.
	 */
	static String reason(AuthenticationException exception) {
		if (exception instanceof OAuth2AuthenticationException oauth2
				&& oauth2.getError().getErrorCode().startsWith("obmi_")) {
			return "sso." + oauth2.getError().getErrorCode().substring("obmi_".length());
		}
		return "sso";
	}

}
