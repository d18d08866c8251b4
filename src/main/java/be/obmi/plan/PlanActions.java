package be.obmi.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.importing.PlanExport;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.ScopeLock;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding an action to a tenant's current multi-year plan from another module (the privacy
 * module puts a DPIA measure in the plan, so it is followed up in status rounds). The
 * action goes through the plan's own services: the audit trail records it, the plan gets
 * a new version with the whole plan kept (as after an import), and rounds that open later
 * ask for it like for any action.
 */
@Service
public class PlanActions {

	private final Plans plans;

	private final PlanItems items;

	private final PlanExport export;

	private final ScopeLock lock;

	private final AuditTrail audit;

	PlanActions(Plans plans, PlanItems items, PlanExport export, ScopeLock lock, AuditTrail audit) {
		this.plans = plans;
		this.items = items;
		this.export = export;
		this.lock = lock;
		this.audit = audit;
	}

	/** An action plan an action can be added under. */
	public record ActionPlan(String code, String title) {
	}

	/** An action of the plan. */
	public record Action(long id, String code, String title) {
	}

	/**
	 * The active action plans of the tenant's current plan in plan order; empty when it
	 * has no plan.
	 */
	@Transactional(readOnly = true)
	public List<ActionPlan> actionPlans(Tenant tenant) {
		return plans.current(tenant)
			.map(plan -> items.all(plan)
				.stream()
				.filter(i -> i.type() == ItemType.AP)
				.map(i -> new ActionPlan(i.code(), i.title()))
				.toList())
			.orElse(List.of());
	}

	/** An active action of the tenant's current plan by its code. */
	@Transactional(readOnly = true)
	public Optional<Action> action(Tenant tenant, String code) {
		return plans.current(tenant)
			.flatMap(plan -> items.byCode(plan, code))
			.filter(i -> i.type() == ItemType.AC)
			.map(i -> new Action(i.id(), i.code(), i.title()));
	}

	/**
	 * Adds an action under the action plan {@code parentCode} of the tenant's current
	 * plan and returns its code. Takes the plan's {@link ScopeLock} first, as imports and
	 * round steps do.
	 * @param owner the administrative owner (ambtelijk verantwoordelijke), or null
	 * @param endDate the planned end, or null
	 * @param actor the user name kept with the plan's new version
	 * @throws RefusedValueException for an unknown action plan or a blank title
	 * @throws RefusedStateException when the tenant has no plan
	 */
	@Transactional
	public Action addAction(Tenant tenant, String parentCode, String title, String description, String owner,
			LocalDate endDate, String actor) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		Plan plan = plans.current(tenant)
			.orElseThrow(() -> new RefusedStateException(Reason.of("plan.refused.noPlan")));
		PlanItem created = items.addAction(plan, parentCode, title, description, owner, endDate);
		int version = plans.addVersion(plan, "Actie " + created.code(), actor, 1, 0, export.csvText(plan));
		audit.updated(tenant.id(), "meerjarenplan", String.valueOf(plan.id()), plan.name(),
				List.of(FieldChange.between("versie", plan.currentVersion(), version),
						FieldChange.added("actie", created.code())));
		return new Action(created.id(), created.code(), created.title());
	}

}
