package be.obmi.pirk.register;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.screening.AuditFields;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.ScopeLock;
import be.obmi.tenancy.Tenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leegstandsregister of a city: inclusion by an administrative act (after at least
 * twelve months of vacancy), the day of receipt by the owner, the appeal within 30 days
 * of that receipt and its outcome, and removal after six consecutive months of proven use
 * (refused before). Each step is dated in the case's history and audited; each runs under
 * the tenant's PIRK lock.
 */
@Service
public class VacancyCases {

	static final String SELECT = """
			select c.id, c.real_estate_id, concat_ws(' ', r.street, r.house_number, case when r.box_number is not null
			    then 'bus ' || r.box_number end) as address, c.register, c.act_reference, c.act_date, c.vacant_since,
			    c.receipt_date, c.appeal_lodged_on, c.appeal_outcome, c.appeal_decided_on, c.removed_on, c.removal_reason,
			    c.use_since, c.demo, c.version
			from pirk.vacancy_case c join pirk.real_estate r on r.id = c.real_estate_id
			""";

	/** The outcome of a removal decision. */
	public record Removal(boolean granted, long monthsProven, LocalDate removableOn) {
	}

	private final JdbcClient jdbc;

	private final RealEstates objects;

	private final CaseSteps steps;

	private final AuditTrail audit;

	private final ScopeLock lock;

	private final int decisionDays;

	VacancyCases(JdbcClient jdbc, RealEstates objects, CaseSteps steps, AuditTrail audit, ScopeLock lock,
			@Value("${obmi.pirk.appeal-decision-days:90}") int decisionDays) {
		this.jdbc = jdbc;
		this.objects = objects;
		this.steps = steps;
		this.audit = audit;
		this.lock = lock;
		this.decisionDays = decisionDays;
	}

	/**
	 * Days the college has to decide on an appeal
	 * ({@code obmi.pirk.appeal-decision-days}).
	 */
	public int decisionDays() {
		return decisionDays;
	}

	/** The tenant's cases, those still included first, then by act date. */
	public List<VacancyCase> of(Tenant tenant) {
		return jdbc.sql(SELECT + " where c.tenant_id = ? order by c.removed_on is not null, c.act_date desc, c.id desc")
			.param(tenant.id())
			.query(VacancyCase.class)
			.list();
	}

	public Optional<VacancyCase> find(Tenant tenant, long id) {
		return jdbc.sql(SELECT + " where c.tenant_id = ? and c.id = ?")
			.params(tenant.id(), id)
			.query(VacancyCase.class)
			.optional();
	}

	/** The object's cases. */
	public List<VacancyCase> ofObject(Tenant tenant, long objectId) {
		return jdbc.sql(SELECT + " where c.tenant_id = ? and c.real_estate_id = ? order by c.act_date desc")
			.params(tenant.id(), objectId)
			.query(VacancyCase.class)
			.list();
	}

	public List<CaseStep> steps(Tenant tenant, long caseId) {
		return steps.of(tenant, caseId);
	}

