package be.obmi.knowledge.newsletter;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import be.obmi.support.ObmiMailIntegrationTest;
import be.obmi.support.TestMailServer;
import be.obmi.support.PageSession;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The newsletter through a real SMTP server (GreenMail) from the whole application:
 * double opt-in without an account (one confirmation mail, confirmed through the page of
 * the link's token, the same answer for an address that is already subscribed, a refused
 * address), issues sent only to confirmed subscribers who did not unsubscribe, each
 * exactly once when the worker runs twice in a row or on two threads at once, the
 * unsubscribe link and its List-Unsubscribe header working without login, and the
 * numbering continuing {@code obmi.knowledge.newsletter.first-number}. The scheduled
 * worker waits an hour here; the tests run it themselves. Mails are matched by recipient
 * and subject, since the tests share the server.
 */
@ObmiMailIntegrationTest
class KnowledgeNewsletterIntegrationTests {

	static final GreenMail smtp = TestMailServer.server();

	static final Pattern CONFIRM_LINK = Pattern
		.compile("https://obmi\\.example/kennis/nieuwsbrief/bevestigen\\?t=([A-Za-z0-9_-]{43})");

	static final Pattern UNSUBSCRIBE_LINK = Pattern
		.compile("https://obmi\\.example/kennis/nieuwsbrief/uitschrijven\\?t=([A-Za-z0-9_-]{43})");

	@LocalServerPort
	int port;

	@Autowired
	Subscribers subscribers;

	@Autowired
	NewsletterIssues issues;

	@Autowired
	NewsletterDispatch dispatch;

	@Autowired
	JdbcClient jdbc;

	@Test
	void subscribingMailsOneConfirmationAndTheLinkConfirmsWithoutAccount() {
		PageSession visitor = PageSession.anonymous(port);
		HttpResponse<String> subscribed = subscribe(visitor, "Ann.Optin@NL.test", "nl");
		assertThat(subscribed.statusCode()).isEqualTo(302);
		assertThat(subscribed.headers().firstValue("Location").orElse("")).endsWith("/kennis/nieuwsbrief");

		assertThat(subscribe(PageSession.anonymous(port), "ann.optin@nl.test", "nl").statusCode())
			.as("the form sent again")
			.isEqualTo(302);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !mails("ann.optin@nl.test", "Bevestig je inschrijving").isEmpty());
		assertThat(tokens("ann.optin@nl.test")).as("one link, so one mail, for the form sent twice").isEqualTo(1);
		List<MimeMessage> confirmations = mails("ann.optin@nl.test", "Bevestig je inschrijving");
		assertThat(confirmations).hasSize(1);
		String token = token(CONFIRM_LINK, body(confirmations.getFirst()));
		assertThat(jdbc.sql("select count(*) from knowledge.subscriber_token where token_hash = ?")
			.param(token)
			.query(Long.class)
			.single()).as("only the hash is stored").isZero();
		assertThat(subscribers.byEmail("ann.optin@nl.test").orElseThrow().confirmed()).isFalse();

		HttpResponse<String> page = visitor.get("/kennis/nieuwsbrief/bevestigen?t=" + token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"newsletter-button\"");
		assertThat(subscribers.byEmail("ann.optin@nl.test").orElseThrow().confirmed())
			.as("showing the page confirms nothing")
			.isFalse();
		HttpResponse<String> confirmed = visitor.post("/kennis/nieuwsbrief/bevestigen",
				"t=" + token + "&_csrf=" + visitor.csrf("/kennis/nieuwsbrief/bevestigen?t=" + token));
		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("Je inschrijving is bevestigd.");
		assertThat(subscribers.byEmail("ann.optin@nl.test").orElseThrow().active()).isTrue();
		assertThat(visitor.get("/kennis/nieuwsbrief/bevestigen?t=" + token).statusCode())
			.as("a used link is no longer valid")
			.isEqualTo(404);

