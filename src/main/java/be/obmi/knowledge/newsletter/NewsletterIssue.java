package be.obmi.knowledge.newsletter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A newsletter issue: a draft without number, or numbered and going out (SENDING) or sent
 * (SENT).
 *
 * @param intro sanitised HTML
 * @param items the news items, events and cases it is composed of, in their order
 * @param delivered deliveries sent so far
 * @param deliveries deliveries in all (one per active subscriber when it was sent)
 */
public record NewsletterIssue(long id, Integer number, String title, String intro, Status status, boolean demo,
		String author, Instant sentAt, int version, List<Item> items, long delivered, long failed, long deliveries) {

	public enum Status {

		DRAFT, SENDING, SENT

	}

	/** A piece of content of the issue, with what the mail and the page show of it. */
	public record Item(String kind, long refId, String title, String summary, String path) {

		/** The key an editor's form uses: {@code NEWS:12}, {@code CASE:4}. */
		public String key() {
			return kind + ":" + refId;
		}

	}

	public boolean draft() {
		return status == Status.DRAFT;
	}

	/** The archive page, {@code /kennis/nieuwsbrief/{number}}; null for a draft. */
	public String path() {
		return number == null ? null : "/kennis/nieuwsbrief/" + number;
	}

	public LocalDate sentOn() {
		return sentAt == null ? null : sentAt.atZone(ZoneId.of("Europe/Brussels")).toLocalDate();
	}

}
