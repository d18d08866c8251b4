package be.obmi.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import be.obmi.audit.DataChanged;
import be.obmi.identity.RequestCredentials;
import be.obmi.identity.PublicRoutes;
import be.obmi.tenancy.Tenants;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.server.PathContainer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
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
 * Never stale: every entry carries the data generation of its tenant, and every
 * {@link DataChanged} (announced with each change of domain data: imports, publications,
 * undo) moves that tenant's generation on synchronously right after its transaction
 * commits; a change of platform data (no tenant) or of a tenant itself moves every tenant
 * on. An entry whose generation is no longer current is never served, also when it was
 * filled by a request that read the old data while the change was being committed.
 * <p>
 * Only requests without a (valid) session and without credentials (HTTP Basic or a bearer
 * token) are served from or stored in the cache; a made-up session cookie or another
 * {@code Authorization} scheme does not skip it. So a logged-in user's page is never
 * stored or shown to anyone else; responses that set a cookie, are not 200, or are larger
 * than the entry limit are passed through untouched. The key holds everything an
 * anonymous response depends on: path and query, the language cookie, {@code Accept},
 * {@code Origin} (CORS), htmx headers and the host. Single-instance: each application
 * instance keeps its own cache.
 */
final class PublicResponseCache extends OncePerRequestFilter {

	/** The cookie of the language choice (see {@link WebConfiguration}). */
	static final String LANGUAGE_COOKIE = "obmi-taal";

	static final String CACHE_CONTROL = "no-cache";

	static final String STATUS_HEADER = "X-Obmi-Cache";

