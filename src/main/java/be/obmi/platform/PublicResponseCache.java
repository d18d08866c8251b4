package be.obmi.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import be.obmi.audit.DataGenerations;
import be.obmi.identity.RequestCredentials;
import be.obmi.identity.PublicRoutes;
import be.obmi.tenancy.Tenants;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A server-side cache of whole responses to anonymous GET requests on public routes (the
 * routes modules declare in {@link PublicRoutes}): the statistics site, the public plan
 * page and the public read API. A hit is answered without rendering or querying, with the
 * headers the first answer had (security headers included), an {@code ETag} and
 * {@code Cache-Control: no-cache}, so browsers revalidate and get 304 while nothing
 * changed.
 * <p>
 * Never stale: every entry carries the {@link DataGenerations data generation} of its
 * tenant, which every change of domain data (imports, publications, undo) moves on
 * synchronously right after its transaction commits; a change of platform data (no
 * tenant) or of a tenant itself moves every tenant on. An entry whose generation is no
 * longer current is never served, also when it was filled by a request that read the old
 * data while the change was being committed.
 * <p>
 * Only requests without a (valid) session and without credentials (HTTP Basic or a bearer
 * token) are served from or stored in the cache; a made-up session cookie or another
 * {@code Authorization} scheme does not skip it. So a logged-in user's page is never
 * stored or shown to anyone else; responses that set a cookie, are not 200, or are larger
 * than the entry limit are passed through untouched. The key holds everything an
 * anonymous response depends on: path and query, the language cookie, {@code Accept},
 * {@code Origin} (CORS), htmx headers and the host. Each application instance keeps its
 * own cache; a change on another instance moves the generations on here too
 * ({@code platform.cluster.ClusterCacheInvalidation}).
 * <p>
 * Large answers are also kept as files and sent with {@code sendfile}
 * ({@link ResponseBodyFiles}).
 * <p>
 * Over 300 lines because the filter's request handling (lookup, one render per key,
 * replay, heavy-export exception) is one flow; its key and its response capture are
 * separate classes.
 */
final class PublicResponseCache extends OncePerRequestFilter {

	/** The cookie of the language choice (see {@link WebConfiguration}). */
	static final String LANGUAGE_COOKIE = "obmi-taal";

	static final String CACHE_CONTROL = "no-cache";

	static final String STATUS_HEADER = "X-Obmi-Cache";