	/**
	 * Includes an object by an administrative act.
	 * @throws RefusedStateException when the vacancy is shorter than twelve months at the
	 * act, or the object is already included in that register
	 */
	@Transactional
	public long include(Tenant tenant, InclusionForm form, String actor, boolean demo) {
		lock.acquire(ScopeLock.Kind.PIRK, tenant.id());
		RealEstate object = objects.find(tenant, form.objectId())
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.objectUnknown", form.objectId())));
		if (form.vacantSince().plusMonths(VacancyCase.INCLUSION_MONTHS).isAfter(form.actDate())) {
			throw new RefusedStateException(Reason.of("pirk.refused.notTwelveMonths",
					Math.max(0, ChronoUnit.MONTHS.between(form.vacantSince(), form.actDate()))));
		}
		if (form.receiptDate() != null && form.receiptDate().isBefore(form.actDate())) {
			throw new RefusedValueException(Reason.of("pirk.refused.receiptBeforeAct"));
		}
		boolean open = jdbc.sql("""
				select count(*) > 0 from pirk.vacancy_case
				where tenant_id = ? and real_estate_id = ? and register = ? and removed_on is null""")
			.params(tenant.id(), object.id(), form.register())
			.query(Boolean.class)
			.single();
		if (open) {
			throw new RefusedStateException(Reason.of("pirk.refused.alreadyIncluded"));
		}
		long id = jdbc
			.sql("""
					insert into pirk.vacancy_case (tenant_id, real_estate_id, register, act_reference, act_date, vacant_since,
					    receipt_date, demo)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), object.id(), form.register(), form.actReference().strip(), form.actDate(),
					form.vacantSince(), form.receiptDate(), demo)
			.query(Long.class)
			.single();
		steps.add(tenant, id, "INCLUDED", form.actDate(), form.actReference().strip(), actor);
		if (form.receiptDate() != null) {
			steps.add(tenant, id, "RECEIVED", form.receiptDate(),
					"beroep tot " + VacancyCase.appealDeadline(form.receiptDate()), actor);
		}
		audit.created(tenant.id(), "pirk-leegstandsregister", String.valueOf(id), object.address().line(),
				AuditFields.of(FieldChange.between("register", null, form.register()),
						FieldChange.between("akte", null, form.actReference().strip() + " " + form.actDate()),
						FieldChange.between("ontvangen", null, form.receiptDate())));
		return id;
	}

	/**
	 * Records the day the owner received the notice of the act; the appeal period runs 30
	 * days from it.
	 */
	@Transactional
	public void recordReceipt(Tenant tenant, long caseId, LocalDate receiptDate, int version, String actor) {
		lock.acquire(ScopeLock.Kind.PIRK, tenant.id());
		VacancyCase c = require(tenant, caseId);
		if (receiptDate.isBefore(c.actDate())) {
			throw new RefusedValueException(Reason.of("pirk.refused.receiptBeforeAct"));
		}
		if (c.appealLodgedOn() != null || !c.included()) {
			throw new RefusedStateException(Reason.of("pirk.refused.receiptFixed"));
		}
		steps.bump(tenant, caseId, version);
		jdbc.sql("update pirk.vacancy_case set receipt_date = ? where id = ?").params(receiptDate, caseId).update();
		steps.add(tenant, caseId, "RECEIVED", receiptDate, "beroep tot " + VacancyCase.appealDeadline(receiptDate),
				actor);
		audit.updated(tenant.id(), "pirk-leegstandsregister", String.valueOf(caseId), c.address(),
				AuditFields.of(FieldChange.between("ontvangen", c.receiptDate(), receiptDate)));
	}

	/**
	 * Records an appeal lodged on {@code lodgedOn}: pending when within 30 days of
	 * receipt, else inadmissible (late).
	 * @return the appeal's outcome so far: PENDING or INADMISSIBLE
	 */
	@Transactional
	public String lodgeAppeal(Tenant tenant, long caseId, LocalDate lodgedOn, int version, String actor) {
		lock.acquire(ScopeLock.Kind.PIRK, tenant.id());
		VacancyCase c = require(tenant, caseId);
		if (c.receiptDate() == null) {
			throw new RefusedStateException(Reason.of("pirk.refused.noReceipt"));
		}
		if (c.appealLodgedOn() != null || !c.included()) {
			throw new RefusedStateException(Reason.of("pirk.refused.appealExists"));
		}
		if (lodgedOn.isBefore(c.actDate())) {
			throw new RefusedValueException(Reason.of("pirk.refused.appealBeforeAct"));
		}
		boolean late = lodgedOn.isAfter(c.appealDeadline());
		String outcome = late ? "INADMISSIBLE" : "PENDING";
		steps.bump(tenant, caseId, version);
		jdbc.sql(
				"update pirk.vacancy_case set appeal_lodged_on = ?, appeal_outcome = ?, appeal_decided_on = ? where id = ?")
			.params(lodgedOn, outcome, late ? lodgedOn : null, caseId)
			.update();
		steps.add(tenant, caseId, late ? "APPEAL_LATE" : "APPEAL_LODGED", lodgedOn, "termijn tot " + c.appealDeadline(),
				actor);
		audit.updated(tenant.id(), "pirk-leegstandsregister", String.valueOf(caseId), c.address(),
				AuditFields.of(FieldChange.between("beroep", null, lodgedOn + " " + outcome)));
		return outcome;
	}

	/**
	 * Decides a pending appeal: UPHELD keeps the inclusion, GRANTED annuls it (the object
	 * leaves the register, no levy is due).
	 */
	@Transactional
	public void decideAppeal(Tenant tenant, long caseId, LocalDate decidedOn, String outcome, int version,
			String actor) {
		lock.acquire(ScopeLock.Kind.PIRK, tenant.id());
		VacancyCase c = require(tenant, caseId);
		if (!c.appealPending()) {
			throw new RefusedStateException(Reason.of("pirk.refused.noPendingAppeal"));
		}
		if (!"UPHELD".equals(outcome) && !"GRANTED".equals(outcome)) {
			throw new RefusedValueException(Reason.of("pirk.refused.appealOutcome"));
		}
		if (decidedOn.isBefore(c.appealLodgedOn())) {
			throw new RefusedValueException(Reason.of("pirk.refused.decisionBeforeAppeal"));
		}
		steps.bump(tenant, caseId, version);
		boolean granted = "GRANTED".equals(outcome);
		jdbc.sql(
				"""
						update pirk.vacancy_case set appeal_outcome = ?, appeal_decided_on = ?, removed_on = ?, removal_reason = ?
						where id = ?""")
			.params(outcome, decidedOn, granted ? decidedOn : null, granted ? "APPEAL" : null, caseId)
			.update();
		steps.add(tenant, caseId, "APPEAL_DECIDED", decidedOn, outcome, actor);
		audit.updated(tenant.id(), "pirk-leegstandsregister", String.valueOf(caseId), c.address(),
				AuditFields.of(FieldChange.between("beroep", "PENDING", outcome + " " + decidedOn)));
	}

	/**
	 * Decides on removal after use reported from {@code useSince}: granted (removed as of
	 * {@code decidedOn}) only after six consecutive months of proven use, else refused —
	 * the refusal is a dated step too, and the reported use is kept so the deadline list
	 * shows when removal becomes possible.
	 */
	@Transactional
	public Removal decideRemoval(Tenant tenant, long caseId, LocalDate useSince, LocalDate decidedOn, int version,
			String actor) {
		lock.acquire(ScopeLock.Kind.PIRK, tenant.id());
		VacancyCase c = require(tenant, caseId);
		if (!c.included()) {
			throw new RefusedStateException(Reason.of("pirk.refused.notIncluded"));
		}
		if (useSince.isBefore(c.actDate()) || decidedOn.isBefore(useSince)) {
			throw new RefusedValueException(Reason.of("pirk.refused.useDates"));
		}
		long months = ChronoUnit.MONTHS.between(useSince, decidedOn);
		LocalDate removableOn = VacancyCase.removableOn(useSince);
		boolean granted = !decidedOn.isBefore(removableOn);
		steps.bump(tenant, caseId, version);
		jdbc.sql("update pirk.vacancy_case set use_since = ?, removed_on = ?, removal_reason = ? where id = ?")
			.params(useSince, granted ? decidedOn : null, granted ? "USE" : null, caseId)
			.update();
		steps.add(tenant, caseId, granted ? "REMOVED" : "REMOVAL_REFUSED", decidedOn,
				"gebruik sinds " + useSince + " (" + months + " maanden); schrapping mogelijk vanaf " + removableOn,
				actor);
		audit.updated(tenant.id(), "pirk-leegstandsregister", String.valueOf(caseId), c.address(),
				AuditFields.of(FieldChange.between("schrapping", null,
						(granted ? "toegestaan " : "geweigerd ") + decidedOn + ", gebruik sinds " + useSince)));
		return new Removal(granted, months, removableOn);
	}

	VacancyCase require(Tenant tenant, long caseId) {
		return find(tenant, caseId)
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.caseUnknown", caseId)));
	}

}
