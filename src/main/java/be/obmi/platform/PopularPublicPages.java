package be.obmi.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The most visited keys of the {@link PublicResponseCache}, for rendering them again
 * right after a change ({@link PublicPageWarmUp}) and after a restart (kept in
 * {@code platform.popular_public_page}). Bounded: at most {@link #TRACKED} keys are
 * counted; a key first seen when that many are counted is not, until the next
 * {@link #decay()} keeps the {@link #KEPT} most visited with their counts halved, so
 * pages that stopped being visited give way.
 */
class PopularPublicPages {

	/** At most this many keys are counted. */
	static final int TRACKED = 1000;

	/** The most visited keys kept at each decay, and saved. */
	static final int KEPT = 200;

	/**
	 * A page as a request renders it: its path and query, the language cookie and the key
	 * headers the visitors sent (host, {@code Accept}, …).
	 */
	record Page(String target, String language, Map<String, String> headers) {

		/** The tenant slug of the page's path (null for platform-wide pages). */
		String owner() {
			int query = target.indexOf('?');
			return PublicCacheKey.owner(query < 0 ? target : target.substring(0, query));
		}

		static Page of(HttpServletRequest request, String path) {
			String target = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
			Map<String, String> headers = new LinkedHashMap<>();
			for (String header : PublicCacheKey.KEY_HEADERS) {
				String value = request.getHeader(header);
				if (value != null) {
					headers.put(header, value);
				}
			}
			return new Page(target, PublicCacheKey.languageCookie(request), headers);
		}

		/** The headers as saved: one {@code name: value} per line. */
		String headerLines() {
			StringBuilder lines = new StringBuilder();
			headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
			return lines.toString();
		}

		static Map<String, String> headers(String lines) {
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line : lines.split("\n")) {
				int colon = line.indexOf(": ");
				if (colon > 0 && PublicCacheKey.KEY_HEADERS.contains(line.substring(0, colon))) {
					headers.put(line.substring(0, colon), line.substring(colon + 2));
				}
			}
			return headers;
		}

	}

	private record Counted(Page page, AtomicLong visits) {
	}

	private final Map<String, Counted> counts = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	PopularPublicPages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts a visit of a cacheable page (a hit or a render). */
	void visited(String key, HttpServletRequest request, String path) {
		Counted counted = counts.get(key);
		if (counted == null) {
			if (counts.size() >= TRACKED) {
				return;
			}
			counted = counts.computeIfAbsent(key, k -> new Counted(Page.of(request, path), new AtomicLong()));
		}
		counted.visits().incrementAndGet();
	}

	/**
	 * The most visited pages, most visited first, by cache key.
	 * @param owner only the pages of this tenant slug, or every page when null
	 */
	Map<String, Page> top(String owner, int limit) {
		Map<String, Page> top = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.filter(e -> owner == null || owner.equals(e.getValue().page().owner()))
			.sorted(Comparator.comparingLong((Map.Entry<String, Counted> e) -> e.getValue().visits().get()).reversed())
			.limit(limit)
			.forEach(e -> top.put(e.getKey(), e.getValue().page()));
		return top;
	}

	/** Keeps the {@link #KEPT} most visited keys, with half their visits. */
	void decay() {
		Map<String, Page> kept = top(null, KEPT);
		counts.keySet().retainAll(kept.keySet());
		counts.values().forEach(c -> c.visits().updateAndGet(v -> (v + 1) / 2));
	}

	/** Replaces the saved list by the {@link #KEPT} most visited pages. */
	@Transactional
	void save() {
		List<Map.Entry<String, Page>> pages = new ArrayList<>(top(null, KEPT).entrySet());
		jdbc.sql("delete from platform.popular_public_page").update();
		int rank = 0;
		for (Map.Entry<String, Page> page : pages) {
			Counted counted = counts.get(page.getKey());
			jdbc.sql("""
					insert into platform.popular_public_page (rank, target, language, headers, visits)
					values (?, ?, ?, ?, ?)""")
				.params(rank++, page.getValue().target(), page.getValue().language(), page.getValue().headerLines(),
						counted == null ? 0 : counted.visits().get())
				.update();
		}
	}

	/** The saved pages, most visited first. */
	List<Page> saved(int limit) {
		return jdbc.sql("select target, language, headers from platform.popular_public_page order by rank limit ?")
			.param(limit)
			.query((rs, n) -> new Page(rs.getString("target"), rs.getString("language"),
					Page.headers(rs.getString("headers"))))
			.list();
	}

}
