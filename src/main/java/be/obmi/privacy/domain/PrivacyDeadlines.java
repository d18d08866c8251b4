package be.obmi.privacy.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;

/**
 * The deadlines of a tenant's agreements, breaches and requests that need the DPO: what
 * is overdue (an agreement expired, a breach's 72 hours passed without notification or a
 * decision not to notify, a request unanswered after its due date) and what falls due
 * soon.
 */
@Service
public class PrivacyDeadlines {

	/** How many days before a request's due date it counts as due soon. */
	static final int REQUEST_DUE_SOON_DAYS = 7;

	/** What a deadline belongs to. */
	public enum Kind {

		AGREEMENT, BREACH, REQUEST;

		public String messageKey() {
			return "privacy.deadline.kind." + name().toLowerCase();
		}

	}

	/**
	 * One deadline: {@code due} in Belgian local time; {@code state} is what a reminder
	 * is "once" about.
	 */
	public record Deadline(Kind kind, long id, String label, LocalDateTime due, boolean overdue) {

		public String state() {
			return (overdue ? "OVERDUE:" : "DUE:") + due;
		}

	}

	private final Agreements agreements;

	private final Breaches breaches;

	private final SubjectRequests requests;

	PrivacyDeadlines(Agreements agreements, Breaches breaches, SubjectRequests requests) {
		this.agreements = agreements;
		this.breaches = breaches;
		this.requests = requests;
	}

	/**
	 * The date {@code months} calendar months after {@code day}: the same day of that
	 * month, or its last day when it has no such day (31 January + 1 month = 28 or 29
	 * February), as art. 12(3) GDPR and Regulation 1182/71 count a month.
	 */
	public static LocalDate monthsAfter(LocalDate day, int months) {
		return day.plusMonths(months);
	}

	/** Overdue first, then by due time. */
	public List<Deadline> of(Tenant tenant, OffsetDateTime now) {
		LocalDate today = now.atZoneSameInstant(Breaches.BELGIUM).toLocalDate();
		List<Deadline> deadlines = new ArrayList<>();
		for (Agreement a : agreements.of(tenant)) {
			AgreementStatus status = a.status(today, agreements.reminderDays());
			if (status == AgreementStatus.EXPIRED || status == AgreementStatus.EXPIRING) {
				deadlines.add(new Deadline(Kind.AGREEMENT, a.id(), a.counterparty(), a.endOn().atStartOfDay(),
						status == AgreementStatus.EXPIRED));
			}
		}
		for (Breach b : breaches.of(tenant)) {
			if (b.clockRunning()) {
				deadlines
					.add(new Deadline(Kind.BREACH, b.id(), b.title(), Breaches.local(b.deadline()), b.overdue(now)));
			}
		}
		for (SubjectRequest r : requests.of(tenant)) {
			if (r.answeredOn() == null && !r.dueOn().isAfter(today.plusDays(REQUEST_DUE_SOON_DAYS))) {
				deadlines
					.add(new Deadline(Kind.REQUEST, r.id(), r.reference(), r.dueOn().atStartOfDay(), r.overdue(today)));
			}
		}
		deadlines.sort(Comparator.comparing((Deadline d) -> !d.overdue()).thenComparing(Deadline::due));
		return deadlines;
	}

	/** Only the overdue ones. */
	public List<Deadline> overdue(Tenant tenant, OffsetDateTime now) {
		return of(tenant, now).stream().filter(Deadline::overdue).toList();
	}

}
