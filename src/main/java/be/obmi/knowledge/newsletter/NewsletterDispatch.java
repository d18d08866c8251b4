package be.obmi.knowledge.newsletter;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import be.obmi.knowledge.domain.RichText;
import be.obmi.notification.MailMessages;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued deliveries of the issues going out, never in a request thread: every
 * {@code obmi.knowledge.newsletter.dispatch-delay} (10 s) and right after an editor sends
 * an issue ({@link #trigger()}, on a thread of its own). A batch of {@value #BATCH}
 * deliveries is claimed in a short transaction ({@code for update skip
 * locked}, so two workers never claim the same one; a claim older than ten minutes, left
 * by a crash, is claimed again), then each mail goes out through {@link MailMessages}
 * outside any transaction and is marked SENT, or PENDING again to retry (FAILED after
 * {@value #ATTEMPTS} attempts). When none of an issue is open, the issue is SENT and
 * enters the search. The mails carry no tracking and their links are not rewritten.
 */
@Component
public class NewsletterDispatch {

	static final int BATCH = 200;

	static final int ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(NewsletterDispatch.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final MailMessages mails;

	private final Subscribers subscribers;

	private final NewsletterIssues issues;

	private final MessageSource messages;

	private final ExecutorService background = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("newsletter-dispatch").daemon().factory());

	NewsletterDispatch(JdbcClient jdbc, TransactionTemplate transactions, MailMessages mails, Subscribers subscribers,
			NewsletterIssues issues, MessageSource messages) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.mails = mails;
		this.subscribers = subscribers;
		this.issues = issues;
		this.messages = messages;
	}

	/** One claimed delivery with what its mail needs. */
	record Claimed(long issueId, long subscriberId, String email, String language, boolean unsubscribed, int attempts) {
	}

	@Scheduled(fixedDelayString = "${obmi.knowledge.newsletter.dispatch-delay:PT10S}")
	@SchedulerLock(name = "knowledge.newsletter-dispatch", lockAtMostFor = "PT30M")
	void scheduled() {
		run();
	}

	/** Starts a run on the dispatcher's own thread (after an editor sent an issue). */
	public void trigger() {
		background.execute(() -> {
			try {
				run();
			}
			catch (RuntimeException ex) {
				log.warn("Newsletter dispatch failed: {}", ex.toString());
			}
		});
	}

	/**
	 * Sends batches until nothing is left to claim, then finishes the issues that are
	 * done (without a mail server nothing is claimed, and only issues without deliveries
	 * finish).
	 * @return how many mails the server accepted
	 */
	public int run() {
		if (!mails.enabled()) {
			issues.finish();
			return 0;
		}
		int sent = 0;
		List<Claimed> batch = claim();
		while (!batch.isEmpty()) {
			sent += deliver(batch);
			batch = claim();
		}
		issues.finish();
		return sent;
	}

	List<Claimed> claim() {
		return transactions.execute(status -> jdbc
			.sql("""
					update knowledge.newsletter_delivery d set status = 'CLAIMED', claimed_at = now()
					from knowledge.newsletter_subscriber s
					where s.id = d.subscriber_id and (d.issue_id, d.subscriber_id) in (
					    select issue_id, subscriber_id from knowledge.newsletter_delivery
					    where status = 'PENDING' or (status = 'CLAIMED' and claimed_at < now() - interval '10 minutes')
					    order by issue_id, subscriber_id limit ? for update skip locked)
					returning d.issue_id, d.subscriber_id, s.email, s.language, s.unsubscribed_at is not null as unsubscribed,
					    d.attempts""")
			.param(BATCH)
			.query(Claimed.class)
			.list());
	}

	private int deliver(List<Claimed> batch) {
		int sent = 0;
		NewsletterIssue issue = null;
		for (Claimed claimed : batch) {
			if (issue == null || issue.id() != claimed.issueId()) {
				issue = issues.require(claimed.issueId());
			}
			if (claimed.unsubscribed()) {
				mark(claimed, "SKIPPED", false);
				continue;
			}
			boolean accepted = mails.send(message(issue, claimed));
			if (accepted) {
				sent++;
			}
			mark(claimed, accepted ? "SENT" : claimed.attempts() + 1 >= ATTEMPTS ? "FAILED" : "PENDING", true);
		}
		return sent;
	}

	private void mark(Claimed claimed, String status, boolean attempt) {
		jdbc.sql("""
				update knowledge.newsletter_delivery set status = ?, attempts = attempts + ?,
				    sent_at = case when ? = 'SENT' then now() end, claimed_at = null
				where issue_id = ? and subscriber_id = ? and status = 'CLAIMED'""")
			.params(status, attempt ? 1 : 0, status, claimed.issueId(), claimed.subscriberId())
			.update();
	}

	private MailMessages.Message message(NewsletterIssue issue, Claimed claimed) {
		Locale locale = Locale.forLanguageTag(claimed.language());
		String unsubscribe = mails
			.link("/kennis/nieuwsbrief/uitschrijven?t=" + subscribers.manageToken(claimed.subscriberId()));
		List<Map<String, String>> items = issue.items()
			.stream()
			.map(i -> Map.of("title", i.title(), "summary", i.summary() == null ? "" : i.summary(), "link",
					mails.link(i.path())))
			.toList();
		String subject = messages.getMessage("knowledge.newsletter.mail.subject",
				new Object[] { issue.number(), issue.title() }, locale);
		return new MailMessages.Message(claimed.email(), locale, "knowledge-newsletter", subject,
				Map.of("number", issue.number(), "title", issue.title(), "intro", RichText.plain(issue.intro()),
						"items", items, "archiveLink", mails.link(issue.path()), "unsubscribeLink", unsubscribe),
				Map.of("List-Unsubscribe", "<" + unsubscribe + ">", "List-Unsubscribe-Post",
						"List-Unsubscribe=One-Click"));
	}

	@PreDestroy
	void stop() {
		background.shutdownNow();
	}

}
