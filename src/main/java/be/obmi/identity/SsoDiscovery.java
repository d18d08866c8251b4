package be.obmi.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import be.obmi.audit.DataGenerations;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Reads an identity provider's OpenID Connect discovery document
 * ({@code <issuer>/.well-known/openid-configuration}) with short time-outs, checks that
 * it names exactly the configured issuer (a document that names another issuer is
 * refused), and keeps the result for ten minutes per issuer, and only while the
 * {@link DataGenerations#platform() platform data generation} stays the same: every
 * change of a provider is in the platform's history, so a saved provider is read again at
 * its next login, on every instance.
 */
@Component
class SsoDiscovery {

	static final Duration KEEP = Duration.ofMinutes(10);

	private final RestClient http;

	private final Clock clock;

	private final DataGenerations generations;

	private final Map<String, Discovered> known = new ConcurrentHashMap<>();

	private record Discovered(ClientRegistration template, Instant at, long generation) {
	}

	SsoDiscovery(DataGenerations generations) {
		this.generations = generations;
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(Duration.ofSeconds(5));
		this.http = RestClient.builder().requestFactory(factory).build();
		this.clock = Clock.systemUTC();
	}

	/**
	 * The provider's endpoints as a registration template (registration id, client id and
	 * secret still to be set).
	 * @throws IllegalArgumentException when the document cannot be read or names another
	 * issuer
	 */
	ClientRegistration metadata(String issuer) {
		long generation = generations.platform();
		Discovered cached = known.get(issuer);
		if (cached != null && cached.generation() == generation && cached.at().plus(KEEP).isAfter(clock.instant())) {
			return cached.template();
		}
		ClientRegistration template = fetch(issuer);
		known.put(issuer, new Discovered(template, clock.instant(), generation));
		return template;
	}

	/**
	 * Reads the provider's discovery document now, nothing kept (a provider being saved).
	 * @throws IllegalArgumentException when the document cannot be read or names another
	 * issuer
	 */
	ClientRegistration fetch(String issuer) {
		Map<String, Object> document;
		try {
			document = http.get()
				.uri(URI.create(stripSlash(issuer) + "/.well-known/openid-configuration"))
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("discovery failed for " + issuer, ex);
		}
		if (document == null || !issuer.equals(document.get("issuer"))) {
			throw new IllegalArgumentException("the discovery document of " + issuer + " names another issuer");
		}
		return ClientRegistrations.fromOidcConfiguration(document)
			.registrationId("discovery")
			.clientId("discovery")
			.build();
	}

	private static String stripSlash(String issuer) {
		return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

}
