package be.obmi.knowledge;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;

import be.obmi.support.ObmiMailIntegrationTest;
import be.obmi.support.TestMailServer;
import be.obmi.identity.Role;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserForm;
import be.obmi.knowledge.housing.CityInstrument;
import be.obmi.knowledge.housing.CityInstruments;
import be.obmi.knowledge.housing.HousingCatalogue;
import be.obmi.knowledge.housing.HousingDiff;
import be.obmi.knowledge.housing.HousingInstrument;
import be.obmi.knowledge.housing.HousingMatrices;
import be.obmi.knowledge.housing.HousingRound;
import be.obmi.knowledge.housing.HousingRoundMails;
import be.obmi.knowledge.housing.HousingRounds;
import be.obmi.shared.RefusedStateException;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Acceptance 3 of issue 16 through the pages, with a real SMTP server (GreenMail): a
 * Kenniscentrum editor opens a round (each city's redacteurs are mailed once), Gent
 * submits two changed instruments, Brugge confirms its own unchanged, Leuven is reminded
 * exactly once (the job run twice sends no second mail, the submitted cities none), the
 * round closes, and the diff against a baseline round closed just before lists exactly
 * Gent's two instruments. A submit after closing is refused; a city cannot submit for
 * another (403). The reminder job is off ({@code -}); the test runs it with a chosen day.
 */
@ObmiMailIntegrationTest
class HousingRoundIntegrationTests {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantMembers members;

	@Autowired
	HousingRounds rounds;

	@Autowired
	HousingRoundMails mails;

	@Autowired
	CityInstruments instruments;

	@Autowired
	HousingCatalogue catalogue;

	@Autowired
	HousingMatrices matrices;

	@Test
	void twoCitiesUpdateOneIsRemindedTheRoundClosesAndTheDiffListsExactlyTheChanges() {
		Tenant gent = tenants.require("gent");
		Tenant brugge = tenants.require("brugge");
		Tenant leuven = tenants.require("leuven");
		user(gent, "woon.gent", "woon@gent.test");
		user(brugge, "woon.brugge", "woon@brugge.test");
		user(leuven, "woon.leuven", "woon@leuven.test");
		PageSession editor = PageSession.login(port, "kenniscentrum");
		HousingRound baseline = open(editor, "Basis housingtest", LocalDate.now().plusDays(30));
		close(editor, baseline);

		LocalDate deadline = LocalDate.now().plusDays(5);
		HousingRound round = open(editor, "2099 S1", deadline);
		assertThat(round.period()).isEqualTo("2099S1");
		assertThat(mails("woon@gent.test", "2099 S1")).hasSize(1);
		assertThat(mails("woon@leuven.test", "2099 S1")).singleElement()
			.satisfies(m -> assertThat(m).contains("https://obmi.example/leuven/kennis/woonbeleid"));

		Map<String, CityInstrument> before = instruments.of(gent);
		HousingInstrument renewed = catalogue.instruments()
			.stream()
			.filter(i -> before.containsKey(i.code()) && before.get(i.code()).present())
			.findFirst()
			.orElseThrow();
		HousingInstrument added = catalogue.instruments()
			.stream()
			.filter(i -> !before.containsKey(i.code()))
			.findFirst()
			.orElseThrow();
		CityInstrument old = before.get(renewed.code());
		PageSession gentSession = PageSession.login(port, "redacteur.gent");
		String gentForm = entry(renewed.code(), true, "https://www.gent.be/reglementen/nieuw", old.note(), old.since(),
				old.version()) + "&"
				+ entry(added.code(), true, "https://www.gent.be/reglementen/toegevoegd", "", null, -1);
		HttpResponse<String> gentSubmit = submit(gentSession, gent, round, gentForm);
		assertThat(gentSubmit.statusCode()).as(gentSubmit.body()).isEqualTo(302);

		PageSession bruggeSession = PageSession.login(port, "redacteur.brugge");
		Map<String, CityInstrument> bruggeBefore = instruments.of(brugge);
		String confirm = bruggeBefore.values()
			.stream()
			.map(r -> entry(r.instrumentCode(), r.present(), r.regulationUrl(), r.note(), r.since(), r.version()))
			.collect(Collectors.joining("&"));
		assertThat(submit(bruggeSession, brugge, round, confirm).statusCode()).isEqualTo(302);
		assertThat(instruments.of(brugge)).isEqualTo(bruggeBefore);

		// a second submit read before the first (stale task version) is refused, nothing
		// lost
		HttpResponse<String> stale = bruggeSession.post("/brugge/kennis/woonbeleid", "action=submit&round=" + round.id()
				+ "&taskVersion=0&_csrf=" + csrf(bruggeSession, "/brugge/kennis/woonbeleid"));
		assertThat(stale.statusCode()).isEqualTo(409);

		// a city cannot submit for another city
		HttpResponse<String> foreign = gentSession.post("/leuven/kennis/woonbeleid", "action=submit&round=" + round.id()
				+ "&taskVersion=0&_csrf=" + csrf(gentSession, "/gent/kennis/woonbeleid"));
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(rounds.task(round, leuven).orElseThrow().submitted()).isFalse();

		LocalDate today = deadline.minusDays(3);
		mails.run(today);
		mails.run(today);
		assertThat(mails("woon@leuven.test", "herinnering")).hasSize(1);
		assertThat(mails("woon@gent.test", "herinnering")).isEmpty();
		assertThat(mails("woon@brugge.test", "herinnering")).isEmpty();
		assertThat(mails("woon@gent.test", "2099 S1")).hasSize(1);

		HttpResponse<String> roundPage = editor.get("/kenniscentrum/woonbeleid/rondes/" + round.id());
		assertThat(roundPage.body()).contains("redacteur.gent").contains("redacteur.brugge");

		close(editor, round);
		HousingRound closed = rounds.byId(round.id()).orElseThrow();
		HousingDiff diff = HousingDiff.between(matrices.of(rounds.byId(baseline.id()).orElseThrow()),
				matrices.of(closed));
		assertThat(diff.lines()).extracting(l -> l.city().slug() + " " + l.instrument().code() + " " + l.kind())
			.containsExactlyInAnyOrder("gent " + renewed.code() + " CHANGED", "gent " + added.code() + " ADDED");
		String page = PageSession.anonymous(port)
			.get("/kennis/woonbeleid/verschil?van=" + baseline.id() + "&tot=" + round.id())
			.body();
		assertThat(page).contains("data-code=\"" + renewed.code() + "\"")
			.contains("data-code=\"" + added.code() + "\"");
		assertThat(Pattern.compile("data-city=").matcher(page).results().count()).isEqualTo(2);

		HttpResponse<String> late = submit(PageSession.login(port, "redacteur.leuven"), leuven, round, "");
		assertThat(late.statusCode()).isEqualTo(409);
		assertThatThrownBy(() -> rounds.submit(leuven, round.id(), List.of(), 0, "redacteur.leuven"))
			.isInstanceOf(RefusedStateException.class);
		assertThat(rounds.task(closed, leuven).orElseThrow().submitted()).isFalse();

		String csv = PageSession.anonymous(port).get("/kennis/woonbeleid/matrix.csv?ronde=" + round.id()).body();
		assertThat(csv).contains("https://www.gent.be/reglementen/toegevoegd")
			.startsWith("\uFEFFhoofdstuk;code;instrument;stad;nis;aanwezig;reglement;toelichting;sinds");
	}

	@Test
	void aCityPageIsOnlyForItsMembersAndABadLinkChangesNothing() {
		PageSession gentSession = PageSession.login(port, "redacteur.gent");
		assertThat(gentSession.get("/brugge/kennis/woonbeleid").statusCode()).isEqualTo(403);
		assertThat(gentSession.get("/gent/kennis/woonbeleid").statusCode()).isEqualTo(200);
		assertThat(PageSession.anonymous(port).get("/gent/kennis/woonbeleid").statusCode()).isEqualTo(302);
		PageSession reader = PageSession.login(port, "lezer.gent");
		assertThat(reader.get("/gent/kennis/woonbeleid").body()).doesNotContain("id=\"housing-save\"");
		Map<String, CityInstrument> before = instruments.of(tenants.require("gent"));
		HousingInstrument any = catalogue.instruments().getFirst();
		CityInstrument record = before.get(any.code());
		HttpResponse<String> bad = gentSession.post("/gent/kennis/woonbeleid",
				"action=save&"
						+ entry(any.code(), true, "javascript:alert(1)", "x", null,
								record == null ? -1 : record.version())
						+ "&_csrf=" + csrf(gentSession, "/gent/kennis/woonbeleid"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("http://");
		assertThat(instruments.of(tenants.require("gent"))).isEqualTo(before);
		HttpResponse<String> notACity = gentSession.post("/brugge/kennis/woonbeleid",
				"action=save&_csrf=" + csrf(gentSession, "/gent/kennis/woonbeleid"));
		assertThat(notACity.statusCode()).isEqualTo(403);
	}

	HousingRound open(PageSession editor, String name, LocalDate deadline) {
		HttpResponse<String> response = editor.post("/kenniscentrum/woonbeleid/rondes", "name=" + encode(name)
				+ "&deadline=" + deadline + "&_csrf=" + csrf(editor, "/kenniscentrum/woonbeleid/rondes"));
		assertThat(response.statusCode()).isEqualTo(302);
		return rounds.openRound().filter(r -> r.name().equals(name)).orElseThrow();
	}

	void close(PageSession editor, HousingRound round) {
		String path = "/kenniscentrum/woonbeleid/rondes/" + round.id();
		assertThat(editor.post(path + "/afsluiten", "_csrf=" + csrf(editor, path)).statusCode()).isEqualTo(302);
		assertThat(rounds.byId(round.id()).orElseThrow().open()).isFalse();
	}

	HttpResponse<String> submit(PageSession session, Tenant city, HousingRound round, String entries) {
		String path = "/" + city.slug() + "/kennis/woonbeleid";
		int version = rounds.task(round, city).map(t -> t.version()).orElse(0);
		return session.post(path, (entries.isEmpty() ? "" : entries + "&") + "action=submit&round=" + round.id()
				+ "&taskVersion=" + version + "&_csrf=" + csrf(session, path));
	}

	static String entry(String code, boolean present, String link, String note, LocalDate since, int version) {
		return "since_" + encode(code) + "=" + (since == null ? "" : since) + "&"
				+ (present ? "present_" + encode(code) + "=on&" : "") + "link_" + encode(code) + "="
				+ encode(link == null ? "" : link) + "&note_" + encode(code) + "=" + encode(note == null ? "" : note)
				+ "&version_" + encode(code) + "=" + version;
	}

	static String csrf(PageSession session, String path) {
		Matcher matcher = CSRF.matcher(session.get(path).body());
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on " + path);
		}
		return encode(matcher.group(1));
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	void user(Tenant tenant, String username, String email) {
		members.createAccount(tenant, new UserForm(username, username, email, Role.REDACTEUR, "een-lang-wachtwoord"));
	}

	/** The bodies of the mails to the address whose subject contains the text. */
	List<String> mails(String address, String subjectPart) {
		return TestMailServer.receivedBy(address).stream().filter(m -> {
			try {
				return m.getSubject().contains(subjectPart);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).map(m -> {
			try {
				return m.getContent().toString();
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