	private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "date", "content-length", "transfer-encoding",
			"connection", "keep-alive", "x-ratelimit-remaining", "content-type", "content-language",
			STATUS_HEADER.toLowerCase(Locale.ROOT));

	private static final List<String> KEY_HEADERS = List.of("Accept", "Origin", "HX-Request", "HX-Boosted", "HX-Target",
			"Host", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix", "Forwarded");

	/**
	 * One stored answer; {@code generation} is the data generation it was rendered from.
	 */
	record Entry(String generation, String contentType, Locale locale, List<String[]> headers, byte[] body, String etag,
			long lastModified) {
	}

	private final List<PathPattern> publicRoutes;

	private final Tenants tenants;

	private final Cache<String, Entry> entries;

	private final int maxEntryBytes;

	private final boolean enabled;

	private volatile boolean ready;

	/** Moves on with every change of platform-wide data: every tenant's pages show it. */
	private final AtomicLong platformGeneration = new AtomicLong();

	/**
	 * Moves on with every change of any data: for responses that are not one tenant's.
	 */
	private final AtomicLong anyGeneration = new AtomicLong();

	private final Map<String, AtomicLong> tenantGenerations = new ConcurrentHashMap<>();

	/**
	 * The keys being rendered now, each with the lock its concurrent requests wait on.
	 */
	private final Map<String, ReentrantLock> rendering = new ConcurrentHashMap<>();

	/**
	 * How long a request waits for another request rendering the same key before it
	 * renders itself.
	 */
	private static final Duration RENDER_WAIT = Duration.ofSeconds(30);

	PublicResponseCache(List<PublicRoutes> routes, Tenants tenants, boolean enabled, DataSize maxSize,
			DataSize maxEntrySize) {
		PathPatternParser parser = new PathPatternParser();
		this.publicRoutes = routes.stream().flatMap(r -> r.patterns().stream()).map(parser::parse).toList();
		this.tenants = tenants;
		this.enabled = enabled;
		this.maxEntryBytes = (int) Math.min(Integer.MAX_VALUE - 8, maxEntrySize.toBytes());
		this.entries = Caffeine.newBuilder()
			.maximumWeight(maxSize.toBytes())
			.weigher((String key, Entry e) -> key.length() * 2 + e.body().length + 512)
			.build();
	}

	/**
	 * Demo and reference data are written at start without history: the cache opens only
	 * when the start is done.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void open() {
		entries.invalidateAll();
		ready = true;
	}

	/**
	 * Moves the changed tenant's generation on after the change commits (at once when
	 * there is no transaction), in the committing thread, so the request that published
	 * sees its change on its next page.
	 */
	@EventListener
	void on(DataChanged event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					invalidate(event);
				}
			});
		}
		else {
			invalidate(event);
		}
	}

	void invalidate(DataChanged event) {
		anyGeneration.incrementAndGet();
		if (event.tenantId() == null || "bestuur".equals(event.entityType())) {
			platformGeneration.incrementAndGet();
		}
		else {
			tenants.byId(event.tenantId())
				.ifPresentOrElse(t -> generation(t.slug()).incrementAndGet(), platformGeneration::incrementAndGet);
		}
	}

	private AtomicLong generation(String slug) {
		return tenantGenerations.computeIfAbsent(slug, s -> new AtomicLong());
	}

	/** The current data generation of the tenant (or API scope) a path belongs to. */
	private String currentGeneration(String path) {
		String owner = owner(path);
		if (owner == null) {
			return "*" + anyGeneration.get();
		}
		return platformGeneration.get() + "." + generation(owner).get();
	}

	/**
	 * The slug of {@code /{slug}/…} or {@code /api/v1/{slug}/…}; null for platform-wide
	 * paths.
	 */
	static String owner(String path) {
		String[] parts = path.split("/");
		if (parts.length > 3 && "api".equals(parts[1]) && "v1".equals(parts[2])) {
			return parts[3];
		}
		if (parts.length > 2 && !"cijfers".equals(parts[1])) {
			return parts[1];
		}
		return null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!cacheable(request, path)) {
			chain.doFilter(request, response);
			return;
		}
		String key = key(request, path);
		String generation = currentGeneration(path);
		Entry hit = entries.getIfPresent(key);
		if (hit != null && hit.generation().equals(generation)) {
			replay(hit, request, response);
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
				if (hit != null && hit.generation().equals(generation)) {
					replay(hit, request, response);
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
			String generation) throws ServletException, IOException {
		response.setHeader("Cache-Control", CACHE_CONTROL);
		Capture capture = new Capture(response, maxEntryBytes);
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
		if (capture.getStatus() == 200 && !capture.setsCookie()
				&& !forbidsStoring(response.getHeader("Cache-Control"))) {
			String etag = response.getHeader("ETag");
			if (etag == null) {
				etag = etag(body);
				response.setHeader("ETag", etag);
			}
			response.addHeader("Vary", "Cookie");
			response.setHeader(STATUS_HEADER, "miss");
			Entry entry = new Entry(generation, capture.getContentType(), capture.locale, headers(response), body, etag,
					date(response.getHeader("Last-Modified")));
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
		if (!canonical(request, path)) {
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

	/**
	 * Whether the request names its page the one canonical way: the path as sent equals
	 * the path the servlet container decoded and normalised (so no percent-encoding such
	 * as {@code /g%65nt}, no dot segments, no double slashes, no path parameters) and its
	 * tenant slug is lower case. Only then does the key's owner name the tenant whose
	 * changes move the entry's generation on; any other spelling is rendered afresh,
	 * never stored or replayed, so no variant can keep serving data after it was
	 * retracted.
	 */
	static boolean canonical(HttpServletRequest request, String path) {
		String decoded = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		if (!path.equals(decoded)) {
			return false;
		}
		String owner = owner(path);
		return owner == null || owner.equals(owner.toLowerCase(Locale.ROOT));
	}

	private static String key(HttpServletRequest request, String path) {
		StringBuilder key = new StringBuilder(path);
		if (request.getQueryString() != null) {
			key.append('?').append(request.getQueryString());
		}
		key.append("|lang=").append(languageCookie(request));
		for (String header : KEY_HEADERS) {
			String value = request.getHeader(header);
			if (value != null) {
				key.append('|').append(header).append('=').append(value);
			}
		}
		return key.toString();
	}

	private static String languageCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (LANGUAGE_COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return "";
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

	private static void replay(Entry entry, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		for (String[] header : entry.headers()) {
			if (response.containsHeader(header[0]) && !"Vary".equalsIgnoreCase(header[0])) {
				response.setHeader(header[0], header[1]);
			}
			else {
				response.addHeader(header[0], header[1]);
			}
		}
		response.setHeader(STATUS_HEADER, "hit");
		if (notModified(entry, request)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		if (entry.locale() != null) {
			response.setLocale(entry.locale());
		}
		if (entry.contentType() != null) {
			response.setContentType(entry.contentType());
		}
		response.setContentLength(entry.body().length);
		response.getOutputStream().write(entry.body());
	}

	private static boolean notModified(Entry entry, HttpServletRequest request) {
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (ifNoneMatch != null) {
			String tag = stripWeak(entry.etag());
			for (String candidate : ifNoneMatch.split(",")) {
				String c = candidate.trim();
				if ("*".equals(c) || stripWeak(c).equals(tag)) {
					return true;
				}
			}
			return false;
		}
		long since;
		try {
			since = request.getDateHeader("If-Modified-Since");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return since >= 0 && entry.lastModified() >= 0 && entry.lastModified() / 1000 <= since / 1000;
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

	private static String stripWeak(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

	private static String etag(byte[] body) {
		try {
			return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Holds the body back up to {@code limit} bytes; beyond that it writes what it holds
	 * and streams the rest straight through (then nothing is stored: exports may be
	 * large).
	 */
	static final class Capture extends HttpServletResponseWrapper {

		private final HttpServletResponse target;

		private final int limit;

		private ByteArrayOutputStream buffer = new ByteArrayOutputStream();

		private boolean overflowed;

		private boolean setsCookie;

		private Locale locale;

		private ServletOutputStream stream;

		private PrintWriter writer;

		Capture(HttpServletResponse target, int limit) {
			super(target);
			this.target = target;
			this.limit = limit;
		}

		@Override
		public void addCookie(Cookie cookie) {
			setsCookie = true;
			super.addCookie(cookie);
		}

		@Override
		public void addHeader(String name, String value) {
			if ("Set-Cookie".equalsIgnoreCase(name)) {
				setsCookie = true;
			}
			super.addHeader(name, value);
		}

		@Override
		public void setHeader(String name, String value) {
			if ("Set-Cookie".equalsIgnoreCase(name)) {
				setsCookie = true;
			}
			super.setHeader(name, value);
		}

		@Override
		public void setLocale(Locale loc) {
			this.locale = loc;
			super.setLocale(loc);
		}

		// after sendError or sendRedirect the container ignores header changes: make the
		// answer strict first
		@Override
		public void sendError(int sc, String msg) throws IOException {
			notStored(target);
			super.sendError(sc, msg);
		}

		@Override
		public void sendError(int sc) throws IOException {
			notStored(target);
			super.sendError(sc);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			notStored(target);
			super.sendRedirect(location);
		}

		boolean setsCookie() {
			return setsCookie || target.getHeader("Set-Cookie") != null;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			if (stream == null) {
				stream = new ServletOutputStream() {
					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						throw new UnsupportedOperationException();
					}

					@Override
					public void write(int b) throws IOException {
						write(new byte[] { (byte) b }, 0, 1);
					}

					@Override
					public void write(byte[] b, int off, int len) throws IOException {
						Capture.this.write(b, off, len);
					}

					@Override
					public void flush() throws IOException {
						if (overflowed) {
							target.getOutputStream().flush();
						}
					}
				};
			}
			return stream;
		}

		@Override
		public PrintWriter getWriter() {
			if (writer == null) {
				String encoding = getCharacterEncoding();
				Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
				writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
			}
			return writer;
		}

		@Override
		public void flushBuffer() throws IOException {
			if (writer != null) {
				writer.flush();
			}
			if (overflowed) {
				target.flushBuffer();
			}
		}

		@Override
		public void resetBuffer() {
			if (!overflowed) {
				buffer.reset();
			}
			super.resetBuffer();
		}

		@Override
		public void reset() {
			if (!overflowed) {
				buffer.reset();
			}
			setsCookie = false;
			super.reset();
		}

		@Override
		public void setContentLength(int len) {
			// the length is set from the stored body (or by the container when streaming)
		}

		@Override
		public void setContentLengthLong(long len) {
		}

		private void write(byte[] b, int off, int len) throws IOException {
			if (overflowed) {
				target.getOutputStream().write(b, off, len);
				return;
			}
			if (buffer.size() + len > limit) {
				overflowed = true;
				target.getOutputStream().write(buffer.toByteArray());
				buffer = null;
				target.getOutputStream().write(b, off, len);
				return;
			}
			buffer.write(b, off, len);
		}

		/**
		 * From now on every byte goes straight to the client (asynchronous answers are
		 * not stored).
		 */
		void passThrough() throws IOException {
			if (!overflowed) {
				overflowed = true;
				byte[] held = buffer.toByteArray();
				buffer = null;
				if (held.length > 0) {
					target.getOutputStream().write(held);
				}
			}
		}

		void finishCapture() {
			if (writer != null) {
				writer.flush();
			}
		}

		/** The held-back body, or null when it was streamed through. */
		byte[] captured() {
			return overflowed ? null : buffer.toByteArray();
		}

	}

}
