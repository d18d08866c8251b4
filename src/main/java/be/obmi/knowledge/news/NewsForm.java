package be.obmi.knowledge.news;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an editor enters for a news item or an event; times of events are local times in
 * Europe/Brussels. {@code version} is the version the editor loaded (optimistic lock).
 */
public record NewsForm(String title, String summary, String body, List<String> themes,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt, String location, String address,
		String onlineLink, String organiser, String registrationLink, Integer version) {

	public NewsForm {
		themes = themes == null ? List.of() : List.copyOf(themes);
	}

	/** An empty form. */
	public static NewsForm empty() {
		return new NewsForm("", "", "", List.of(), null, null, "", "", "", "", "", 0);
	}

	/** The form of an existing item. */
	public static NewsForm of(NewsItem item) {
		return new NewsForm(item.title(), item.summary(), item.body(), item.themes(),
				item.start() == null ? null : item.start().toLocalDateTime(),
				item.end() == null ? null : item.end().toLocalDateTime(), item.location(), item.address(),
				item.onlineLink(), item.organiser(), item.registrationLink(), item.version());
	}

}
