package be.obmi.knowledge.newsletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import be.obmi.knowledge.domain.RichText;
import be.obmi.knowledge.search.SearchDocument;
import be.obmi.knowledge.search.SearchIndex;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsletter's issues: drafts the editors compose from published news items, events
 * and cases; sending gives the next number (continuing
 * {@code obmi.knowledge.newsletter.first-number}), marks the issue SENDING and queues one
 * delivery per active subscriber, all in one transaction. {@link NewsletterDispatch}
 * sends the deliveries and marks the issue SENT.
 */
@Service
public class NewsletterIssues {

	private static final String SELECT = """
			select i.*,
			    (select count(*) from knowledge.newsletter_delivery d where d.issue_id = i.id and d.status = 'SENT')
			        as delivered,
			    (select count(*) from knowledge.newsletter_delivery d where d.issue_id = i.id and d.status = 'FAILED')
			        as failed,
			    (select count(*) from knowledge.newsletter_delivery d where d.issue_id = i.id) as deliveries
			from knowledge.newsletter_issue i\s""";

	/** Published content an issue may hold, with its page. */
	private static final String CONTENT = """
			select n.kind, n.id as ref_id, n.title, n.summary,
			    case when n.kind = 'EVENT' then '/kennis/agenda/' else '/kennis/nieuws/' end || n.id as path,
			    coalesce(n.starts_at, n.published_at) as at
			from knowledge.news_item n where n.published
			union all
			select 'CASE', c.id, c.title, c.summary, '/kennis/collecties/' || k.code || '/' || c.public_id,
			    coalesce(c.updated_at, c.created_at)
			from knowledge.knowledge_case c join knowledge.collection k on k.id = c.collection_id
			where c.status = 'PUBLISHED'""";

	private final JdbcClient jdbc;

	private final SearchIndex search;

	private final int firstNumber;

	NewsletterIssues(JdbcClient jdbc, SearchIndex search,
			@Value("${obmi.knowledge.newsletter.first-number:150}") int firstNumber) {
		this.jdbc = jdbc;
		this.search = search;
		this.firstNumber = firstNumber;
	}

	/**
	 * Every issue for the editors: drafts and the ones going out first, then by number.
	 */
	@Transactional(readOnly = true)
	public List<NewsletterIssue> all() {
		return jdbc.sql(SELECT + "order by i.number desc nulls first, i.id desc").query(this::issue).list();
	}

	/** The sent issues, latest first (the public archive). */
	@Transactional(readOnly = true)
	public List<NewsletterIssue> sent() {
		return jdbc.sql(SELECT + "where i.status = 'SENT' order by i.number desc").query(this::issue).list();
	}

	@Transactional(readOnly = true)
	public Optional<NewsletterIssue> byId(long id) {
		return jdbc.sql(SELECT + "where i.id = ?").param(id).query(this::issue).optional();
	}

	/** A sent issue by its number (the archive page). */
	@Transactional(readOnly = true)
	public Optional<NewsletterIssue> sentIssue(int number) {
		return jdbc.sql(SELECT + "where i.number = ? and i.status = 'SENT'")
			.param(number)
			.query(this::issue)
			.optional();
	}

	public NewsletterIssue require(long id) {
		return byId(id).orElseThrow(() -> new NotFoundException(Reason.of("knowledge.refused.newsletter.unknown", id)));
	}

	/**
	 * The published news items, events and cases an editor may choose from, newest first.
	 */
	@Transactional(readOnly = true)
	public List<NewsletterIssue.Item> candidates(int limit) {
		return jdbc.sql("select * from (" + CONTENT + ") x order by at desc nulls last, kind, ref_id limit ?")
			.param(limit)
			.query(NewsletterIssues::item)
			.list();
	}

	/** Creates a draft. */
	@Transactional
	public NewsletterIssue create(IssueForm form, String author) {
		String title = title(form);
		long id = jdbc.sql("""
				insert into knowledge.newsletter_issue (title, intro, author) values (?, ?, ?) returning id""")
			.params(title, RichText.sanitised(form.intro()), author)
			.query(Long.class)
			.single();
		writeItems(id, form.items());
		return require(id);
	}

