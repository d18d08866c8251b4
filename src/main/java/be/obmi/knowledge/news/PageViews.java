package be.obmi.knowledge.news;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	/** Counts one view. */
	@Transactional
	public void count(LocalDate day, Group group, String key) {
		jdbc.sql("""
				insert into knowledge.page_view (day, page_group, page_key, views) values (?, ?, ?, 1)
				on conflict (day, page_group, page_key) do update set views = knowledge.page_view.views + 1""")
			.params(day, group.name(), key == null ? "" : key)
			.update();
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
