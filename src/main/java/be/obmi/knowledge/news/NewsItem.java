package be.obmi.knowledge.news;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A news item or an event of the Kenniscentrum. Events carry a start and an end (shown in
 * {@link #ZONE}) and where and how to take part; news items leave those null.
 *
 * @param body sanitised HTML
 * @param themes the theme codes ({@code knowledge.theme})
 */
public record NewsItem(long id, Kind kind, String title, String summary, String body, boolean published,
		Instant publishedAt, Instant startsAt, Instant endsAt, String location, String address, String onlineLink,
		String organiser, String registrationLink, boolean demo, String author, Instant updatedAt, int version,
		List<String> themes) {

	/** The Kenniscentrum's time zone: events are entered and shown in it. */
	public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

	public enum Kind {

		NEWS, EVENT

	}

	public boolean event() {
		return kind == Kind.EVENT;
	}

	public ZonedDateTime start() {
		return startsAt == null ? null : startsAt.atZone(ZONE);
	}

	public ZonedDateTime end() {
		return endsAt == null ? null : endsAt.atZone(ZONE);
	}

	/** The public page: {@code /kennis/nieuws/{id}} or {@code /kennis/agenda/{id}}. */
	public String path() {
		return (event() ? "/kennis/agenda/" : "/kennis/nieuws/") + id;
	}

}