		HttpResponse<String> again = subscribe(PageSession.anonymous(port), "ann.optin@nl.test", "en");
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location")).isEqualTo(subscribed.headers().firstValue("Location"));
		assertThat(tokens("ann.optin@nl.test")).as("no new link for an active address").isZero();
		assertThat(mails("ann.optin@nl.test", "")).as("no mail for an active address").hasSize(1);
	}

	@Test
	void aBadAddressIsRefusedInTheVisitorsLanguageAndNothingIsStored() {
		PageSession visitor = PageSession.anonymous(port);
		HttpResponse<String> refused = subscribe(visitor, "twee woorden@nl.test", "nl");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Dit is geen geldig e-mailadres");
		assertThat(subscribe(visitor, "a@b@nl.test", "nl").statusCode()).isEqualTo(400);
		assertThat(subscribe(visitor, "x".repeat(250) + "@nl.test", "nl").statusCode()).isEqualTo(400);
		HttpResponse<String> english = visitor.post("/kennis/nieuwsbrief/inschrijven?lang=en",
				"email=geen-adres&language=en&_csrf=" + visitor.csrf("/kennis/nieuwsbrief"));
		assertThat(english.body()).contains("This is not a valid e-mail address");
		assertThat(jdbc
			.sql("select count(*) from knowledge.newsletter_subscriber where email like '%woorden%' "
					+ "or email like 'a@b@%' or email = 'geen-adres'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anIssueGoesOnceToConfirmedSubscribersOnlyAndTheUnsubscribeLinkWorksWithoutLogin() throws Exception {
		String anna = confirmedThroughTheMail("anna.issue@nl.test", "nl");
		String ben = confirmedThroughTheMail("ben.issue@nl.test", "en");
		subscribe(PageSession.anonymous(port), "carl.unconfirmed@nl.test", "nl");

		Integer before = jdbc.sql("select max(number) from knowledge.newsletter_issue").query(Integer.class).single();
		int expected = Math.max(before == null ? 0 : before, 149) + 1;
		NewsletterIssue first = send("Eerste testnummer");
		assertThat(first.number()).isEqualTo(expected).isGreaterThanOrEqualTo(150);
		assertThat(first.status()).isEqualTo(NewsletterIssue.Status.SENDING);
		assertThat(deliveries(first)).contains(subscriberId(anna), subscriberId(ben))
			.doesNotContain(subscriberId("carl.unconfirmed@nl.test"));

		dispatch.run();
		dispatch.run();

		assertThat(mails(anna, "Eerste testnummer")).hasSize(1);
		assertThat(mails(ben, "Eerste testnummer")).singleElement()
			.satisfies(mail -> assertThat(mail.getSubject()).startsWith("Newsletter " + expected));
		assertThat(mails("carl.unconfirmed@nl.test", "Eerste testnummer")).isEmpty();
		NewsletterIssue sent = issues.require(first.id());
		assertThat(sent.status()).isEqualTo(NewsletterIssue.Status.SENT);
		assertThat(sent.delivered()).isEqualTo(sent.deliveries());
		assertThat(PageSession.anonymous(port).get("/kennis/nieuwsbrief/" + expected).body())
			.contains("Eerste testnummer");
		assertThat(jdbc.sql("select count(*) from knowledge.search_document where kind = 'NEWSLETTER' and ref_id = ?")
			.param(first.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		MimeMessage toBen = mails(ben, "Eerste testnummer").getFirst();
		String unsubscribe = token(UNSUBSCRIBE_LINK, body(toBen));
		assertThat(toBen.getHeader("List-Unsubscribe", null))
			.isEqualTo("<https://obmi.example/kennis/nieuwsbrief/uitschrijven?t=" + unsubscribe + ">");
		assertThat(toBen.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(body(toBen)).doesNotContain("<img").contains("https://obmi.example/kennis/nieuwsbrief/" + expected);

		PageSession visitor = PageSession.anonymous(port);
		String page = "/kennis/nieuwsbrief/uitschrijven?t=" + unsubscribe;
		assertThat(visitor.get(page).statusCode()).isEqualTo(200);
		assertThat(subscribers.byEmail(ben).orElseThrow().active()).isTrue();
		HttpResponse<String> done = visitor.post("/kennis/nieuwsbrief/uitschrijven",
				"t=" + unsubscribe + "&_csrf=" + visitor.csrf(page));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("Je bent uitgeschreven.");
		assertThat(subscribers.byEmail(ben).orElseThrow().active()).isFalse();

		NewsletterIssue second = send("Tweede testnummer");
		assertThat(second.number()).isEqualTo(expected + 1);
		dispatch.run();
		assertThat(mails(anna, "Tweede testnummer")).hasSize(1);
		assertThat(mails(ben, "Tweede testnummer")).isEmpty();
		await().atMost(Duration.ofSeconds(20)).until(() -> !mails("carl.unconfirmed@nl.test", "").isEmpty());
		assertThat(mails("carl.unconfirmed@nl.test", "")).as("only the confirmation mail").hasSize(1);

		// RFC 8058: the mail client POSTs to the List-Unsubscribe address, without a page
		// or a CSRF token; only a valid token unsubscribes
		String oneClick = token(UNSUBSCRIBE_LINK, body(mails(anna, "Tweede testnummer").getFirst()));
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> forged = client.send(oneClick("A".repeat(43)), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).isLessThan(500).isNotEqualTo(200);
		assertThat(subscribers.byEmail(anna).orElseThrow().active()).isTrue();
		HttpResponse<String> clicked = client.send(oneClick(oneClick), HttpResponse.BodyHandlers.ofString());
		assertThat(clicked.statusCode()).isEqualTo(200);
		assertThat(subscribers.byEmail(anna).orElseThrow().active()).isFalse();
	}

	private HttpRequest oneClick(String token) {
		return HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/kennis/nieuwsbrief/uitschrijven?t=" + token))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.build();
	}

	@Test
	void twoWorkersAtOnceSendEachDeliveryExactlyOnce() throws Exception {
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String address = "samen" + i + "@nl.test";
			addresses.add(address);
			jdbc.sql("""
					insert into knowledge.newsletter_subscriber (email, language, confirmed_at)
					values (?, 'nl', now())""").param(address).update();
		}
		NewsletterIssue issue = send("Gelijktijdig testnummer");
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return dispatch.run();
				}));
			}
			start.countDown();
			int accepted = 0;
			for (Future<Integer> run : runs) {
				accepted += run.get();
			}
			assertThat(accepted).isEqualTo(issue.deliveries());
		}
		for (String address : addresses) {
			assertThat(mails(address, "Gelijktijdig testnummer")).as(address).hasSize(1);
		}
		assertThat(issues.require(issue.id()).status()).isEqualTo(NewsletterIssue.Status.SENT);
	}

	@Test
	void anEditorComposesPreviewsAndSendsAnIssueInTheBackground() {
		String dora = confirmedThroughTheMail("dora.editor@nl.test", "nl");
		PageSession editor = PageSession.login(port, "kenniscentrum");
		assertThat(editor.get("/kenniscentrum/nieuwsbrief").statusCode()).isEqualTo(200);
		HttpResponse<String> created = editor.post("/kenniscentrum/nieuwsbrief/nieuw",
				"title=Redactietestnummer&intro="
						+ URLEncoder.encode("<p>Hallo <script>x()</script>lezer</p>", StandardCharsets.UTF_8)
						+ "&version=0&_csrf=" + editor.csrf("/kenniscentrum/nieuwsbrief/nieuw"));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		String path = location.substring(location.indexOf("/kenniscentrum/"));
		String preview = editor.get(path).body();
		assertThat(preview).contains("<p>Hallo lezer</p>").doesNotContain("<script>x()");
		HttpResponse<String> sent = editor.post(path + "/verzenden", "version=0&_csrf=" + editor.csrf(path));
		assertThat(sent.statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(30)).until(() -> mails(dora, "Redactietestnummer").size() == 1);
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		await().atMost(Duration.ofSeconds(10)).until(() -> issues.require(id).status() == NewsletterIssue.Status.SENT);
		assertThat(editor.get(path).body()).contains("Verzonden – ");
		assertThat(mails(dora, "Redactietestnummer")).hasSize(1);
		assertThat(editor.post(path + "/verzenden", "version=0&_csrf=" + editor.csrf(path)).statusCode())
			.as("sending twice is refused")
			.isIn(400, 409);
	}

	String confirmedThroughTheMail(String address, String language) {
		PageSession visitor = PageSession.anonymous(port);
		subscribe(visitor, address, language);
		String subject = "en".equals(language) ? "Confirm your subscription" : "Bevestig je inschrijving";
		await().atMost(Duration.ofSeconds(20)).until(() -> !mails(address, subject).isEmpty());
		String token = token(CONFIRM_LINK, body(mails(address, subject).getLast()));
		assertThat(subscribers.confirm(token)).isTrue();
		return address;
	}

	NewsletterIssue send(String title) {
		NewsletterIssue draft = issues.create(new IssueForm(title, "<p>Inleiding</p>", List.of(), 0), "kenniscentrum");
		return issues.send(draft.id(), draft.version());
	}

	HttpResponse<String> subscribe(PageSession visitor, String address, String language) {
		return visitor.post("/kennis/nieuwsbrief/inschrijven",
				"email=" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "&language=" + language
						+ "&themes=wonen&_csrf=" + visitor.csrf("/kennis/nieuwsbrief"));
	}

	long tokens(String address) {
		return jdbc.sql("""
				select count(*) from knowledge.subscriber_token t join knowledge.newsletter_subscriber s
				    on s.id = t.subscriber_id where s.email = ?""").param(address).query(Long.class).single();
	}

	long subscriberId(String address) {
		return subscribers.byEmail(address).orElseThrow().id();
	}

	List<Long> deliveries(NewsletterIssue issue) {
		return jdbc.sql("select subscriber_id from knowledge.newsletter_delivery where issue_id = ?")
			.param(issue.id())
			.query(Long.class)
			.list();
	}

	static String token(Pattern link, String body) {
		Matcher matcher = link.matcher(body);
		assertThat(matcher.find()).as("link in " + body).isTrue();
		return matcher.group(1);
	}

	static String body(MimeMessage message) {
		try {
			return message.getContent().toString().replace("\r\n", "\n");
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The mails the server received for the address whose subject contains the text. */
	List<MimeMessage> mails(String address, String subjectPart) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
			try {
				Address[] to = message.getAllRecipients();
				return to != null && Arrays.stream(to).anyMatch(r -> r.toString().equals(address))
						&& message.getSubject().contains(subjectPart);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
