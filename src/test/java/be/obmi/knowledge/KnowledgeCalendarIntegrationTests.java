package be.obmi.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import be.obmi.knowledge.news.EventCalendar;
import be.obmi.knowledge.news.NewsFeeds;
import be.obmi.knowledge.news.NewsForm;
import be.obmi.knowledge.news.NewsItem;
import be.obmi.knowledge.news.NewsItems;
import be.obmi.support.ObmiIntegrationTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar and news feeds of K3 on the domain level (the routes are not built yet):
 * events are kept with their Brussels times, the iCal text parses with ical4j's
 * CalendarBuilder and lists the events with a stable UID and TZID Europe/Brussels; the
 * per-theme list has only that theme's events; Atom and RSS parse as XML with the items;
 * the body is sanitised and every change reaches the search index.
 */
@ObmiIntegrationTest
class KnowledgeCalendarIntegrationTests {

	static final String THEME = "k3-kalender";

	@Autowired
	NewsItems news;

	@Autowired
	JdbcClient jdbc;

	NewsItem event(String title, List<String> themes) {
		NewsItem created = news.create(NewsItem.Kind.EVENT,
				new NewsForm(title, "Samenvatting", "<p>Tekst</p><script>alert(1)</script>", themes,
						LocalDateTime.of(2031, 3, 14, 10, 0), LocalDateTime.of(2031, 3, 14, 12, 30), "Zaal",
						"Grote Markt 1, Mechelen", "", "Kenniscentrum", "https://example.org/in", 0),
				"test", false);
		return news.publish(created.id(), true, created.version());
	}

	@Test
	void iCalParsesListsTheEventsAndThemeListHasOnlyItsTheme() throws Exception {
		jdbc.sql("insert into knowledge.theme (code, label_nl, label_en) values (?, 'K3', 'K3') on conflict do nothing")
			.param(THEME)
			.update();
		NewsItem tagged = event("K3 studiedag herbestemming", List.of(THEME));
		NewsItem other = event("K3 andere activiteit", List.of());
		assertThat(tagged.body()).contains("<p>Tekst</p>").doesNotContain("script");
		assertThat(jdbc.sql("select published from knowledge.search_document where kind = 'EVENT' and ref_id = ?")
			.param(tagged.id())
			.query(Boolean.class)
			.single()).isTrue();

		String all = EventCalendar.of("Agenda", news.published(NewsItem.Kind.EVENT, null, 500),
				p -> "https://obmi.example" + p);
		Calendar calendar = new CalendarBuilder().build(new StringReader(all));
		List<String> uids = calendar.<VEvent>getComponents("VEVENT")
			.stream()
			.map(e -> e.getUid().orElseThrow().getValue())
			.toList();
		assertThat(uids).contains("event-" + tagged.id() + "@obmi.example", "event-" + other.id() + "@obmi.example");
		assertThat(all).contains("DTSTART;TZID=Europe/Brussels:20310314T100000", "DTSTAMP", "BEGIN:VTIMEZONE");

		String themed = EventCalendar.of("Agenda", news.published(NewsItem.Kind.EVENT, THEME, 500),
				p -> "https://obmi.example" + p);
		assertThat(new CalendarBuilder().build(new StringReader(themed)).getComponents("VEVENT")).hasSize(1);
		assertThat(themed).contains("K3 studiedag herbestemming").doesNotContain("K3 andere activiteit");
	}

	@Test
	void atomAndRssParseWithTheItems() throws Exception {
		NewsItem item = news.create(NewsItem.Kind.NEWS, new NewsForm("K3 nieuws <&> \"citaat\"", "Kort", "<p>Lang</p>",
				List.of(), null, null, "", "", "", "", "", 0), "test", false);
		news.publish(item.id(), true, item.version());
		NewsFeeds.Channel channel = new NewsFeeds.Channel("Nieuws", "Het nieuws", "/kennis/nieuws.atom",
				"/kennis/nieuws", p -> "https://obmi.example" + p);
		ByteArrayOutputStream atom = new ByteArrayOutputStream();
		NewsFeeds.atom(channel, news.latestNews(50), atom);
		Document atomXml = parse(atom);
		assertThat(atomXml.getDocumentElement().getLocalName()).isEqualTo("feed");
		assertThat(atom.toString(StandardCharsets.UTF_8)).contains("K3 nieuws &lt;&amp;&gt;");
		ByteArrayOutputStream rss = new ByteArrayOutputStream();
		NewsFeeds.rss(channel, news.latestNews(50), rss);
		Document rssXml = parse(rss);
		assertThat(rssXml.getElementsByTagName("item").getLength()).isGreaterThanOrEqualTo(1);
		assertThat(rss.toString(StandardCharsets.UTF_8)).contains("/kennis/nieuws/" + item.id());
	}

	static Document parse(ByteArrayOutputStream out) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder()
			.parse(new InputSource(new StringReader(out.toString(StandardCharsets.UTF_8))));
	}

}
