package be.obmi.knowledge.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import be.obmi.notification.MailMessages;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The newsletter's subscribers: e-mail only, double opt-in, no account. Subscribing
 * stores the address unconfirmed and mails a confirmation link; an address that is
 * already subscribed gets no mail, and the visitor sees the same answer either way (no
 * enumeration; the confirmation mail goes out on a thread of its own). The links carry a
 * random token (SecureRandom, 256 bits); only its SHA-256 hash is kept, with an expiry (7
 * days to confirm, a year to unsubscribe).
 */
@Service
public class Subscribers {

	static final Duration CONFIRM_VALID = Duration.ofDays(7);

	static final Duration MANAGE_VALID = Duration.ofDays(366);

	/** How long after a confirmation mail no other goes to the same address. */
	static final Duration RESEND_AFTER = Duration.ofMinutes(15);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final MailMessages mails;

	private final MessageSource messages;

	/**
	 * Sends the confirmation mails, so the answer to the form takes as long whether or
	 * not a mail goes out (no enumeration by timing) and never waits for the mail server.
	 */
	private final ExecutorService confirmations = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("newsletter-confirm").daemon().factory());

	Subscribers(JdbcClient jdbc, TransactionTemplate transactions, MailMessages mails, MessageSource messages) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.mails = mails;
		this.messages = messages;
	}

	/** A subscriber as the editors and the tests see it. */
	public record Subscriber(long id, String email, String language, boolean confirmed, boolean unsubscribed) {

		/** Whether issues go to this address. */
		public boolean active() {
			return confirmed && !unsubscribed;
		}

	}

	/**
	 * Subscribes an address: stores it unconfirmed (or refreshes an unconfirmed or ended
	 * subscription) and mails a confirmation link; an active subscription is left as it
	 * is and gets no mail, nor does an address that got a confirmation mail in the last
	 * quarter of an hour.
	 * @throws RefusedValueException for an address that is no e-mail address, or an
	 * unknown language or theme
	 */
	public void subscribe(String email, String language, List<String> themes) {
		String address = address(email);
		String lang = "en".equals(language) ? "en" : "nl";
		if (language != null && !language.isBlank() && !List.of("nl", "en").contains(language)) {
			throw new RefusedValueException(Reason.of("knowledge.refused.newsletter.language"));
		}
		List<String> chosen = themes == null ? List.of() : themes.stream().distinct().toList();
		String token = transactions.execute(status -> pending(address, lang, chosen));
		if (token != null) {
			Locale locale = Locale.forLanguageTag(lang);
			MailMessages.Message message = new MailMessages.Message(address, locale, "knowledge-confirm",
					messages.getMessage("knowledge.newsletter.mail.confirm.subject", null, locale), Map.of("link",
							mails.link("/kennis/nieuwsbrief/bevestigen?t=" + token), "days", CONFIRM_VALID.toDays()));
			confirmations.execute(() -> mails.send(message));
		}
	}

	@PreDestroy
	void stop() {
		confirmations.shutdown();
	}

	private String pending(String address, String lang, List<String> themes) {
		List<String> known = jdbc.sql("select code from knowledge.theme").query(String.class).list();
		for (String theme : themes) {
			if (!known.contains(theme)) {
				throw new RefusedValueException(Reason.of("knowledge.refused.newsletter.theme", theme));
			}
		}
		jdbc.sql("insert into knowledge.newsletter_subscriber (email, language) values (?, ?) on conflict do nothing")
			.params(address, lang)
			.update();
		Subscriber s = byEmail(address).orElseThrow();
		if (s.active() || recentlyMailed(s.id())) {
			return null;
		}
		jdbc.sql("update knowledge.newsletter_subscriber set language = ? where id = ?").params(lang, s.id()).update();
		jdbc.sql("delete from knowledge.subscriber_theme where subscriber_id = ?").param(s.id()).update();
		for (String theme : themes) {
			jdbc.sql("insert into knowledge.subscriber_theme (subscriber_id, theme_code) values (?, ?)")
				.params(s.id(), theme)
				.update();
		}
		return token(s.id(), "CONFIRM", CONFIRM_VALID);
	}

	/**
	 * Whether a confirmation link went to the subscriber in the last
	 * {@link #RESEND_AFTER}: a form sent again (or by someone else) mails no second one.
	 */
	private boolean recentlyMailed(long subscriberId) {
		return jdbc.sql("""
				select count(*) from knowledge.subscriber_token where subscriber_id = ? and purpose = 'CONFIRM'
				    and expires_at > now() + make_interval(secs => ?)""")
			.params(subscriberId, (double) CONFIRM_VALID.minus(RESEND_AFTER).toSeconds())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Confirms the subscription of a confirmation link's token.
	 * @return whether the token was valid (unknown, used or expired: false)
	 */
	public boolean confirm(String token) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			Optional<Long> id = use(token, "CONFIRM");
			id.ifPresent(s -> jdbc.sql("""
					update knowledge.newsletter_subscriber set confirmed_at = now(), unsubscribed_at = null
					where id = ?""").param(s).update());
			return id.isPresent();
		}));
	}

	/**
	 * Ends the subscription of an unsubscribe link's token.
	 * @return whether the token was valid
	 */
	public boolean unsubscribe(String token) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			Optional<Long> id = use(token, "MANAGE");
			id.ifPresent(s -> {
				jdbc.sql("""
						update knowledge.newsletter_subscriber set unsubscribed_at = coalesce(unsubscribed_at, now())
						where id = ?""").param(s).update();
				jdbc.sql("delete from knowledge.subscriber_token where subscriber_id = ?").param(s).update();
			});
			return id.isPresent();
		}));
	}

	/** Whether a link's token is valid for the purpose (for the page with the button). */
	public boolean valid(String token, String purpose) {
		return token != null && jdbc.sql("""
				select count(*) from knowledge.subscriber_token
				where token_hash = ? and purpose = ? and expires_at > now()""")
			.params(hash(token), purpose)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<Subscriber> byEmail(String email) {
		return jdbc.sql("""
				select id, email, language, confirmed_at is not null as confirmed,
				    unsubscribed_at is not null as unsubscribed
				from knowledge.newsletter_subscriber where email = ?""")
			.param(email == null ? "" : email.strip().toLowerCase(Locale.ROOT))
			.query(Subscriber.class)
			.optional();
	}

	/** The number of active subscribers. */
	public long active() {
		return jdbc.sql("""
				select count(*) from knowledge.newsletter_subscriber
				where confirmed_at is not null and unsubscribed_at is null""").query(Long.class).single();
	}

	/** A new unsubscribe token for a subscriber (stored hashed); for an issue's mail. */
	String manageToken(long subscriberId) {
		return token(subscriberId, "MANAGE", MANAGE_VALID);
	}

	private String token(long subscriberId, String purpose, Duration valid) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		jdbc.sql("""
				insert into knowledge.subscriber_token (token_hash, subscriber_id, purpose, expires_at)
				values (?, ?, ?, now() + make_interval(secs => ?))""")
			.params(hash(token), subscriberId, purpose, (double) valid.toSeconds())
			.update();
		return token;
	}

	private Optional<Long> use(String token, String purpose) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		jdbc.sql("delete from knowledge.subscriber_token where expires_at <= now()").update();
		return jdbc.sql("""
				delete from knowledge.subscriber_token where token_hash = ? and purpose = ? and expires_at > now()
				returning subscriber_id""").params(hash(token), purpose).query(Long.class).optional();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The address in lower case when it looks like one: at most 254 characters, one
	 * {@code @} with text on both sides, a dot in the domain, no spaces or control
	 * characters.
	 */
	static String address(String email) {
		String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		int at = address.indexOf('@');
		boolean ok = !address.isEmpty() && address.length() <= 254 && at > 0 && at == address.lastIndexOf('@')
				&& at < address.length() - 1 && address.indexOf('.', at) > at + 1 && !address.endsWith(".")
				&& address.chars()
					.noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == ',' || c == ';'
							|| c == '<' || c == '>' || c == '"');
		if (!ok) {
			throw new RefusedValueException(Reason.of("knowledge.refused.newsletter.email"));
		}
		return address;
	}

}
