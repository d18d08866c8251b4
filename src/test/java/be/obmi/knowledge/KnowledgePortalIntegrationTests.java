package be.obmi.knowledge;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import be.obmi.knowledge.news.NewsForm;
import be.obmi.knowledge.news.NewsItem;
import be.obmi.knowledge.news.NewsItems;
import be.obmi.knowledge.news.PortalCases;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal, news and calendar pages of K3b over HTTP: the home shows published news,
 * events and cases and never drafts; the feeds are served with their content types and
 * parse (iCal with ical4j's CalendarBuilder, only a theme's events in its feed; Atom and
 * RSS as XML); an unpublished item is 404 for anonymous visitors; an editor creates and
 * publishes an item that then shows on the home; a stale edit answers 409 with the
 * conflict; the visitor counter counts a page view and keeps nothing about the visitor.
 */
@ObmiIntegrationTest
class KnowledgePortalIntegrationTests {

	static final String EDITOR = "kenniscentrum";

	@LocalServerPort
	int port;

	@Autowired
	NewsItems news;

	@Autowired
	PortalCases cases;

	@Autowired
	JdbcClient jdbc;

	NewsItem item(NewsItem.Kind kind, String title, List<String> themes, boolean published) {
		LocalDateTime start = kind == NewsItem.Kind.EVENT ? LocalDateTime.now().plusDays(7).withNano(0) : null;
		NewsItem created = news.create(kind, new NewsForm(title, "Samenvatting " + title, "<p>Tekst</p>", themes, start,
				start == null ? null : start.plusHours(2), "Zaal", "", "", "", "", 0), "test", false);
		return published ? news.publish(created.id(), true, created.version()) : created;
	}

	static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void theHomeShowsPublishedNewsEventsAndCasesButNoDrafts() {
		NewsItem published = item(NewsItem.Kind.NEWS, unique("K3b gepubliceerd nieuws"), List.of(), true);
		NewsItem draft = item(NewsItem.Kind.NEWS, unique("K3b concept nieuws"), List.of(), false);
		NewsItem event = item(NewsItem.Kind.EVENT, unique("K3b gepubliceerde activiteit"), List.of(), true);
		NewsItem draftEvent = item(NewsItem.Kind.EVENT, unique("K3b concept activiteit"), List.of(), false);
		HttpResponse<String> home = PageSession.anonymous(port).get("/kennis?lang=nl");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(published.title(), event.title())
			.doesNotContain(draft.title(), draftEvent.title());
		List<PortalCases.PortalCase> latest = cases.latest(1);
		assertThat(latest).as("the demo publishes cases").isNotEmpty();
		assertThat(home.body()).contains(HtmlUtils.htmlEscape(latest.get(0).title()), latest.get(0).path());
		assertThat(home.body()).contains("/kennis/themas/wonen", "/kennis/zoeken", "/kennis/collecties",
				"/kennis/nieuwsbrief", "/kennis/woonbeleid");
	}