	private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "date", "content-length", "transfer-encoding",
			"connection", "keep-alive", "x-ratelimit-remaining", "content-type", "content-language",
			STATUS_HEADER.toLowerCase(Locale.ROOT));

	/**
	 * The data generation a page is rendered from: {@code label} is compared; a page of a
	 * tenant or of the platform ({@code graceable}) may be shown for a short while after
	 * a publication ({@link DataGenerations#onlyAddedSince}).
	 */
	record Generation(String label, Long tenantId, long platform, long tenant, boolean graceable) {
	}

	/**
	 * One stored answer; {@code generation} is the data generation it was rendered from.
	 */
	record Entry(Generation generation, String contentType, Locale locale, List<String[]> headers, byte[] body,
			String etag, long lastModified, Path file) {
	}

	private final List<PathPattern> publicRoutes;

	private final Tenants tenants;

	private final Cache<String, Entry> entries;

	private final int maxEntryBytes;

	private final boolean enabled;

	private volatile boolean ready;

	private final DataGenerations generations;

	private final ResponseBodyFiles files;

	private final PopularPublicPages pages;

	private final PublicPageWarmUp warmUp;

	/**
	 * How long after a publication an answer of before may still be shown while its page
	 * is rendered again (0: never).
	 */
	private volatile long graceNanos;

	/**
	 * The keys being rendered now, each with the lock its concurrent requests wait on.
	 */
	private final Map<String, ReentrantLock> rendering = new ConcurrentHashMap<>();

	/**
	 * How long a request waits for another request rendering the same key before it
	 * renders itself.
	 */
	private static final Duration RENDER_WAIT = Duration.ofSeconds(30);

	PublicResponseCache(List<PublicRoutes> routes, Tenants tenants, DataGenerations generations, boolean enabled,
			DataSize maxSize, DataSize maxEntrySize, ResponseBodyFiles files, PopularPublicPages pages,
			PublicPageWarmUp warmUp, Duration grace) {
		PathPatternParser parser = new PathPatternParser();
		this.publicRoutes = routes.stream().flatMap(r -> r.patterns().stream()).map(parser::parse).toList();
		this.tenants = tenants;
		this.generations = generations;
		this.enabled = enabled;
		this.maxEntryBytes = (int) Math.min(Integer.MAX_VALUE - 8, maxEntrySize.toBytes());
		this.files = files;
		this.pages = pages;
		this.warmUp = warmUp;
		this.graceNanos = grace.toNanos();
		this.entries = Caffeine.newBuilder()
			.maximumWeight(maxSize.toBytes())
			.weigher((String key, Entry e) -> key.length() * 2 + e.body().length + 512)
			.removalListener((String key, Entry e, RemovalCause cause) -> {
				if (e != null) {
					files.release(e.file());
				}
			})
			.build();
	}

	/**
	 * Demo and reference data are written at start without history: the cache opens only
	 * when the start is done.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	void open() {
		entries.invalidateAll();
		ready = true;
	}

	/**
	 * The current data generation of the tenant (or API scope) a path belongs to: the
	 * platform's and the tenant's together; for a path of no tenant, or of a tenant this
	 * instance does not know yet, the generation of any data.
	 */
	private Generation currentGeneration(String path) {
		String owner = PublicCacheKey.owner(path);
		if ("platform".equals(owner)) {
			long platform = generations.platform();
			return new Generation("p" + platform, null, platform, 0, true);
		}
		OptionalLong tenantId = owner == null ? OptionalLong.empty() : tenants.knownId(owner);
		if (tenantId.isEmpty()) {
			return new Generation("*" + generations.any(), null, 0, 0, false);
		}
		long platform = generations.platform();
		long tenant = generations.tenant(tenantId.getAsLong());
		return new Generation(platform + "." + tenant, tenantId.getAsLong(), platform, tenant, true);
	}

	/**
	 * Whether an entry of an older generation may still be shown: only publications
	 * happened since it was rendered, the first of them less than the grace ago (ADR
	 * 0018).
	 */
	private boolean stillShown(Entry entry, Generation current) {
		Generation old = entry.generation();
		long grace = graceNanos;
		if (grace <= 0 || !old.graceable() || !current.graceable()
				|| !Objects.equals(old.tenantId(), current.tenantId())) {
			return false;
		}
		long left = generations.onlyAddedSince(old.tenantId(), old.platform(), old.tenant());
		return left >= 0 && left != Long.MAX_VALUE && System.nanoTime() - left < grace;
	}

	/** For tests: an empty cache, as after a start. */
	void clear() {
		entries.invalidateAll();
	}

	/** For tests: the grace after a publication (0: never stale). */
	void grace(Duration grace) {
		this.graceNanos = grace.toNanos();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!cacheable(request, path)) {
			chain.doFilter(request, response);
			return;
		}
		String key = PublicCacheKey.key(request, path);
		Generation generation = currentGeneration(path);
		// the warm-up's own request (its secret matched): rendered and stored, never
		// answered with an older entry, not counted by the rate limit nor as a visit
		boolean internal = warmUp.internal(request);
		if (internal) {
			request.setAttribute(PublicPageWarmUp.INTERNAL, Boolean.TRUE);
		}
		else {
			pages.visited(key, request, path);
		}
		Entry hit = entries.getIfPresent(key);
		if (hit != null && hit.generation().label().equals(generation.label())) {
			replay(hit, request, response, "hit");
			return;
		}
		if (hit != null && !internal && stillShown(hit, generation)) {
			warmUp.refresh(key, PopularPublicPages.Page.of(request, path));
			replay(hit, request, response, "stale");
			return;
		}
		// one render per key at a time: after a publish, concurrent visitors of a page
		// wait for the first one's answer
		ReentrantLock lock = rendering.computeIfAbsent(key, k -> new ReentrantLock());
		boolean locked = false;
		try {
			// a heavy export is not waited for: a client that stops reading it would hold
			// every visitor of that URL
			// (and their threads) for the whole wait; each renders itself, under
			// HeavyExportLimit's caps
			locked = lock.tryLock(HeavyExportLimit.isHeavy(path) ? 0 : RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (locked) {
				hit = entries.getIfPresent(key);
				if (hit != null && hit.generation().label().equals(generation.label())) {
					replay(hit, request, response, "hit");
					return;
				}
			}
			render(request, response, chain, key, generation);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServletException(ex);
		}
		finally {
			if (locked) {
				lock.unlock();
				if (!lock.hasQueuedThreads()) {
					rendering.remove(key, lock);
				}
			}
		}
	}

	private void render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String key,
			Generation generation) throws ServletException, IOException {
		response.setHeader("Cache-Control", CACHE_CONTROL);
		ResponseCapture capture = new ResponseCapture(response, maxEntryBytes);
		try {
			chain.doFilter(request, capture);
		}
		finally {
			capture.finishCapture();
		}
		if (request.isAsyncStarted()) {
			capture.passThrough();
			return;
		}
		byte[] body = capture.captured();
		if (body == null) {
			return;
		}
		// a session this request made (its cookie is written by Spring Session's filter,
		// outside this one) means the answer may hold that visitor's own data
		if (capture.getStatus() == 200 && !capture.setsCookie() && request.getSession(false) == null
				&& !forbidsStoring(response.getHeader("Cache-Control"))) {
			String etag = response.getHeader("ETag");
			if (etag == null) {
				etag = etag(body);
				response.setHeader("ETag", etag);
			}
			response.addHeader("Vary", "Cookie");
			response.setHeader(STATUS_HEADER, "miss");
			Entry entry = new Entry(generation, capture.getContentType(), capture.locale(), headers(response), body,
					etag, date(response.getHeader("Last-Modified")), files.write(body));
			entries.put(key, entry);
		}
		else {
			notStored(response);
		}
		if (body.length > 0) {
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
	}

	/**
	 * The handler said the answer may not be kept ({@code no-store} or {@code private}).
	 */
	static boolean forbidsStoring(String cacheControl) {
		if (cacheControl == null) {
			return false;
		}
		String value = cacheControl.toLowerCase(Locale.ROOT);
		return value.contains("no-store") || value.contains("private");
	}

	/**
	 * An answer that is not stored (an error, a redirect, a cookie) is as strict as
	 * Spring Security's default.
	 */
	static void notStored(HttpServletResponse response) {
		if (CACHE_CONTROL.equals(response.getHeader("Cache-Control"))) {
			response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
			response.setHeader("Pragma", "no-cache");
			response.setHeader("Expires", "0");
		}
	}

	private boolean cacheable(HttpServletRequest request, String path) {
		if (!enabled || !ready || !"GET".equals(request.getMethod())
				|| (request.getRequestedSessionId() != null && request.isRequestedSessionIdValid())
				|| RequestCredentials.carried(request) || request.getHeader("Range") != null) {
			return false;
		}
		if (!PublicCacheKey.canonical(request, path)) {
			return false;
		}
		PathContainer container = PathContainer.parsePath(path);
		for (PathPattern pattern : publicRoutes) {
			if (pattern.matches(container)) {
				return true;
			}
		}
		return false;
	}

	private static List<String[]> headers(HttpServletResponse response) {
		List<String[]> headers = new ArrayList<>();
		for (String name : Set.copyOf(response.getHeaderNames())) {
			if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
				for (String value : response.getHeaders(name)) {
					headers.add(new String[] { name, value });
				}
			}
		}
		return headers;
	}

	private void replay(Entry entry, HttpServletRequest request, HttpServletResponse response, String status)
			throws IOException {
		for (String[] header : entry.headers()) {
			if (response.containsHeader(header[0]) && !"Vary".equalsIgnoreCase(header[0])) {
				response.setHeader(header[0], header[1]);
			}
			else {
				response.addHeader(header[0], header[1]);
			}
		}
		response.setHeader(STATUS_HEADER, status);
		// the one conditional-GET path: Spring's, as the open-data responses use it
		if (new ServletWebRequest(request, response).checkNotModified(entry.etag(), entry.lastModified())) {
			return;
		}
		if (entry.locale() != null) {
			response.setLocale(entry.locale());
		}
		if (entry.contentType() != null) {
			response.setContentType(entry.contentType());
		}
		if (files.send(entry.file(), entry.body().length, request, response)) {
			return;
		}
		response.setContentLength(entry.body().length);
		response.getOutputStream().write(entry.body());
	}

	private static long date(String value) {
		if (value == null) {
			return -1;
		}
		try {
			return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			return -1;
		}
	}

	private static String etag(byte[] body) {
		try {
			return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
