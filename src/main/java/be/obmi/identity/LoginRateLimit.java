package be.obmi.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code obmi.security.login-attempts-per-minute} form logins ({@code POST /login}) per client address per
 * minute (a Bucket4j token bucket per address), then 429 with {@code Retry-After} and the Dutch error page. This slows
 * password guessing across many accounts from one address; the per-account lockout after
 * {@code obmi.security.max-failed-logins} wrong passwords stops guessing one account from many addresses. Every
 * attempt counts, successful or not, so the limit does not reveal which passwords were right. The client address is
 * the one the reverse proxy reports in {@code X-Forwarded-For}: the proxy must overwrite that header.
 */
final class LoginRateLimit extends OncePerRequestFilter {

	private final int perMinute;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(100_000).build();

	LoginRateLimit(int perMinute) {
		if (perMinute < 1) {
			throw new IllegalArgumentException("obmi.security.login-attempts-per-minute moet minstens 1 zijn");
		}
		this.perMinute = perMinute;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !request.getRequestURI().equals(request.getContextPath() + "/login");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket bucket = buckets.get(request.getRemoteAddr(), address -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
		response.setHeader("Retry-After", String.valueOf(seconds));
		response.sendError(429, "Te veel aanmeldpogingen vanaf dit adres; probeer opnieuw over " + seconds + " seconden.");
	}

}