	@Test
	void theFeedsParseAndAThemesCalendarHasOnlyItsEvents() throws Exception {
		String theme = "k3b-thema";
		jdbc.sql(
				"insert into knowledge.theme (code, label_nl, label_en) values (?, 'K3b', 'K3b') on conflict do nothing")
			.param(theme)
			.update();
		NewsItem tagged = item(NewsItem.Kind.EVENT, unique("K3b thema-activiteit"), List.of(theme), true);
		NewsItem other = item(NewsItem.Kind.EVENT, unique("K3b andere activiteit"), List.of(), true);
		NewsItem draft = item(NewsItem.Kind.EVENT, unique("K3b concept-activiteit"), List.of(theme), false);
		PageSession visitor = PageSession.anonymous(port);

		HttpResponse<String> all = visitor.get("/kennis/agenda.ics");
		assertThat(all.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar")
			.containsIgnoringCase("charset=UTF-8");
		assertThat(uids(all.body())).contains(uid(tagged), uid(other)).doesNotContain(uid(draft));

		HttpResponse<String> themed = visitor.get("/kennis/agenda/thema/" + theme + ".ics");
		assertThat(themed.statusCode()).isEqualTo(200);
		assertThat(uids(themed.body())).containsExactly(uid(tagged));
		assertThat(visitor.get("/kennis/agenda/thema/geen-thema.ics").statusCode()).isEqualTo(404);

		HttpResponse<String> one = visitor.get("/kennis/agenda/" + other.id() + ".ics");
		assertThat(one.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
		assertThat(uids(one.body())).containsExactly(uid(other));
		assertThat(visitor.get("/kennis/agenda/" + draft.id() + ".ics").statusCode()).isEqualTo(404);

		NewsItem published = item(NewsItem.Kind.NEWS, unique("K3b feednieuws"), List.of(), true);
		NewsItem hidden = item(NewsItem.Kind.NEWS, unique("K3b verborgen feednieuws"), List.of(), false);
		HttpResponse<String> atom = visitor.get("/kennis/nieuws.atom");
		assertThat(atom.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
		assertThat(xml(atom.body()).getDocumentElement().getLocalName()).isEqualTo("feed");
		assertThat(atom.body()).contains(published.title()).doesNotContain(hidden.title());
		HttpResponse<String> rss = visitor.get("/kennis/nieuws.rss");
		assertThat(rss.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
		assertThat(xml(rss.body()).getElementsByTagName("item").getLength()).isGreaterThanOrEqualTo(1);
		assertThat(rss.body()).contains("/kennis/nieuws/" + published.id()).doesNotContain(hidden.title());
	}

	@Test
	void anUnpublishedItemIsNotFoundForVisitorsButShownToEditors() {
		NewsItem draft = item(NewsItem.Kind.NEWS, unique("K3b geheim"), List.of(), false);
		NewsItem draftEvent = item(NewsItem.Kind.EVENT, unique("K3b geheime activiteit"), List.of(), false);
		PageSession visitor = PageSession.anonymous(port);
		assertThat(visitor.get("/kennis/nieuws/" + draft.id()).statusCode()).isEqualTo(404);
		assertThat(visitor.get("/kennis/agenda/" + draftEvent.id()).statusCode()).isEqualTo(404);
		assertThat(visitor.get("/kennis/agenda/" + draft.id()).statusCode()).as("a news id is no event").isEqualTo(404);
		assertThat(visitor.get("/kennis/nieuws/geen-nummer").statusCode()).isEqualTo(404);
		assertThat(visitor.get("/kennis/nieuws?lang=nl").body()).doesNotContain(draft.title());
		assertThat(visitor.get("/kennis/agenda?lang=nl").body()).doesNotContain(draftEvent.title());
		assertThat(PageSession.login(port, EDITOR).get("/kennis/nieuws/" + draft.id()).statusCode()).isEqualTo(200);
	}

	@Test
	void anEditorCreatesAndPublishesAnItemThatShowsOnTheHomeAndAStaleEditIsAConflict() {
		PageSession editor = PageSession.login(port, EDITOR);
		String title = unique("K3b via het formulier");
		String token = editor.csrf("/kenniscentrum/nieuws/nieuw");
		HttpResponse<String> created = editor.post("/kenniscentrum/nieuws", "_csrf=" + token + "&version=0&title="
				+ enc(title) + "&summary=Kort&body=" + enc("<p>Lang</p>") + "&themes=wonen");
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.replaceAll(".*/kenniscentrum/nieuws/(\\d+).*", "$1"));
		assertThat(news.byId(id).orElseThrow().themes()).containsExactly("wonen");
		assertThat(PageSession.anonymous(port).get("/kennis?lang=nl").body()).doesNotContain(title);

		HttpResponse<String> published = editor.post("/kenniscentrum/nieuws/" + id + "/publiceren",
				"_csrf=" + token + "&version=0&published=true");
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(PageSession.anonymous(port).get("/kennis?lang=nl").body()).contains(title);
		assertThat(PageSession.anonymous(port).get("/kennis/nieuws/" + id).statusCode()).isEqualTo(200);

		HttpResponse<String> stale = editor.post("/kenniscentrum/nieuws/" + id + "?lang=nl",
				"_csrf=" + token + "&version=0&title=" + enc("Oude versie"));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("Iemand anders heeft dit item intussen bewaard");
		assertThat(news.byId(id).orElseThrow().title()).isEqualTo(title);

		HttpResponse<String> badTime = editor.post("/kenniscentrum/agenda",
				"_csrf=" + token + "&version=0&title=Fout&startsAt=morgen&endsAt=overmorgen");
		assertThat(badTime.statusCode()).isEqualTo(400);
	}

	@Test
	void anEditorPicksTheStudyOfTheWeekAndTheHomeFeaturesIt() {
		List<PortalCases.PortalCase> studies = cases.studies();
		assertThat(studies).as("the demo publishes studies").hasSizeGreaterThanOrEqualTo(2);
		PortalCases.PortalCase pick = studies.get(studies.size() - 1);
		PageSession editor = PageSession.login(port, EDITOR);
		String token = editor.csrf("/kenniscentrum/uitgelicht");
		assertThat(
				editor.post("/kenniscentrum/uitgelicht", "_csrf=" + token + "&study=" + pick.publicId()).statusCode())
			.isEqualTo(302);
		assertThat(cases.featured(PortalCases.isoWeek(LocalDate.now(NewsItem.ZONE))).orElseThrow().publicId())
			.isEqualTo(pick.publicId());
		String home = PageSession.anonymous(port).get("/kennis?lang=nl").body();
		assertThat(home.substring(home.indexOf("k3b-featured"), home.indexOf("k3b-news-heading")))
			.contains(pick.path());
		assertThat(
				editor.post("/kenniscentrum/uitgelicht", "_csrf=" + token + "&study=" + UUID.randomUUID()).statusCode())
			.isEqualTo(400);
		assertThat(cases.featured(PortalCases.isoWeek(LocalDate.now(NewsItem.ZONE))).orElseThrow().publicId())
			.as("a refused pick changes nothing")
			.isEqualTo(pick.publicId());
	}

	@Test
	void theVisitorCounterCountsAPageViewAndKeepsNothingPersonal() {
		NewsItem published = item(NewsItem.Kind.NEWS, unique("K3b geteld"), List.of(), true);
		String key = String.valueOf(published.id());
		PageSession visitor = PageSession.anonymous(port);
		assertThat(visitor.get("/kennis/nieuws/" + key).statusCode()).isEqualTo(200);
		assertThat(visitor.get("/kennis/nieuws/" + key).statusCode()).isEqualTo(200);
		// counted when the filter chain returns, which may be just after the client has
		// the answer
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(views("NEWS", key)).isEqualTo(2));
		assertThat(visitor.get("/kennis/nieuws/999999999").statusCode()).isEqualTo(404);
		assertThat(views("NEWS", "999999999")).isZero();
		assertThat(jdbc.sql("""
				select column_name from information_schema.columns
				where table_schema = 'knowledge' and table_name = 'page_view' order by column_name""")
			.query(String.class)
			.list()).containsExactly("day", "page_group", "page_key", "views");
		assertThat(PageSession.login(port, EDITOR).get("/kenniscentrum/bezoekers?lang=nl").body())
			.contains("k3b-visitors-day");
	}

	long views(String group, String key) {
		return jdbc.sql(
				"select coalesce(sum(views), 0) from knowledge.page_view where day = ? and page_group = ? and page_key = ?")
			.params(LocalDate.now(NewsItem.ZONE), group, key)
			.query(Long.class)
			.single();
	}

	static String uid(NewsItem event) {
		return "event-" + event.id() + "@localhost";
	}

	static List<String> uids(String ics) throws Exception {
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		return calendar.<VEvent>getComponents("VEVENT").stream().map(e -> e.getUid().orElseThrow().getValue()).toList();
	}

	static Document xml(String text) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
