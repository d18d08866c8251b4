package be.obmi.plan.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.identity.Contact;
import be.obmi.identity.Contacts;
import be.obmi.identity.Role;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.ScopeLock;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who reports on which action: the contributor of an item is chosen from the tenant's
 * enabled accounts whose role there includes {@link Role#BIJDRAGER} (bijdragers,
 * redacteurs, beheerders); any other name is refused and nothing changes. Assigning goes
 * through {@link PlanItems#update} (optimistic locking on the item's {@code version}, one
 * audit entry per item). An item assigned while it is in an open round is announced to
 * its new contributor as the round's opening ({@link RoundEvents#opened}).
 */
@Service
public class Assignments {

	/**
	 * One item to assign, as the page read it ({@code version} for optimistic locking).
	 */
	public record Assignment(long itemId, int version, String contributor) {
	}

	private final JdbcClient jdbc;

	private final PlanItems items;

	private final Contacts contacts;

	private final StatusRounds rounds;

	private final RoundEvents events;

	private final ScopeLock lock;

	Assignments(JdbcClient jdbc, PlanItems items, Contacts contacts, StatusRounds rounds, RoundEvents events,
			ScopeLock lock) {
		this.jdbc = jdbc;
		this.items = items;
		this.contacts = contacts;
		this.rounds = rounds;
		this.events = events;
		this.lock = lock;
	}

	/** The accounts that may be assigned: enabled members able to contribute, by name. */
	@Transactional(readOnly = true)
	public List<Contact> candidates(Tenant tenant) {
		return contacts.withRole(tenant, Role.BIJDRAGER);
	}

	/**
	 * The user name as the account spells it.
	 * @throws RefusedValueException when no enabled account of the tenant able to
	 * contribute has that name
	 */
	@Transactional(readOnly = true)
	public String checked(Tenant tenant, String username) {
		String name = username == null ? "" : username.strip();
		return candidates(tenant).stream()
			.map(Contact::username)
			.filter(name::equalsIgnoreCase)
			.findFirst()
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.contributorUnknown", name)));
	}

	/**
	 * Saves the item page's edit: a changed contributor must be an assignable account (an
	 * unchanged one is kept, even when it no longer is). See {@link PlanItems#update}.
	 */
	@Transactional
	public PlanItem update(Tenant tenant, long id, PlanItemForm form) {
		PlanItem before = items.byId(tenant, id)
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.itemUnknown")));
		String contributor = PlanItems.blankToNull(form.contributor());
		if (contributor != null && !contributor.equalsIgnoreCase(before.contributor())) {
			contributor = checked(tenant, contributor);
		}
		PlanItem after = items.update(tenant, id, withContributor(form, contributor));
		announce(tenant, List.of(after), before.contributor());
		return after;
	}

	/**
	 * Assigns each item its contributor, all or nothing (blank ones are skipped).
	 * @throws RefusedValueException for a name that is not assignable, or an item that is
	 * not the tenant's (a round may ask any item, so not only actions)
	 * @throws ConcurrentChangeException when an item changed since the page was read
	 */
	@Transactional
	public List<PlanItem> assign(Tenant tenant, List<Assignment> assignments) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		List<PlanItem> assigned = new ArrayList<>();
		for (Assignment assignment : assignments) {
			if (assignment.contributor() == null || assignment.contributor().isBlank()) {
				continue;
			}
			String contributor = checked(tenant, assignment.contributor());
			PlanItem before = item(tenant, assignment.itemId());
			if (contributor.equals(before.contributor())) {
				continue;
			}
			PlanItemForm form = PlanItemForm.of(before).withVersion(assignment.version());
			assigned.add(items.update(tenant, before.id(), withContributor(form, contributor)));
		}
		announce(tenant, assigned, null);
		return assigned;
	}

	/** The active actions of the plan without a contributor, in plan order. */
	@Transactional(readOnly = true)
	public List<PlanItem> unassigned(Plan plan) {
		return items.all(plan)
			.stream()
			.filter(i -> i.type() == ItemType.AC && (i.contributor() == null || i.contributor().isBlank()))
			.toList();
	}

	/**
	 * The active actions under an item of the plan (a goal or action plan), in plan
	 * order.
	 */
	@Transactional(readOnly = true)
	public List<PlanItem> actionsUnder(Tenant tenant, Plan plan, long itemId) {
		Optional<PlanItem> root = items.byId(tenant, itemId).filter(i -> i.planId() == plan.id());
		if (root.isEmpty()) {
			return List.of();
		}
		List<Long> ids = items.withDescendants(tenant, itemId).stream().map(PlanItem::id).toList();
		return items.all(plan).stream().filter(i -> i.type() == ItemType.AC && ids.contains(i.id())).toList();
	}

	/** The active actions of a department (their administrative owner), in plan order. */
	@Transactional(readOnly = true)
	public List<PlanItem> actionsOf(Plan plan, String department) {
		return items.all(plan)
			.stream()
			.filter(i -> i.type() == ItemType.AC && department != null && department.equals(i.administrativeOwner()))
			.toList();
	}

	/** The departments (administrative owners) named on the plan's active actions. */
	@Transactional(readOnly = true)
	public List<String> departments(Plan plan) {
		return jdbc.sql("""
				select distinct administrative_owner from plan.plan_item
				where plan_id = ? and tenant_id = ? and type = 'AC' and archived_at is null
				  and administrative_owner is not null order by administrative_owner""")
			.params(plan.id(), plan.tenantId())
			.query(String.class)
			.list();
	}

	private PlanItem item(Tenant tenant, long id) {
		return items.byId(tenant, id)
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.itemUnknown")));
	}

	/**
	 * Tells the new contributors of items in open rounds that they have work (the round's
	 * opening mail, once per contributor and round).
	 */
	private void announce(Tenant tenant, List<PlanItem> assigned, String previous) {
		Map<Long, List<StatusRounds.Task>> byRound = new LinkedHashMap<>();
		for (PlanItem item : assigned) {
			if (item.contributor() == null || item.contributor().equalsIgnoreCase(previous)) {
				continue;
			}
			openRoundsOf(tenant, item.id()).forEach(roundId -> rounds.task(tenant, roundId, item.id())
				.ifPresent(task -> byRound.computeIfAbsent(roundId, r -> new ArrayList<>()).add(task)));
		}
		byRound.values().forEach(tasks -> events.opened(tenant, tasks.getFirst().round(), tasks));
	}

	private List<Long> openRoundsOf(Tenant tenant, long itemId) {
		return jdbc
			.sql("""
					select r.id from plan.status_round r join plan.round_item ri on ri.round_id = r.id and ri.tenant_id = r.tenant_id
					where ri.item_id = ? and r.tenant_id = ? and r.state = 'OPEN' order by r.id""")
			.params(itemId, tenant.id())
			.query(Long.class)
			.list();
	}

	private static PlanItemForm withContributor(PlanItemForm f, String contributor) {
		return new PlanItemForm(f.title(), f.description(), f.priority(), f.policyField(), f.politicalOwner(),
				f.administrativeOwner(), contributor, f.startDate(), f.endDate(), f.tags(), f.wijk(), f.latitude(),
				f.longitude(), f.weight(), f.version());
	}

}
