package be.obmi.plan.web;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.tenancy.Tenant;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** What the plan pages share: finding the plan, and who may do what. */
@Component
class PlanPages {

	private final Plans plans;

	private final TenantAccess access;

	private final StatusRounds rounds;

	PlanPages(Plans plans, TenantAccess access, StatusRounds rounds) {
		this.plans = plans;
		this.access = access;
		this.rounds = rounds;
	}

	/** The tenant's current plan, or 404. */
	Plan plan(Tenant tenant) {
		return plans.current(tenant).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	boolean canEdit(Tenant tenant) {
		return access.has(tenant.slug(), Role.REDACTEUR);
	}

	String username() {
		return access.currentUser().map(ObmiUser::getUsername).orElse(null);
	}

	/**
	 * Plan managers may update every item; contributors only the items assigned to them.
	 */
	boolean canReport(Tenant tenant, PlanItem item) {
		if (canEdit(tenant)) {
			return true;
		}
		String user = username();
		return user != null && access.has(tenant.slug(), Role.BIJDRAGER) && user.equalsIgnoreCase(item.contributor());
	}

	ObmiUser requireEditor(Tenant tenant) {
		return access.require(tenant.slug(), Role.REDACTEUR);
	}

	/**
	 * The task of an item in a round, with its update, for someone who may report on it
	 * (its contributor or a plan manager): the people who see the update's comments and
	 * attachments.
	 * @throws ResponseStatusException 404 for an unknown task or one without an update
	 * @throws AccessDeniedException for anyone else
	 */
	StatusRounds.Task reportableUpdate(Tenant tenant, long roundId, long itemId) {
		StatusRounds.Task task = rounds.task(tenant, roundId, itemId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!canReport(tenant, task.item())) {
			throw new AccessDeniedException("Niet jouw item");
		}
		if (task.update() == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return task;
	}

}
