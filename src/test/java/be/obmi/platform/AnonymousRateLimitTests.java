package be.obmi.platform;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous API clients are limited per address; clients that authenticated are not,
 * whatever headers others send.
 */
class AnonymousRateLimitTests {

	private static MockHttpServletResponse call(OpenApiAccess.AnonymousRateLimit filter, String address,
			String authorization) throws Exception {
		return call(filter, address, authorization, false);
	}

	/**
	 * {@code authenticated}: Spring Security accepted the credentials (it then exposes a
	 * user principal).
	 */
	private static MockHttpServletResponse call(OpenApiAccess.AnonymousRateLimit filter, String address,
			String authorization, boolean authenticated) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/gent/stats/indicators");
		request.setRemoteAddr(address);
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		if (authenticated) {
			request.setUserPrincipal(() -> "redacteur.gent");
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

	@Test
	void theFourthAnonymousRequestInAMinuteGets429WithRetryAfter() throws Exception {
		var filter = new OpenApiAccess.AnonymousRateLimit(3);
		for (int i = 0; i < 3; i++) {
			assertThat(call(filter, "10.0.0.1", null).getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = call(filter, "10.0.0.1", null);
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
		assertThat(refused.getContentAsString()).contains("Te veel verzoeken");
		assertThat(call(filter, "10.0.0.2", null).getStatus()).as("another address").isEqualTo(200);
		assertThat(call(filter, "10.0.0.1", "Bearer obmi_x", true).getStatus()).as("authenticated").isEqualTo(200);
		// an Authorization header that authenticated nobody (answered anonymously) does
		// not leave the limit
		assertThat(call(filter, "10.0.0.1", "Bearer obmi_x").getStatus()).as("unauthenticated Bearer").isEqualTo(429);
		assertThat(call(filter, "10.0.0.1", "Onzin 123").getStatus()).as("meaningless header").isEqualTo(429);
	}

}
