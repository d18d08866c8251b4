package be.obmi.pirk.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.ScopeLock;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly levy of an included object (year n falls due n × 12 months after the act, as
 * long as it stays in the register) and its exemptions (ground, from–to): a levy year
 * whose due day lies in an exemption is exempt.
 */
@Service
public class VacancyLevies {

	/** A levy year of a case and its state on a day. */
	public record LevyYear(int year, LocalDate dueOn, State state, BigDecimal amount, LocalDate assessedOn,
			String exemption) {
	}

	/** The state of a levy year. */
	public enum State {

		/** Not yet due. */
		UPCOMING,
		/** Due and not yet assessed. */
		DUE,
		/** Assessed with an amount. */
		ASSESSED,
		/** Falls in an exemption. */
		EXEMPT

	}

	/** An exemption of a case. */
	public record Exemption(long id, String kind, LocalDate validFrom, LocalDate validTo, String note) {

		public boolean covers(LocalDate day) {
			return !day.isBefore(validFrom) && !day.isAfter(validTo);
		}

	}

	private final JdbcClient jdbc;

	private final VacancyCases cases;

	private final CaseSteps steps;

	private final AuditTrail audit;

	private final ScopeLock lock;

	VacancyLevies(JdbcClient jdbc, VacancyCases cases, CaseSteps steps, AuditTrail audit, ScopeLock lock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.steps = steps;
		this.audit = audit;
		this.lock = lock;
	}

	public List<Exemption> exemptions(Tenant tenant, long caseId) {
		return recorded(tenant, caseId).exemptions(caseId);
	}

	/** A levy year as recorded. */
	public record Assessed(long caseId, int levyYear, BigDecimal amount, LocalDate assessedOn, boolean exempt) {
	}

	/**
	 * The recorded levy years and exemptions of one or all of a tenant's cases, by case:
	 * read once to list the schedules of many cases.
	 */
	public record Recorded(Map<Long, List<Assessed>> levies, Map<Long, List<Exemption>> exemptions) {

		List<Assessed> levies(long caseId) {
			return levies.getOrDefault(caseId, List.of());
		}

		public List<Exemption> exemptions(long caseId) {
			return exemptions.getOrDefault(caseId, List.of());
		}

	}

	/** The recorded levy years and exemptions of all the tenant's cases. */
	public Recorded recorded(Tenant tenant) {
		return recorded(tenant, null);
	}

