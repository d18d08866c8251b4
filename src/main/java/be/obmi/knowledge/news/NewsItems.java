package be.obmi.knowledge.news;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.audit.FieldChange;
import be.obmi.knowledge.domain.RichText;
import be.obmi.knowledge.search.SearchDocument;
import be.obmi.knowledge.search.SearchIndex;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Kenniscentrum's news items and events: the editors' changes (each recorded in the
 * audit trail and handed to the {@link SearchIndex} in the same transaction) and the
 * portal's reads, which see only published items. The rules of the editors' form are in
 * {@link NewsChecks}.
 */
@Service
public class NewsItems {

	private static final String SELECT = """
			select n.*, array(select t.theme_code from knowledge.news_theme t where t.news_id = n.id
			    order by t.theme_code) as themes
			from knowledge.news_item n \s""";

	private static final String AUDIT_TYPE = "kennisnieuws";

	private final JdbcClient jdbc;

	private final SearchIndex search;

	private final AuditTrail audit;

	NewsItems(JdbcClient jdbc, SearchIndex search, AuditTrail audit) {
		this.jdbc = jdbc;
		this.search = search;
		this.audit = audit;
	}

	/** A page of a list, with the number of items in the whole list. */
	public record Page(List<NewsItem> items, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}

	}

	@Transactional(readOnly = true)
	public Optional<NewsItem> byId(long id) {
		return jdbc.sql(SELECT + "where n.id = ?").param(id).query(NewsItems::item).optional();
	}

	/** A published item of the kind, for the portal. */
	@Transactional(readOnly = true)
	public Optional<NewsItem> published(NewsItem.Kind kind, long id) {
		return byId(id).filter(n -> n.kind() == kind && n.published());
	}

	/** Every item of the kind, for the editors: newest first. */
	@Transactional(readOnly = true)
	public List<NewsItem> all(NewsItem.Kind kind) {
		return jdbc.sql(SELECT + "where n.kind = ? order by coalesce(n.starts_at, n.published_at, n.created_at) desc")
			.param(kind.name())
			.query(NewsItems::item)
			.list();
	}

	/** A page of the published news, newest first (page counts from 0). */
	@Transactional(readOnly = true)
	public Page news(int page, int size) {
		int at = Math.max(0, page);
		long total = jdbc.sql("select count(*) from knowledge.news_item where kind = 'NEWS' and published")
			.query(Long.class)
			.single();
		List<NewsItem> items = jdbc
			.sql(SELECT + "where n.kind = 'NEWS' and n.published order by n.published_at desc, n.id desc "
					+ "limit ? offset ?")
			.params(size, (long) at * size)
			.query(NewsItems::item)
			.list();
		return new Page(items, at, size, total);
	}

	/** The latest published news items. */
	@Transactional(readOnly = true)
	public List<NewsItem> latestNews(int limit) {
		return news(0, limit).items();
	}

	/** Published events not yet over, soonest first. */
	@Transactional(readOnly = true)
	public List<NewsItem> upcomingEvents(int limit) {
		return jdbc
			.sql(SELECT + "where n.kind = 'EVENT' and n.published and n.ends_at >= now() order by n.starts_at limit ?")
			.param(limit)
			.query(NewsItems::item)
			.list();
	}

	/** Published events that are over, latest first. */
	@Transactional(readOnly = true)
	public List<NewsItem> pastEvents(int limit) {
		return jdbc
			.sql(SELECT + "where n.kind = 'EVENT' and n.published and n.ends_at < now() "
					+ "order by n.starts_at desc limit ?")
			.param(limit)
			.query(NewsItems::item)
			.list();
	}

	/**
	 * Published items of the kind, newest (news) or latest starting (events) first,
	 * optionally only those tagged with a theme.
	 * @param theme a theme code, or null for all
	 */
	@Transactional(readOnly = true)
	public List<NewsItem> published(NewsItem.Kind kind, String theme, int limit) {
		return jdbc.sql(SELECT + """
				where n.kind = ? and n.published
				  and (cast(? as varchar) is null or exists (select 1 from knowledge.news_theme t
				      where t.news_id = n.id and t.theme_code = cast(? as varchar)))
				order by coalesce(n.starts_at, n.published_at) desc limit ?""")
			.params(kind.name(), theme, theme, limit)
			.query(NewsItems::item)
			.list();
	}

	/** Creates an unpublished item. */
	@Transactional
	public NewsItem create(NewsItem.Kind kind, NewsForm form, String author, boolean demo) {
		NewsChecks.Checked c = NewsChecks.check(kind, form);
		long id = jdbc.sql("""
				insert into knowledge.news_item (kind, title, summary, body, starts_at, ends_at, location, address,
				    online_link, organiser, registration_link, demo, author)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kind.name(), c.title(), c.summary(), c.body(), c.startsAt(), c.endsAt(), blank(form.location()),
					blank(form.address()), c.onlineLink(), blank(form.organiser()), c.registrationLink(), demo, author)
			.query(Long.class)
			.single();
		writeThemes(id, form.themes());
		NewsItem item = byId(id).orElseThrow();
		audit.created(null, AUDIT_TYPE, String.valueOf(id), item.title(), List.of(FieldChange.added("titel", c.title()),
				FieldChange.added("soort", kind.name()), FieldChange.added("thema's", item.themes())));
		index(item);
		return item;
	}

	/**
	 * Saves an editor's changes.
	 * @throws ConcurrentChangeException when someone else saved it since the form was
	 * loaded
	 */
	@Transactional
	public NewsItem update(long id, NewsForm form) {
		NewsItem before = require(id);
		NewsChecks.Checked c = NewsChecks.check(before.kind(), form);
		int changed = jdbc.sql("""
				update knowledge.news_item set title = ?, summary = ?, body = ?, starts_at = ?, ends_at = ?,
				    location = ?, address = ?, online_link = ?, organiser = ?, registration_link = ?,
				    updated_at = now(), version = version + 1
				where id = ? and version = ?""")
			.params(c.title(), c.summary(), c.body(), c.startsAt(), c.endsAt(), blank(form.location()),
					blank(form.address()), c.onlineLink(), blank(form.organiser()), c.registrationLink(), id,
					form.version() == null ? -1 : form.version())
			.update();
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("knowledge.refused.news.concurrent"));
		}
		jdbc.sql("delete from knowledge.news_theme where news_id = ?").param(id).update();
		writeThemes(id, form.themes());
		NewsItem after = require(id);
		audit.updated(null, AUDIT_TYPE, String.valueOf(id), after.title(),
				Changes.between(before, after, "version", "updatedAt"));
		index(after);
		return after;
	}

	/** Publishes (with the publication time of the first publication) or withdraws. */
	@Transactional
	public NewsItem publish(long id, boolean published, int version) {
		NewsItem before = require(id);
		int changed = jdbc.sql("""
				update knowledge.news_item set published = ?, published_at = coalesce(published_at, now()),
				    updated_at = now(), version = version + 1
				where id = ? and version = ?""").params(published, id, version).update();
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("knowledge.refused.news.concurrent"));
		}
		NewsItem after = require(id);
		audit.updated(null, AUDIT_TYPE, String.valueOf(id), after.title(),
				List.of(FieldChange.between("gepubliceerd", before.published(), published)));
		index(after);
		return after;
	}

	/** Deletes an item and its search entry. */
	@Transactional
	public void delete(long id, int version) {
		NewsItem before = require(id);
		int changed = jdbc.sql("delete from knowledge.news_item where id = ? and version = ?")
			.params(id, version)
			.update();
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("knowledge.refused.news.concurrent"));
		}
		audit.deleted(null, AUDIT_TYPE, String.valueOf(id), before.title(),
				List.of(FieldChange.removed("titel", before.title())));
		search.remove(kindOf(before), id);
	}

	/** The theme codes there are, in their order. */
	@Transactional(readOnly = true)
	public List<String> themeCodes() {
		return jdbc.sql("select code from knowledge.theme order by position, code").query(String.class).list();
	}

	private NewsItem require(long id) {
		return byId(id).orElseThrow(() -> new NotFoundException(Reason.of("knowledge.refused.news.unknown", id)));
	}

	private void writeThemes(long id, List<String> themes) {
		List<String> known = themeCodes();
		for (String theme : themes.stream().distinct().toList()) {
			if (!known.contains(theme)) {
				throw new RefusedValueException(Reason.of("knowledge.refused.news.theme", theme));
			}
			jdbc.sql("insert into knowledge.news_theme (news_id, theme_code) values (?, ?)").params(id, theme).update();
		}
	}

	private void index(NewsItem item) {
		Instant date = item.event() ? item.startsAt() : item.publishedAt();
		search.put(new SearchDocument(kindOf(item), item.id(), null, null, item.title(), item.summary(),
				RichText.plain(item.body()), "", item.published(), null, item.themes(),
				date == null ? null : date.atZone(NewsItem.ZONE).toLocalDate(), null, null, item.path()));
	}

	private static SearchDocument.Kind kindOf(NewsItem item) {
		return item.event() ? SearchDocument.Kind.EVENT : SearchDocument.Kind.NEWS;
	}

	private static String blank(String value) {
		return NewsChecks.blank(value);
	}

	static NewsItem item(ResultSet rs, int row) throws SQLException {
		Array themes = rs.getArray("themes");
		List<String> codes = themes == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) themes.getArray()));
		return new NewsItem(rs.getLong("id"), NewsItem.Kind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("summary"), rs.getString("body"), rs.getBoolean("published"), instant(rs, "published_at"),
				instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("location"), rs.getString("address"),
				rs.getString("online_link"), rs.getString("organiser"), rs.getString("registration_link"),
				rs.getBoolean("demo"), rs.getString("author"), instant(rs, "updated_at"), rs.getInt("version"), codes);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
