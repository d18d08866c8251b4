package be.obmi.privacy.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * A personal data breach in the register of art. 33(5); {@code version} for optimistic
 * locking. The DPA must be notified within 72 hours of its discovery, or the register
 * says why not.
 */
public record Breach(long id, OffsetDateTime discoveredAt, String description, String nature, String subjectCategories,
		Integer subjectsCount, Integer recordsCount, String consequences, String measures, OffsetDateTime notifiedAt,
		String notNotifiedReason, Boolean informSubjects, String informReasoning, LocalDate informedOn, boolean closed,
		boolean demo, int version) {

	/** The time the DPA has to be notified by (art. 33(1)). */
	public static final Duration CLOCK = Duration.ofHours(72);

	public OffsetDateTime deadline() {
		return discoveredAt.plus(CLOCK);
	}

	/** The discovery in Belgian local time. */
	public LocalDateTime discoveredLocal() {
		return Breaches.local(discoveredAt);
	}

	/** The deadline in Belgian local time. */
	public LocalDateTime deadlineLocal() {
		return Breaches.local(deadline());
	}

	/** The notification in Belgian local time, or null. */
	public LocalDateTime notifiedLocal() {
		return Breaches.local(notifiedAt);
	}

	/** Neither notified nor decided not to notify (a reason given). */
	public boolean clockRunning() {
		return notifiedAt == null && (notNotifiedReason == null || notNotifiedReason.isBlank());
	}

	/** The clock is still running after 72 hours. */
	public boolean overdue(OffsetDateTime now) {
		return clockRunning() && now.isAfter(deadline());
	}

	/** Notified, but later than 72 hours after the discovery. */
	public boolean notifiedLate() {
		return notifiedAt != null && notifiedAt.isAfter(deadline());
	}

	/** The first line of the description, at most 80 characters, for lists and mails. */
	public String title() {
		String first = description.strip().lines().findFirst().orElse("");
		return first.length() > 80 ? first.substring(0, 79) + "…" : first;
	}

}
