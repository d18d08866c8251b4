package be.obmi.knowledge.news;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Events as iCalendar (RFC 5545) with ical4j: one VEVENT per event with a UID that never
 * changes ({@code event-<id>@<host>}), DTSTAMP, start and end in Europe/Brussels (TZID,
 * with its VTIMEZONE), place, link and description.
 */
public final class EventCalendar {

	private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

	private EventCalendar() {
	}

	/**
	 * @param name the calendar's name, in the reader's language
	 * @param link turns a path into an absolute link
	 */
	public static String of(String name, List<NewsItem> events, Function<String, String> link) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Kenniscentrum Vlaamse Steden//OBMi//NL"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new XProperty("X-WR-CALNAME", name));
		calendar.add(new XProperty("X-WR-TIMEZONE", NewsItem.ZONE.getId()));
		calendar.add(ZONES.getTimeZone(NewsItem.ZONE.getId()).getVTimeZone());
		String host = URI.create(link.apply("/")).getHost();
		for (NewsItem item : events) {
			calendar.add(event(item, link, host == null ? "obmi" : host));
		}
		return calendar.toString();
	}

	private static VEvent event(NewsItem item, Function<String, String> link, String host) {
		VEvent event = new VEvent(item.start(), item.end(), item.title());
		event.add(new Uid("event-" + item.id() + "@" + host));
		String where = String.join(", ",
				Stream.of(item.location(), item.address()).filter(s -> s != null && !s.isBlank()).toList());
		if (!where.isEmpty()) {
			event.add(new Location(where));
		}
		event.add(new Url(URI.create(link.apply(item.path()))));
		StringBuilder text = new StringBuilder(item.summary());
		appendLine(text, item.organiser());
		appendLine(text, item.onlineLink());
		appendLine(text, item.registrationLink());
		if (!text.isEmpty()) {
			event.add(new Description(text.toString()));
		}
		if (item.updatedAt() != null) {
			event.add(new LastModified(item.updatedAt()));
		}
		return event;
	}

	private static void appendLine(StringBuilder text, String value) {
		if (value != null && !value.isBlank()) {
			text.append(text.isEmpty() ? "" : "\n").append(value);
		}
	}

}
