package be.obmi.platform;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * At most {@code obmi.exports.max-concurrent} heavy exports (downloads of whole tables,
 * PDF reports) at once, and at most {@code obmi.exports.max-concurrent-per-address} per
 * client address; one more is answered at once with 429 and {@code Retry-After}, in
 * Dutch. A client that asks for a large export and then stops reading holds a request
 * thread until the write times out ({@code server.tomcat.connection-timeout}); without
 * this limit a few hundred such clients took every thread and the whole application
 * (health included) stopped answering. With it they hold at most this many threads and
 * the rest of the site goes on. Cached public answers are replayed before this filter and
 * do not count.
 */
final class HeavyExportLimit extends OncePerRequestFilter {

	/** The routes whose answers are whole tables or rendered reports. */
	static final List<String> HEAVY_ROUTES = List.of("/api/v1/{scope}/stats/data",
			"/api/v1/{scope}/stats/indicators/{code}/data", "/api/v1/{scope}/datasets/{id}",
			"/{slug}/cijfers/indicator/{code}/download", "/{slug}/cijfers/gebied/{level}/{code}/pdf",
			"/{slug}/plan/rondes/{id}/rapport.pdf", "/{slug}/plan/export", "/api/v1/{slug}/plan/export",
			"/{slug}/privacy/export/{file}");

	private static final List<PathPattern> HEAVY = HEAVY_ROUTES.stream()
		.map(PathPatternParser.defaultInstance::parse)
		.toList();

	private final Semaphore global;

	private final int perAddress;

	private final ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();

	HeavyExportLimit(int maxConcurrent, int maxConcurrentPerAddress) {
		this.global = new Semaphore(Math.max(1, maxConcurrent));
		this.perAddress = Math.max(1, maxConcurrentPerAddress);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return true;
		}
		return !isHeavy(request.getRequestURI().substring(request.getContextPath().length()));
	}

	/** Whether the path (without context path) is one of the {@link #HEAVY_ROUTES}. */
	static boolean isHeavy(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return HEAVY.stream().anyMatch(p -> p.matches(container));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		AtomicInteger mine = running.computeIfAbsent(address, a -> new AtomicInteger());
		if (mine.incrementAndGet() > perAddress) {
			release(address, mine);
			refuse(request, response, true);
			return;
		}
		if (!global.tryAcquire()) {
			release(address, mine);
			refuse(request, response, false);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			global.release();
			release(address, mine);
		}
	}

	/** The heavy exports running now (for tests and metrics). */
	int running() {
		return running.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	private void release(String address, AtomicInteger mine) {
		if (mine.decrementAndGet() <= 0) {
			running.remove(address, mine);
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, boolean ownLimit)
			throws IOException {
		String message = ownLimit
				? "U hebt al het maximum aantal grote downloads tegelijk lopen. Wacht tot die klaar zijn en probeer het dan opnieuw."
				: "Er lopen nu te veel grote downloads tegelijk. Probeer het over enkele seconden opnieuw.";
		response.setHeader("Retry-After", "10");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setStatus(429);
			response.setContentType("application/problem+json;charset=UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Te veel verzoeken\",\"status\":429,\"detail\":\""
						+ message + "\"}");
			return;
		}
		response.sendError(429, message);
	}

}