	/**
	 * Saves a draft.
	 * @throws ConcurrentChangeException when it was saved or sent since the form was
	 * loaded
	 */
	@Transactional
	public NewsletterIssue update(long id, IssueForm form) {
		require(id);
		String title = title(form);
		int changed = jdbc.sql("""
				update knowledge.newsletter_issue set title = ?, intro = ?, version = version + 1
				where id = ? and version = ? and status = 'DRAFT'""")
			.params(title, RichText.sanitised(form.intro()), id, form.version() == null ? -1 : form.version())
			.update();
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("knowledge.refused.newsletter.concurrent"));
		}
		jdbc.sql("delete from knowledge.newsletter_issue_item where issue_id = ?").param(id).update();
		writeItems(id, form.items());
		return require(id);
	}

	/**
	 * Sends a draft: gives it the next number, marks it SENDING and queues one delivery
	 * per confirmed subscriber who has not unsubscribed. The mails go out from
	 * {@link NewsletterDispatch}.
	 * @throws ConcurrentChangeException when it changed or was sent since it was loaded
	 */
	@Transactional
	public NewsletterIssue send(long id, int version) {
		NewsletterIssue draft = require(id);
		if (!draft.draft()) {
			throw new RefusedStateException(Reason.of("knowledge.refused.newsletter.notDraft"));
		}
		jdbc.sql("lock table knowledge.newsletter_issue in share row exclusive mode").update();
		int changed = jdbc.sql("""
				update knowledge.newsletter_issue set status = 'SENDING', sent_at = now(), version = version + 1,
				    number = greatest((select max(number) from knowledge.newsletter_issue), ? - 1) + 1
				where id = ? and version = ? and status = 'DRAFT'""").params(firstNumber, id, version).update();
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("knowledge.refused.newsletter.concurrent"));
		}
		jdbc.sql("""
				insert into knowledge.newsletter_delivery (issue_id, subscriber_id)
				select ?, s.id from knowledge.newsletter_subscriber s
				where s.confirmed_at is not null and s.unsubscribed_at is null""").param(id).update();
		return require(id);
	}

	/**
	 * Marks the issues whose deliveries are all done as SENT and puts them into the
	 * search.
	 * @return the issues finished now
	 */
	@Transactional
	public List<NewsletterIssue> finish() {
		List<Long> done = jdbc.sql("""
				update knowledge.newsletter_issue i set status = 'SENT'
				where i.status = 'SENDING' and not exists (select 1 from knowledge.newsletter_delivery d
				    where d.issue_id = i.id and d.status in ('PENDING', 'CLAIMED'))
				returning i.id""").query(Long.class).list();
		List<NewsletterIssue> issues = done.stream().map(this::require).toList();
		issues.forEach(this::index);
		return issues;
	}

	/**
	 * Adds a sent issue of the archive without deliveries (demo data) unless one with its
	 * number exists.
	 */
	@Transactional
	public void ensureArchived(int number, String title, String intro, Instant sentAt, String author, boolean demo) {
		List<Long> id = jdbc.sql("""
				insert into knowledge.newsletter_issue (number, title, intro, status, demo, author, sent_at)
				values (?, ?, ?, 'SENT', ?, ?, ?) on conflict (number) do nothing returning id""")
			.params(number, title, RichText.sanitised(intro), demo, author, Timestamp.from(sentAt))
			.query(Long.class)
			.list();
		id.forEach(i -> index(require(i)));
	}

	private void index(NewsletterIssue issue) {
		String body = String.join(" ", issue.items().stream().map(i -> i.title() + " " + i.summary()).toList());
		search.put(new SearchDocument(SearchDocument.Kind.NEWSLETTER, issue.id(), null, null,
				"#" + issue.number() + " " + issue.title(), RichText.plain(issue.intro()), body, "",
				issue.status() == NewsletterIssue.Status.SENT, null, List.of(), issue.sentOn(), null, null,
				issue.path()));
	}

	private static String title(IssueForm form) {
		String title = form.title() == null ? "" : form.title().strip();
		if (title.isEmpty() || title.length() > 300) {
			throw new RefusedValueException(Reason.of("knowledge.refused.newsletter.title"));
		}
		return title;
	}

	private void writeItems(long id, List<String> keys) {
		int position = 0;
		for (String key : new LinkedHashSet<>(keys)) {
			String[] parts = key == null ? new String[0] : key.split(":", 2);
			long ref = parts.length == 2 && parts[1].matches("[0-9]{1,18}") ? Long.parseLong(parts[1]) : -1;
			long found = jdbc.sql("select count(*) from (" + CONTENT + ") x where x.kind = ? and x.ref_id = ?")
				.params(parts.length == 2 ? parts[0] : "", ref)
				.query(Long.class)
				.single();
			if (found == 0) {
				throw new RefusedValueException(Reason.of("knowledge.refused.newsletter.item", String.valueOf(key)));
			}
			jdbc.sql(
					"insert into knowledge.newsletter_issue_item (issue_id, kind, ref_id, position) values (?, ?, ?, ?)")
				.params(id, parts[0], ref, position++)
				.update();
		}
	}

	private List<NewsletterIssue.Item> items(long issueId) {
		return jdbc.sql("""
				select x.* from knowledge.newsletter_issue_item ii
				join (%s) x on x.kind = ii.kind and x.ref_id = ii.ref_id
				where ii.issue_id = ? order by ii.position""".formatted(CONTENT))
			.param(issueId)
			.query(NewsletterIssues::item)
			.list();
	}

	private static NewsletterIssue.Item item(ResultSet rs, int row) throws SQLException {
		return new NewsletterIssue.Item(rs.getString("kind"), rs.getLong("ref_id"), rs.getString("title"),
				rs.getString("summary"), rs.getString("path"));
	}

	private NewsletterIssue issue(ResultSet rs, int row) throws SQLException {
		Timestamp sent = rs.getTimestamp("sent_at");
		long id = rs.getLong("id");
		return new NewsletterIssue(id, (Integer) rs.getObject("number"), rs.getString("title"), rs.getString("intro"),
				NewsletterIssue.Status.valueOf(rs.getString("status")), rs.getBoolean("demo"), rs.getString("author"),
				sent == null ? null : sent.toInstant(), rs.getInt("version"), new ArrayList<>(items(id)),
				rs.getLong("delivered"), rs.getLong("failed"), rs.getLong("deliveries"));
	}

}