	private Recorded recorded(Tenant tenant, Long caseId) {
		String one = caseId == null ? "" : " and case_id = ?";
		List<Object> params = caseId == null ? List.of(tenant.id()) : List.of(tenant.id(), caseId);
		Map<Long, List<Assessed>> levies = jdbc
			.sql("select case_id, levy_year, amount, assessed_on, exempt from pirk.vacancy_levy where tenant_id = ?"
					+ one)
			.params(params)
			.query(Assessed.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Assessed::caseId));
		Map<Long, List<Exemption>> exemptions = new HashMap<>();
		jdbc.sql("select case_id, id, kind, valid_from, valid_to, note from pirk.vacancy_exemption where tenant_id = ?"
				+ one + " order by valid_from, id")
			.params(params)
			.query((rs, n) -> exemptions.computeIfAbsent(rs.getLong("case_id"), id -> new ArrayList<>())
				.add(new Exemption(rs.getLong("id"), rs.getString("kind"), rs.getObject("valid_from", LocalDate.class),
						rs.getObject("valid_to", LocalDate.class), rs.getString("note"))))
			.list();
		return new Recorded(levies, exemptions);
	}

	/**
	 * The case's levy years up to the first one due after {@code today} (none after the
	 * object left the register).
	 */
	public List<LevyYear> schedule(Tenant tenant, VacancyCase c, LocalDate today) {
		return schedule(recorded(tenant, c.id()), c, today);
	}

	/** {@link #schedule(Tenant, VacancyCase, LocalDate)} from what was read already. */
	public static List<LevyYear> schedule(Recorded recorded, VacancyCase c, LocalDate today) {
		List<Assessed> assessed = recorded.levies(c.id());
		List<Exemption> exemptions = recorded.exemptions(c.id());
		List<LevyYear> years = new ArrayList<>();
		LocalDate end = c.levyEnd();
		for (int year = 1; year <= 100; year++) {
			LocalDate due = c.levyDue(year);
			if (end != null && !due.isBefore(end)) {
				break;
			}
			int n = year;
			Assessed a = assessed.stream().filter(x -> x.levyYear() == n).findFirst().orElse(null);
			Exemption exemption = exemptions.stream().filter(e -> e.covers(due)).findFirst().orElse(null);
			State state = a != null ? (a.exempt() ? State.EXEMPT : State.ASSESSED)
					: exemption != null ? State.EXEMPT : due.isAfter(today) ? State.UPCOMING : State.DUE;
			years.add(new LevyYear(year, due, state, a == null ? null : a.amount(), a == null ? null : a.assessedOn(),
					exemption == null ? null : exemption.kind()));
			if (due.isAfter(today)) {
				break;
			}
		}
		return years;
	}

	/**
	 * Assesses levy year {@code year} (or records it exempt when an exemption covers its
	 * due day).
	 * @throws RefusedStateException when the year is not due yet, already assessed, the
	 * object left the register before it, or an appeal is pending
	 */
	@Transactional
	public LevyYear assess(Tenant tenant, long caseId, int year, BigDecimal amount, LocalDate assessedOn,
			String actor) {
		lock.acquire(ScopeLock.Kind.PIRK, tenant.id());
		VacancyCase c = cases.require(tenant, caseId);
		if (c.appealPending()) {
			throw new RefusedStateException(Reason.of("pirk.refused.appealPending"));
		}
		LevyYear levy = schedule(tenant, c, assessedOn).stream()
			.filter(l -> l.year() == year)
			.findFirst()
			.orElseThrow(() -> new RefusedStateException(Reason.of("pirk.refused.levyNotDue", year)));
		if (levy.state() == State.ASSESSED || levy.assessedOn() != null) {
			throw new RefusedStateException(Reason.of("pirk.refused.levyAssessed", year));
		}
		if (levy.state() == State.UPCOMING) {
			throw new RefusedStateException(Reason.of("pirk.refused.levyNotDue", year));
		}
		boolean exempt = levy.state() == State.EXEMPT;
		if (!exempt && (amount == null || amount.signum() < 0)) {
			throw new RefusedValueException(Reason.of("pirk.refused.levyAmount"));
		}
		jdbc.sql("""
				insert into pirk.vacancy_levy (tenant_id, case_id, levy_year, due_on, amount, assessed_on, exempt,
				    recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant.id(), caseId, year, levy.dueOn(), exempt ? null : amount, assessedOn, exempt, actor)
			.update();
		steps.bump(tenant, caseId, -1);
		steps.add(tenant, caseId, exempt ? "LEVY_EXEMPT" : "LEVY_ASSESSED", assessedOn,
				"jaar " + year + " (vervaldag " + levy.dueOn() + ")" + (exempt ? "" : ": " + amount.toPlainString()),
				actor);
		audit.updated(tenant.id(), "pirk-leegstandsregister", String.valueOf(caseId), c.address(),
				List.of(FieldChange.added("heffing", year + ": " + (exempt ? "vrijgesteld" : amount.toPlainString()))));
		return schedule(tenant, cases.require(tenant, caseId), assessedOn).stream()
			.filter(l -> l.year() == year)
			.findFirst()
			.orElseThrow();
	}

	/** Records an exemption from the levy. */
	@Transactional
	public long addExemption(Tenant tenant, long caseId, ExemptionForm form, String actor) {
		lock.acquire(ScopeLock.Kind.PIRK, tenant.id());
		VacancyCase c = cases.require(tenant, caseId);
		if (form.validTo().isBefore(form.validFrom())) {
			throw new RefusedValueException(Reason.of("pirk.refused.periodReversed"));
		}
		long id = jdbc.sql("""
				insert into pirk.vacancy_exemption (tenant_id, case_id, kind, valid_from, valid_to, note, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), caseId, form.kind(), form.validFrom(), form.validTo(),
					form.note() == null || form.note().isBlank() ? null : form.note().strip(), actor)
			.query(Long.class)
			.single();
		steps.bump(tenant, caseId, -1);
		steps.add(tenant, caseId, "EXEMPTION", form.validFrom(), form.kind() + " tot " + form.validTo(), actor);
		audit.updated(tenant.id(), "pirk-leegstandsregister", String.valueOf(caseId), c.address(), List
			.of(FieldChange.added("vrijstelling", form.kind() + " " + form.validFrom() + "–" + form.validTo())));
		return id;
	}

}
