package be.obmi.pirk.register;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import be.obmi.tenancy.Tenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The deadlines of a city's leegstandsregister on a day: appeal periods still running (30
 * days from receipt), appeals awaiting a decision ({@code obmi.pirk.appeal-decision-days}
 * from lodging), levy years due or due soon, exemptions that end soon, and removals that
 * become possible (six months after the reported use began). Overdue first, then by due
 * day.
 */
@Service
public class VacancyDeadlines {

	/** What a deadline belongs to. */
	public enum Kind {

		/** The owner's appeal period ends (the city waits for it). */
		APPEAL_PERIOD,
		/** The college must decide on an appeal. */
		APPEAL_DECISION,
		/** A levy year falls due and is to be assessed. */
		LEVY,
		/** An exemption ends; the levy applies again after it. */
		EXEMPTION_END,
		/** Six months of use are reached: check and remove. */
		REMOVAL_CHECK;

		public String messageKey() {
			return "pirk.deadline.kind." + name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One deadline; {@code state} is what a reminder is "once" about.
	 *
	 * @param daysLeft days from the day asked to the due day (negative when overdue)
	 */
	public record Deadline(Kind kind, long caseId, String label, LocalDate due, boolean overdue, long daysLeft) {

		public String state() {
			return kind + (overdue ? ":OVERDUE:" : ":DUE:") + due;
		}

	}

	private final VacancyCases cases;

	private final VacancyLevies levies;

	private final int soonDays;

	VacancyDeadlines(VacancyCases cases, VacancyLevies levies,
			@Value("${obmi.pirk.deadline-soon-days:30}") int soonDays) {
		this.cases = cases;
		this.levies = levies;
		this.soonDays = soonDays;
	}

	/**
	 * How many days ahead a deadline is listed ({@code obmi.pirk.deadline-soon-days}).
	 */
	public int soonDays() {
		return soonDays;
	}

	public List<Deadline> of(Tenant tenant, LocalDate today) {
		List<Deadline> deadlines = new ArrayList<>();
		LocalDate horizon = today.plusDays(soonDays);
		VacancyLevies.Recorded recorded = levies.recorded(tenant);
		for (VacancyCase c : cases.of(tenant)) {
			String label = c.address() == null || c.address().isBlank() ? c.actReference() : c.address();
			if (c.appealOpen(today)) {
				deadlines.add(deadline(Kind.APPEAL_PERIOD, c, label, c.appealDeadline(), today));
			}
			if (c.appealPending()) {
				deadlines.add(deadline(Kind.APPEAL_DECISION, c, label,
						c.appealLodgedOn().plusDays(cases.decisionDays()), today));
			}
			if (!c.included()) {
				continue;
			}
			for (VacancyLevies.LevyYear levy : VacancyLevies.schedule(recorded, c, today)) {
				if ((levy.state() == VacancyLevies.State.DUE || levy.state() == VacancyLevies.State.UPCOMING)
						&& !levy.dueOn().isAfter(horizon)) {
					deadlines.add(deadline(Kind.LEVY, c, label, levy.dueOn(), today));
				}
			}
			for (VacancyLevies.Exemption e : recorded.exemptions(c.id())) {
				if (!e.validTo().isBefore(today) && !e.validTo().isAfter(horizon)) {
					deadlines.add(deadline(Kind.EXEMPTION_END, c, label, e.validTo(), today));
				}
			}
			if (c.useSince() != null && !c.removableOn().isAfter(horizon)) {
				deadlines.add(deadline(Kind.REMOVAL_CHECK, c, label, c.removableOn(), today));
			}
		}
		deadlines.sort(Comparator.comparing((Deadline d) -> !d.overdue()).thenComparing(Deadline::due));
		return deadlines;
	}

	private static Deadline deadline(Kind kind, VacancyCase c, String label, LocalDate due, LocalDate today) {
		boolean overdue = due.isBefore(today) && kind != Kind.APPEAL_PERIOD && kind != Kind.EXEMPTION_END;
		return new Deadline(kind, c.id(), label, due, overdue, ChronoUnit.DAYS.between(today, due));
	}

}
