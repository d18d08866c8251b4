package be.obmi.knowledge.news;

import java.net.URI;
import java.sql.Timestamp;
import java.time.LocalDateTime;

import be.obmi.knowledge.domain.RichText;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

/**
 * The rules of an editor's form for a news item or event: a title, for an event a start
 * and an end in that order within a plausible range, web links that are http(s), the body
 * sanitised ({@link RichText}).
 */
final class NewsChecks {

	private NewsChecks() {
	}

	/** A form that passed the checks: its times as timestamps, its links checked. */
	record Checked(String title, String summary, String body, Timestamp startsAt, Timestamp endsAt, String onlineLink,
			String registrationLink) {
	}

	/**
	 * The form's values as they are saved.
	 * @throws RefusedValueException for the first value the rules refuse
	 */
	static Checked check(NewsItem.Kind kind, NewsForm form) {
		String title = form.title() == null ? "" : form.title().strip();
		if (title.isEmpty() || title.length() > 300) {
			throw new RefusedValueException(Reason.of("knowledge.refused.news.title"));
		}
		Timestamp start = null;
		Timestamp end = null;
		if (kind == NewsItem.Kind.EVENT) {
			if (form.startsAt() == null || form.endsAt() == null) {
				throw new RefusedValueException(Reason.of("knowledge.refused.event.times"));
			}
			if (form.endsAt().isBefore(form.startsAt())) {
				throw new RefusedValueException(Reason.of("knowledge.refused.event.order"));
			}
			plausible(form.startsAt());
			plausible(form.endsAt());
			start = Timestamp.from(form.startsAt().atZone(NewsItem.ZONE).toInstant());
			end = Timestamp.from(form.endsAt().atZone(NewsItem.ZONE).toInstant());
		}
		String summary = form.summary() == null ? "" : form.summary().strip();
		return new Checked(title, summary, RichText.sanitised(form.body()), start, end, link(form.onlineLink()),
				link(form.registrationLink()));
	}

	private static void plausible(LocalDateTime time) {
		if (time.getYear() < 1900 || time.getYear() > 2200) {
			throw new RefusedValueException(Reason.of("knowledge.refused.event.times"));
		}
	}

	/** A web link (http or https), or null when blank. */
	static String link(String value) {
		String link = blank(value);
		if (link == null) {
			return null;
		}
		try {
			URI uri = new URI(link);
			if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
					&& link.length() <= 500) {
				return link;
			}
		}
		catch (Exception ex) {
			// refused below
		}
		throw new RefusedValueException(Reason.of("knowledge.refused.news.link", link));
	}

	static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
