package be.obmi.identity;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * Spring Security's OAuth2 client registrations, read from the database: the registration
 * id is the tenant's slug, the endpoints come from the provider's discovery document
 * ({@link SsoDiscovery}), the client secret is unsealed only here. A tenant without a
 * provider, with a switched-off one or with a secret that no longer unseals (another
 * {@code obmi.security.secret-key}) has no registration, so
 * {@code /oauth2/authorization/<slug>} answers as for an unknown one.
 */
@Component
class SsoClientRegistrations implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(SsoClientRegistrations.class);

	static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

	private final SsoProviders providers;

	private final SsoDiscovery discovery;

	SsoClientRegistrations(SsoProviders providers, SsoDiscovery discovery) {
		this.providers = providers;
		this.discovery = discovery;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		if (registrationId == null || !registrationId.matches("[a-z0-9-]{1,60}")) {
			return null;
		}
		return providers.bySlug(registrationId).filter(SsoProvider::enabled).flatMap(this::registration).orElse(null);
	}

	private Optional<ClientRegistration> registration(SsoProvider provider) {
		Optional<String> secret = providers.clientSecret(provider);
		if (secret.isEmpty()) {
			log.warn("The client secret of the identity provider of {} does not unseal with this "
					+ "obmi.security.secret-key; enter it again", provider.slug());
			return Optional.empty();
		}
		ClientRegistration template;
		try {
			template = discovery.metadata(provider.issuer());
		}
		catch (IllegalArgumentException ex) {
			log.warn("The identity provider of {} cannot be read: {}", provider.slug(), ex.getMessage());
			return Optional.empty();
		}
		ClientAuthenticationMethod method = template.getClientAuthenticationMethod();
		if (ClientAuthenticationMethod.NONE.equals(method)) {
			method = ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
		}
		return Optional.of(ClientRegistration.withClientRegistration(template)
			.registrationId(provider.slug())
			.clientId(provider.clientId())
			.clientSecret(secret.get())
			.clientAuthenticationMethod(method)
			.redirectUri(REDIRECT_URI)
			.scope("openid", "profile", "email")
			.userNameAttributeName("sub")
			.clientName(provider.tenantName())
			.build());
	}

}
