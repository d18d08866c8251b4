package be.obmi.knowledge.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.regex.Pattern;

import be.obmi.knowledge.news.NewsItem;
import be.obmi.knowledge.news.PageViews;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the portal's page views on the server, without trackers: every GET under
 * {@code /kennis} answered 200 adds one to its day (Europe/Brussels) and page group in
 * {@code knowledge.page_view}. A servlet filter ordered before the public response cache
 * (see {@link KnowledgeVisitorConfiguration}), so pages answered from the cache count
 * too; a browser's revalidation answered 304 does not. Only the group and a key the path
 * itself names (a collection's code, an item's id) are kept: no IP address, cookie, user
 * agent, query or full URL.
 */
class KnowledgeVisitorCounter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeVisitorCounter.class);

	private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,60}");

	private static final Pattern ID = Pattern.compile("[0-9]{1,18}|[0-9a-f-]{36}");

	private final PageViews views;

	KnowledgeVisitorCounter(PageViews views) {
		this.views = views;
	}

	/** A page's group and key. */
	record Page(PageViews.Group group, String key) {
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return !"GET".equals(request.getMethod()) || !(path.equals("/kennis") || path.startsWith("/kennis/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_OK && request.getHeader("HX-Request") == null) {
			Page page = page(path(request));
			try {
				views.count(LocalDate.now(NewsItem.ZONE), page.group(), page.key());
			}
			catch (DataAccessException ex) {
				log.warn("Page view not counted: {}", ex.getMessage());
			}
		}
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * The group of a path under {@code /kennis}, with a key only when it is well-formed.
	 */
	static Page page(String path) {
		String[] parts = path.replaceAll("/+$", "").split("/");
		String first = parts.length > 2 ? parts[2] : "";
		String second = parts.length > 3 ? parts[3] : "";
		return switch (first) {
			case "" -> new Page(PageViews.Group.HOME, "");
			case "collecties" -> parts.length > 4 ? new Page(PageViews.Group.CASE, key(ID, parts[4]))
					: new Page(PageViews.Group.COLLECTION, key(CODE, second));
			case "nieuws", "nieuws.atom", "nieuws.rss" -> new Page(PageViews.Group.NEWS, key(ID, second));
			case "agenda", "agenda.ics" -> new Page(PageViews.Group.EVENT, key(ID, second.replace(".ics", "")));
			case "zoeken" -> new Page(PageViews.Group.SEARCH, "");
			case "themas" -> new Page(PageViews.Group.THEME, key(CODE, second));
			default -> new Page(PageViews.Group.OTHER, key(CODE, first));
		};
	}

	private static String key(Pattern pattern, String value) {
		return value != null && pattern.matcher(value).matches() ? value : "";
	}

}
