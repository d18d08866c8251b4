package be.obmi.identity;

import org.springframework.http.HttpStatus;

import be.obmi.shared.ApiProblem;
import be.obmi.shared.Reason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import be.obmi.shared.DatabaseFailure;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One limit per client address on every password attempt, form login
 * ({@code POST /login}) and HTTP Basic alike: at most
 * {@code obmi.security.login-attempts-per-minute} per minute (a Bucket4j token bucket per
 * address), then 429 with {@code Retry-After}. A form login spends a token on every
 * attempt, right or wrong, so the limit reveals nothing; an HTTP Basic request spends one
 * only when its password is wrong ({@link #failed}), so an API script with the right
 * password is not slowed down, but it is refused while its address has none left. Wrong
 * API tokens count the same way. Before the password is checked, an address that is
 * locked out of that account name ({@link LoginFailures#lockedFor}) is refused without
 * any password work. The client address is the one Tomcat reports:
 * {@code X-Forwarded-For} only counts when it comes from a configured proxy
 * ({@code server.tomcat.remoteip.internal-proxies}). The buckets are
 * {@link SharedBuckets}: in PostgreSQL, so the limit holds across every application
 * instance.
 */
final class LoginRateLimit extends OncePerRequestFilter {

	private final LoginFailures failures;

	private final SharedBuckets buckets;

	private final BucketConfiguration configuration;

	LoginRateLimit(int perMinute, LoginFailures failures) {
		this(perMinute, failures, SharedBuckets.inMemory());
	}

	LoginRateLimit(int perMinute, LoginFailures failures, SharedBuckets buckets) {
		if (perMinute < 1) {
			throw new IllegalArgumentException("obmi.security.login-attempts-per-minute moet minstens 1 zijn");
		}
		this.failures = failures;
		this.buckets = buckets;
		// a budget per minute, given back whole when the minute is over: a refused
		// address
		// stays refused for the rest of that minute on every login route, instead of
		// earning an attempt back every few seconds
		this.configuration = BucketConfiguration.builder()
			.addLimit(
					Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !formLogin(request) && !RequestCredentials.carried(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		if (formLogin(request)) {
			ConsumptionProbe probe = buckets.consume(key(address), configuration);
			if (!probe.isConsumed()) {
				tooMany(request, response, probe, true);
				return;
			}
			String username = request.getParameter("username");
			if (username != null && lockedOut(username, address)) {
				request.getSession().setAttribute("obmi.loginError", "locked");
				response.sendRedirect(request.getContextPath() + "/login?error");
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		EstimationProbe estimate = buckets.estimate(key(address), configuration);
		if (!estimate.canBeConsumed()) {
			tooMany(request, response, estimate.getNanosToWaitForRefill(), false);
			return;
		}
		String username = basicUsername(request);
		if (username != null && lockedOut(username, address)) {
			failed(address);
			response.setHeader("WWW-Authenticate", "Basic realm=\"OBMi\"");
			ApiProblem.write(request, response, HttpStatus.UNAUTHORIZED, Reason.of("identity.refused.lockedHere"));
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Whether the address is locked out of the account name. When the database cannot be
	 * asked, the login goes on and fails there with the usual "database unreachable"
	 * answer (503 for the API, the Dutch message on the form).
	 */
	private boolean lockedOut(String username, String address) {
		try {
			return failures.lockedFor(username, address);
		}
		catch (RuntimeException ex) {
			if (DatabaseFailure.of(ex).isPresent()) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * A wrong password (HTTP Basic) or a wrong API token from this address: spends one of
	 * its attempts.
	 */
	void failed(String address) {
		buckets.spend(key(address), configuration);
	}

	/** The shared bucket of an address's login attempts. */
	private static String key(String address) {
		return "login:" + address;
	}

	private static void tooMany(HttpServletRequest request, HttpServletResponse response, ConsumptionProbe probe,
			boolean page) throws IOException {
		tooMany(request, response, probe.getNanosToWaitForRefill(), page);
	}

	private static void tooMany(HttpServletRequest request, HttpServletResponse response, long nanosToWait,
			boolean page) throws IOException {
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait) + 1);
		response.setHeader("Retry-After", String.valueOf(seconds));
		if (page) {
			response.sendError(429,
					ApiProblem.text(request, Reason.of("identity.refused.loginsTooMany", String.valueOf(seconds))));
			return;
		}
		ApiProblem.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
				Reason.of("identity.refused.failedLoginsTooMany", String.valueOf(seconds)));
	}

	private static boolean formLogin(HttpServletRequest request) {
		return "POST".equals(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + "/login");
	}

	/**
	 * The username of an HTTP Basic header; null when there is none (or it cannot be
	 * read: Basic refuses it).
	 */
	static String basicUsername(HttpServletRequest request) {
		if (!RequestCredentials.basic(request)) {
			return null;
		}
		String header = request.getHeader("Authorization");
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? "" : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
