package be.obmi.platform;

import org.springframework.http.HttpStatus;

import be.obmi.shared.ApiProblem;
import be.obmi.shared.Reason;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import be.obmi.identity.SharedBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the public API behaves towards other sites and scripts: read endpoints may be
 * called from any origin (CORS, without credentials); GET responses carry an {@code ETag}
 * and answer {@code If-None-Match} with 304; anonymous clients get at most
 * {@code obmi.api.anonymous-requests-per-minute} requests per minute per address, then
 * 429 with {@code Retry-After}. Authenticated clients (a login, Basic or a token that was
 * accepted) are not limited.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiAccess implements WebMvcConfigurer {

	/**
	 * The order Spring Boot gives the Spring Security filter chain
	 * ({@code SecurityFilterProperties}).
	 */
	static final int SECURITY_FILTER_ORDER = -100;

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/api/v1/**")
			.allowedOrigins("*")
			.allowedMethods("GET", "HEAD")
			.allowCredentials(false)
			.maxAge(3600);
		registry.addMapping("/cijfers/catalogus.*").allowedOrigins("*").allowedMethods("GET", "HEAD");
		registry.addMapping("/*/cijfers/catalogus.*").allowedOrigins("*").allowedMethods("GET", "HEAD");
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/api/v1/*", "/cijfers/*");
		registration.setName("apiEtags");
		return registration;
	}

	@Bean
	FilterRegistrationBean<AnonymousRateLimit> anonymousRateLimit(
			@Value("${obmi.api.anonymous-requests-per-minute:300}") int perMinute,
			ObjectProvider<SharedBuckets> buckets) {
		FilterRegistrationBean<AnonymousRateLimit> registration = new FilterRegistrationBean<>(
				new AnonymousRateLimit(perMinute, buckets.getIfAvailable(SharedBuckets::inMemory)));
		registration.addUrlPatterns("/api/v1/*");
		// after Spring Security's filter (order -100), so a 429 carries the security
		// headers and a logged-in session
		// or API client is recognised
		registration.setOrder(SECURITY_FILTER_ORDER + 10);
		registration.setName("anonymousRateLimit");
		return registration;
	}

	/**
	 * After Spring Security (a 429 carries its headers), before the handlers; see
	 * {@link HeavyExportLimit}.
	 */
	@Bean
	FilterRegistrationBean<HeavyExportLimit> heavyExportLimit(
			@Value("${obmi.exports.max-concurrent:#{T(java.lang.Runtime).getRuntime().availableProcessors()}}") int maxConcurrent,
			@Value("${obmi.exports.max-concurrent-per-address:2}") int perAddress) {
		FilterRegistrationBean<HeavyExportLimit> registration = new FilterRegistrationBean<>(
				new HeavyExportLimit(maxConcurrent, perAddress));
		registration.addUrlPatterns("/*");
		registration.setOrder(SECURITY_FILTER_ORDER + 20);
		registration.setName("heavyExportLimit");
		return registration;
	}

	/**
	 * A token bucket per client address for requests without credentials (Bucket4j), in
	 * {@link SharedBuckets}: the limit holds across every application instance.
	 */
	static final class AnonymousRateLimit extends OncePerRequestFilter {

		private final SharedBuckets buckets;

		private final BucketConfiguration configuration;

		AnonymousRateLimit(int perMinute) {
			this(perMinute, SharedBuckets.inMemory());
		}

		AnonymousRateLimit(int perMinute, SharedBuckets buckets) {
			this.buckets = buckets;
			this.configuration = BucketConfiguration.builder()
				.addLimit(
						Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
				.build();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			// only a request that actually authenticated (a session login, HTTP Basic or
			// a token that Spring Security
			// accepted) leaves the anonymous limit; a meaningless Authorization header or
			// an anonymous session does not
			// nor the cache's own warm-up requests (PublicResponseCache set this
			// attribute
			// only when the request carried this instance's secret)
			if (request.getUserPrincipal() != null || request.getAttribute(PublicPageWarmUp.INTERNAL) != null) {
				chain.doFilter(request, response);
				return;
			}
			ConsumptionProbe probe = buckets.consume("api:" + request.getRemoteAddr(), configuration);
			if (probe.isConsumed()) {
				response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
				chain.doFilter(request, response);
				return;
			}
			long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
			response.setHeader("Retry-After", String.valueOf(seconds));
			ApiProblem.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					Reason.of("platform.refused.anonymousTooMany", String.valueOf(seconds)));
		}

	}

}
