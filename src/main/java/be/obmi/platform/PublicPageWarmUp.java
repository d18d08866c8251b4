package be.obmi.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import be.obmi.audit.GenerationsMoved;
import be.obmi.tenancy.Tenants;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Renders the most visited public pages into the {@link PublicResponseCache} before
 * visitors ask for them (issue 20 goal 5, ADR 0018): right after a change moved a
 * tenant's generation on, the tenant's most visited pages; at start, before readiness
 * turns to {@code ACCEPTING_TRAFFIC}, the pages saved before the last stop.
 * <p>
 * Each page is a real GET request to this instance (its own port) with the visitors'
 * path, query, language cookie and key headers, and the header {@link #HEADER} with a
 * random secret of this instance: the cache then renders and stores the page (never
 * answers it with an older generation's entry) and the anonymous API rate limit does not
 * count it. A wrong or missing secret is an ordinary anonymous request. Two threads; the
 * committing thread only queues.
 */
class PublicPageWarmUp {

	/** The request header that carries this instance's secret. */
	static final String HEADER = "X-Obmi-Warm-Up";

	/** The request attribute the cache sets on a request whose secret matched. */
	static final String INTERNAL = PublicPageWarmUp.class.getName() + ".INTERNAL";

	private static final Logger log = LoggerFactory.getLogger(PublicPageWarmUp.class);

	private final byte[] secret;

	private final PopularPublicPages pages;

	private final Tenants tenants;

	private final ThreadPoolExecutor pool;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/** The keys queued or being rendered: each once. */
	private final Set<String> pending = ConcurrentHashMap.newKeySet();

	private volatile int pagesPerChange;

	private final int pagesAtStart;

	private final Duration startBudget;

	private volatile int port;

	private volatile boolean hostRefused;

	PublicPageWarmUp(PopularPublicPages pages, Tenants tenants, int pagesPerChange, int pagesAtStart,
			Duration startBudget) {
		this.pages = pages;
		this.tenants = tenants;
		this.pagesPerChange = pagesPerChange;
		this.pagesAtStart = pagesAtStart;
		this.startBudget = startBudget;
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.secret = HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
				task -> Thread.ofPlatform().daemon().name("obmi-warm-up-" + threads.incrementAndGet()).unstarted(task),
				new ThreadPoolExecutor.DiscardPolicy());
	}

	/** Whether the request carries this instance's secret (compared in constant time). */
	boolean internal(HttpServletRequest request) {
		String value = request.getHeader(HEADER);
		return value != null && MessageDigest.isEqual(secret, value.getBytes(StandardCharsets.US_ASCII));
	}

	/** For tests: how many pages a change renders (0: none). */
	void pagesPerChange(int pages) {
		this.pagesPerChange = pages;
	}

	/** For tests: nothing queued or being rendered. */
	boolean idle() {
		return pending.isEmpty() && pool.getQueue().isEmpty() && pool.getActiveCount() == 0;
	}

	@EventListener
	void serverStarted(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getParent() == null || port == 0) {
			port = event.getWebServer().getPort();
		}
	}

	/**
	 * After a change committed (here or on another instance): the changed tenant's most
	 * visited pages (every tenant's for a platform-wide change), queued.
	 */
	@EventListener
	void moved(GenerationsMoved event) {
		int limit = pagesPerChange;
		if (limit <= 0 || port <= 0) {
			return;
		}
		Map<String, PopularPublicPages.Page> top = event.platformWide() ? pages.top(null, limit)
				: pages.top(slug(event.tenantId()), limit);
		top.forEach(this::refresh);
	}

	private String slug(Long tenantId) {
		return tenantId == null ? null : tenants.slugsById(List.of(tenantId)).getOrDefault(tenantId, "-");
	}

	/** Queues a render of the page (once while it is queued). */
	Future<?> refresh(String key, PopularPublicPages.Page page) {
		if (port <= 0 || !pending.add(key)) {
			return null;
		}
		return pool.submit(() -> {
			try {
				render(page);
			}
			finally {
				pending.remove(key);
			}
		});
	}

	/** Renders the page through this instance; returns the status (0 when it failed). */
	int render(PopularPublicPages.Page page) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page.target()))
			.timeout(Duration.ofSeconds(60))
			.header(HEADER, new String(secret, StandardCharsets.US_ASCII))
			.GET();
		if (!page.language().isEmpty()) {
			request.header("Cookie", PublicResponseCache.LANGUAGE_COOKIE + "=" + page.language());
		}
		page.headers().forEach((name, value) -> {
			if (!"Host".equalsIgnoreCase(name) || !hostRefused) {
				request.header(name, value);
			}
		});
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IllegalArgumentException ex) {
			// Host is a restricted header unless
			// jdk.httpclient.allowRestrictedHeaders=host
			// (set by Application.main): without it the page is still rendered, under
			// another key
			if (!hostRefused) {
				hostRefused = true;
				log.warn(
						"Warm-up cannot send the visitors' Host header ({}); set -Djdk.httpclient.allowRestrictedHeaders=host",
						ex.getMessage());
				return render(page);
			}
			return 0;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.debug("Warm-up of {} failed: {}", page.target(), ex.getMessage());
			return 0;
		}
	}

	/**
	 * At start, after the demo data and after the cache opened, before readiness turns to
	 * {@code ACCEPTING_TRAFFIC}: the pages saved before the last stop, within the budget.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void warmAtStart() {
		if (pagesAtStart > 0 && port > 0) {
			long started = System.nanoTime();
			int rendered = warm(pages.saved(pagesAtStart), startBudget);
			log.info("Rendered {} public pages into the cache before accepting traffic in {} ms", rendered,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		}
	}

	/** Renders the pages, two at a time, until done or the budget is spent. */
	int warm(List<PopularPublicPages.Page> list, Duration budget) {
		long deadline = System.nanoTime() + budget.toNanos();
		List<Future<Integer>> renders = list.stream().map(page -> pool.submit(() -> {
			return System.nanoTime() < deadline ? render(page) : 0;
		})).toList();
		int rendered = 0;
		for (Future<Integer> render : renders) {
			try {
				long left = deadline - System.nanoTime();
				if (render.get(Math.max(1, left), TimeUnit.NANOSECONDS) == 200) {
					rendered++;
				}
			}
			catch (TimeoutException ex) {
				break;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (Exception ex) {
				log.debug("Warm-up at start failed: {}", ex.getMessage());
			}
		}
		renders.forEach(render -> render.cancel(false));
		return rendered;
	}

	/** Saves the most visited pages (for the next start) and lets old counts fade. */
	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
	@SchedulerLock(name = "platform.save-popular-public-pages", lockAtMostFor = "PT5M")
	void save() {
		pages.save();
		pages.decay();
	}

	/** At a graceful stop, while the database is still there. */
	@PreDestroy
	void stop() {
		pool.shutdownNow();
		try {
			pages.save();
		}
		catch (RuntimeException ex) {
			log.warn("Could not save the most visited public pages: {}", ex.getMessage());
		}
	}

}
