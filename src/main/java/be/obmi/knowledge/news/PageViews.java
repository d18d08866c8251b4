package be.obmi.knowledge.news;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.PreDestroy;

import be.obmi.shared.DailyCounts;
import be.obmi.shared.EveryInstance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's visitor figures: views per day, page group and key (a collection's code or
 * an item's id), counted on the server. Nothing about the visitor is kept: no IP address,
 * cookie, user agent or full URL.
 */
@Service
public class PageViews {

	private final JdbcClient jdbc;

	private final DailyCounts<Key> pending = new DailyCounts<>();

	PageViews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The groups pages are counted in. */
	public enum Group {

		HOME, COLLECTION, CASE, NEWS, EVENT, SEARCH, THEME, OTHER

	}

	/** The views of a group and key on a day. */
	public record Count(LocalDate day, String group, String key, long views) {
	}

	/**
	 * Counts one view, in memory: a page view costs no database write. {@link #flush()}
	 * adds the counts to the table.
	 */
	public void count(LocalDate day, Group group, String key) {
		pending.add(day, new Key(group.name(), key == null ? "" : key));
	}

	/**
	 * Adds the views counted since the last flush to {@code knowledge.page_view}, one
	 * upsert per page; every {@code obmi.knowledge.visitors.flush-delay} (1 s) and at
	 * shutdown.
	 */
	@Scheduled(fixedDelayString = "${obmi.knowledge.visitors.flush-delay:PT1S}")
	@EveryInstance("adds this instance's in-memory counts to the table")
	@PreDestroy
	public void flush() {
		pending.drain(LocalDate.now(NewsItem.ZONE),
				(page, added) -> jdbc.sql("""
						insert into knowledge.page_view (day, page_group, page_key, views) values (?, ?, ?, ?)
						on conflict (day, page_group, page_key) do update set views = knowledge.page_view.views + ?""")
					.params(page.day(), page.key().group(), page.key().key(), added, added)
					.update());
	}

	private record Key(String group, String key) {
	}

	/** The views per day and group since a day, latest day first. */
	@Transactional(readOnly = true)
	public List<Count> perGroup(LocalDate since) {
		return jdbc.sql("""
				select day, page_group, '' as page_key, sum(views) as views from knowledge.page_view where day >= ?
				group by day, page_group order by day desc, page_group""")
			.param(since)
			.query((rs, n) -> new Count(rs.getDate("day").toLocalDate(), rs.getString("page_group"), "",
					rs.getLong("views")))
			.list();
	}

	/** The views per group and key since a day, most viewed first. */
	@Transactional(readOnly = true)
	public List<Count> perKey(LocalDate since, int limit) {
		return jdbc.sql("""
				select page_group, page_key, sum(views) as views from knowledge.page_view where day >= ?
				group by page_group, page_key order by views desc, page_group, page_key limit ?""")
			.params(since, limit)
			.query((rs, n) -> new Count(since, rs.getString("page_group"), rs.getString("page_key"),
					rs.getLong("views")))
			.list();
	}

}
