package be.obmi.knowledge.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import be.obmi.knowledge.domain.KnowledgeReferenceData;
import be.obmi.knowledge.news.NewsForm;
import be.obmi.knowledge.news.NewsItem;
import be.obmi.knowledge.news.NewsItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo news items and events of the Kenniscentrum (K3b): eight news items and six events,
 * some over and some to come relative to the day of the start, tagged with themes, marked
 * as demo, all but one news item published. Loaded through {@link NewsItems}, so they
 * enter the search and the audit trail. Runs only with {@code obmi.demo.enabled=true} and
 * only when there is no demo news item yet.
 */
@Component
class KnowledgeNewsDemo implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeNewsDemo.class);

	private static final String AUTHOR = "kenniscentrum";

	private final KnowledgeReferenceData referenceData;

	private final NewsItems news;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	KnowledgeNewsDemo(KnowledgeReferenceData referenceData, NewsItems news, TransactionTemplate transaction,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.referenceData = referenceData;
		this.news = news;
		this.transaction = transaction;
		this.enabled = enabled;
	}

	record DemoNews(String title, String summary, String body, List<String> themes, boolean published) {
	}

	/**
	 * An event {@code days} from today (negative: over), from {@code hour} for
	 * {@code hours}.
	 */
	record DemoEvent(String title, String summary, int days, int hour, int hours, String location, String address,
			List<String> themes) {
	}

	static final List<DemoNews> NEWS = List.of(
			new DemoNews("Nieuwe studie: leegstand in de stadskernen",
					"Het Kenniscentrum bracht de leegstand van winkelpanden in de centrumsteden in kaart.",
					"<p>De studie vergelijkt de leegstand in dertien steden en geeft aanbevelingen.</p>",
					List.of("economie", "ruimte"), true),
			new DemoNews("Vijftig kerken krijgen een nieuwe bestemming",
					"De kennisbank telt nu vijftig gedocumenteerde herbestemmingen van kerken.",
					"<p>Van bibliotheek tot sporthal: <strong>bekijk de voorbeelden</strong> in de collectie kerken.</p>",
					List.of("erfgoed"), true),
			new DemoNews("Halfjaarlijkse ronde woonbeleid gestart",
					"De steden actualiseren tot eind volgende maand hun lokale woonbeleidsinstrumenten.",
					"<p>Elke stad bevestigt, wijzigt of beëindigt haar instrumenten.</p>", List.of("wonen"), true),
			new DemoNews("Stadsmonitor: armoede in cijfers",
					"Nieuwe indicatoren over kinderarmoede per wijk zijn beschikbaar.",
					"<p>De cijfers staan in Stad in cijfers van elke stad.</p>", List.of("armoede", "data"), true),
			new DemoNews("Europese middelen voor stadsvernieuwing",
					"Een overzicht van de oproepen die voor steden openstaan.",
					"<p>De Europa-ambtenaren van de steden delen hun ervaringen.</p>", List.of("europa"), true),
			new DemoNews("Klimaatplannen van de centrumsteden vergeleken",
					"Hoe ver staan de steden met hun klimaatdoelen?",
					"<p>Een vergelijking van de lokale klimaatplannen.</p>", List.of("klimaat"), true),
			new DemoNews("Tijdelijk gebruik: honderd voorbeelden online",
					"De collectie tijdelijk gebruik is vernieuwd.",
					"<p>Zoek op soort gebruik, periode en initiatiefnemer.</p>", List.of("ruimte", "samenleven"), true),
			new DemoNews("Concept: jaarverslag van het Kenniscentrum",
					"Nog niet gepubliceerd: het jaarverslag in voorbereiding.", "<p>In voorbereiding.</p>",
					List.of("bestuur"), false));

	static final List<DemoEvent> EVENTS = List.of(
			new DemoEvent("Studiedag herbestemming van kerken", "Praktijkvoorbeelden en lessen uit de provincies.", 21,
					9, 7, "Predikherenkerk", "Predikherenstraat 1, Mechelen", List.of("erfgoed", "ruimte")),
			new DemoEvent("Lerend netwerk lokaal woonbeleid", "Uitwisseling tussen de woonambtenaren van de steden.",
					35, 13, 3, "Kenniscentrum Vlaamse Steden", "Brussel", List.of("wonen")),
			new DemoEvent("Webinar Europese projecten", "Hoe dien je een Interreg-project in?", 10, 10, 2, "Online",
					null, List.of("europa")),
			new DemoEvent("Netwerkdag data en monitoring", "Stadsmonitor, open data en dashboards.", 60, 9, 6,
					"Vooruit", "Sint-Pietersnieuwstraat 23, Gent", List.of("data", "bestuur")),
			new DemoEvent("Slotevent tijdelijk gebruik", "Terugblik op drie jaar tijdelijk gebruik.", -30, 14, 4,
					"De Site", "Antwerpen", List.of("ruimte", "samenleven")),
			new DemoEvent("Rondetafel armoedebeleid", "Steden delen hun aanpak van kinderarmoede.", -75, 9, 3,
					"Stadhuis", "Grote Markt, Leuven", List.of("armoede")));

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		referenceData.initialize();
		boolean loaded = news.all(NewsItem.Kind.NEWS).stream().anyMatch(NewsItem::demo)
				|| news.all(NewsItem.Kind.EVENT).stream().anyMatch(NewsItem::demo);
		if (loaded) {
			return;
		}
		transaction.executeWithoutResult(status -> {
			NEWS.forEach(this::add);
			EVENTS.forEach(this::add);
		});
		log.info("Demo knowledge bank: {} news items and {} events", NEWS.size(), EVENTS.size());
	}

	private void add(DemoNews demo) {
		NewsItem item = news.create(NewsItem.Kind.NEWS, new NewsForm(demo.title(), demo.summary(), demo.body(),
				demo.themes(), null, null, "", "", "", "", "", 0), AUTHOR, true);
		if (demo.published()) {
			news.publish(item.id(), true, item.version());
		}
	}

	private void add(DemoEvent demo) {
		LocalDateTime start = LocalDate.now(NewsItem.ZONE).plusDays(demo.days()).atTime(LocalTime.of(demo.hour(), 0));
		NewsItem item = news.create(NewsItem.Kind.EVENT,
				new NewsForm(demo.title(), demo.summary(), "<p>" + demo.summary() + "</p>", demo.themes(), start,
						start.plusHours(demo.hours()), demo.location(), demo.address(), "",
						"Kenniscentrum Vlaamse Steden", "", 0),
				AUTHOR, true);
		news.publish(item.id(), true, item.version());
	}

}
