package be.obmi.plan.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.ObmiMetrics.RoundTransition;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.ScopeLock;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.Objects;

/**
 * Status rounds and their updates. The workflow of an update: concept → ingediend (by the
 * owner) → goedgekeurd (by a plan manager, or back to concept with a remark) →
 * gepubliceerd. A closed round is frozen. The steps publish their events
 * ({@link RoundEvents}) for other modules.
 * <p>
 * Over 300 lines because the round's whole workflow (open, submit, approve, return,
 * publish, close) with its checks and history is one state machine over one table pair;
 * split, each step would need the others' rules.
 */
@Service
public class StatusRounds {

	private static final String ROUND_COLUMNS = """
			id, plan_id, name, reference_date, deadline, scope, state, changed_assumptions, changed_risks, opened_by,
			opened_at, closed_at, version""";

	private static final String UPDATE_SELECT = """
			select u.id, u.round_id, u.item_id, u.status, u.progress, u.narrative, u.bottlenecks, u.next_steps, u.state,
			       u.remark, u.author, u.submitted_at, u.approved_by, u.approved_at, u.published_at, u.version,
			       r.name as round_name, r.reference_date
			from plan.status_update u join plan.status_round r on r.id = u.round_id
			""";

	/**
	 * An item a round asks an update for, with the update so far (null when none yet).
	 */
	public record Task(StatusRound round, PlanItem item, StatusUpdate update) {

		public boolean submitted() {
			return update != null && update.state() != UpdateState.CONCEPT;
		}

	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final PlanItems items;

	private final ObmiMetrics metrics;

	private final ScopeLock lock;

	private final RoundEvents events;

	private final UpdateComments comments;

	StatusRounds(JdbcClient jdbc, AuditTrail audit, PlanItems items, ObmiMetrics metrics, ScopeLock lock,
			RoundEvents events, UpdateComments comments) {
		this.comments = comments;
		this.events = events;
		this.lock = lock;
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.audit = audit;
		this.items = items;
	}

	/** Rounds of the plan, newest first. */
	@Transactional(readOnly = true)
	public List<StatusRound> rounds(Plan plan) {
		return jdbc.sql("select " + ROUND_COLUMNS
				+ " from plan.status_round where plan_id = ? and tenant_id = ? order by reference_date desc, id desc")
			.params(plan.id(), plan.tenantId())
			.query(StatusRound.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<StatusRound> round(Tenant tenant, long id) {
		return jdbc.sql("select " + ROUND_COLUMNS + " from plan.status_round where id = ? and tenant_id = ?")
			.params(id, tenant.id())
			.query(StatusRound.class)
			.optional();
	}

	/**
	 * Opens a round for all actions, the priority actions or a selection of items; the
	 * items are fixed now.
	 * @throws RefusedValueException when the dates or the selection are wrong
	 */
	@Transactional
	public StatusRound open(Tenant tenant, Plan plan, String name, LocalDate referenceDate, LocalDate deadline,
			StatusRound.Scope scope, Collection<Long> selection, String actor) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		if (name == null || name.isBlank()) {
			throw new RefusedValueException(Reason.of("plan.refused.roundNameRequired"));
		}
		if (referenceDate == null || deadline == null) {
			throw new RefusedValueException(Reason.of("plan.refused.roundDatesRequired"));
		}
		if (name.length() > 200) {
			throw new RefusedValueException(Reason.of("plan.refused.roundNameTooLong"));
		}
		for (LocalDate date : List.of(referenceDate, deadline)) {
			if (date.getYear() < 1900 || date.getYear() > 2200) {
				throw new RefusedValueException(Reason.of("plan.refused.roundDateRange", date));
			}
		}
		if (deadline.isBefore(referenceDate)) {
			throw new RefusedValueException(Reason.of("plan.refused.deadlineBeforeReference", deadline, referenceDate));
		}
		long id = jdbc.sql("""
				insert into plan.status_round (tenant_id, plan_id, name, reference_date, deadline, scope, opened_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), plan.id(), name.trim(), referenceDate, deadline, scope.name(), actor)
			.query(Long.class)
			.single();
		int count;
		if (scope == StatusRound.Scope.SELECTION) {
			if (selection == null || selection.isEmpty()) {
				throw new RefusedValueException(Reason.of("plan.refused.roundSelectionEmpty"));
			}
			count = 0;
			for (Long itemId : selection) {
				count += jdbc.sql("""
						insert into plan.round_item (tenant_id, round_id, item_id)
						select ?, ?, id from plan.plan_item where id = ? and tenant_id = ? and plan_id = ?
						  and archived_at is null""").params(tenant.id(), id, itemId, tenant.id(), plan.id()).update();
			}
		}
		else {
			count = jdbc.sql("""
					insert into plan.round_item (tenant_id, round_id, item_id)
					select ?, ?, id from plan.plan_item where tenant_id = ? and plan_id = ? and type = 'AC'
					  and archived_at is null""" + (scope == StatusRound.Scope.PRIORITY ? " and priority" : ""))
				.params(tenant.id(), id, tenant.id(), plan.id())
				.update();
		}
		audit.created(tenant.id(), "statusronde", String.valueOf(id), name,
				List.of(FieldChange.added("naam", name), FieldChange.added("referentiedatum", referenceDate),
						FieldChange.added("deadline", deadline), FieldChange.added("scope", scope),
						FieldChange.added("items", count)));
		StatusRound opened = round(tenant, id).orElseThrow();
		events.opened(tenant, opened, tasks(tenant, opened));
		return opened;
	}

	/** Closes the round: from now on its updates are a frozen snapshot. */
	@Transactional
	public void close(Tenant tenant, long roundId) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		StatusRound before = round(tenant, roundId).orElseThrow();
		jdbc.sql(
				"update plan.status_round set state = 'CLOSED', closed_at = now(), version = version + 1 where id = ? and tenant_id = ?")
			.params(roundId, tenant.id())
			.update();
		audit.updated(tenant.id(), "statusronde", String.valueOf(roundId), before.name(),
				List.of(FieldChange.between("state", before.state(), StatusRound.State.CLOSED)));
	}

	/**
	 * Saves the round's free texts on changed assumptions and financial risks (for the
	 * council report).
	 */
	@Transactional
	public void saveReportTexts(Tenant tenant, long roundId, String assumptions, String risks, int version) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		StatusRound before = round(tenant, roundId).orElseThrow();
		int rows = jdbc.sql("""
				update plan.status_round set changed_assumptions = ?, changed_risks = ?, version = version + 1
				where id = ? and tenant_id = ? and version = ?""")
			.params(blankToNull(assumptions), blankToNull(risks), roundId, tenant.id(), version)
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("plan.refused.roundChanged"));
		}
		audit.updated(tenant.id(), "statusronde", String.valueOf(roundId), before.name(),
				Changes.between(before, round(tenant, roundId).orElseThrow(), "version"));
	}

	/** The items of a round with their updates, in plan order. */
	@Transactional(readOnly = true)
	public List<Task> tasks(Tenant tenant, StatusRound round) {
		Map<Long, StatusUpdate> updates = new HashMap<>();
		jdbc.sql(UPDATE_SELECT + "where u.round_id = ? and u.tenant_id = ?")
			.params(round.id(), tenant.id())
			.query(RowMappers.STATUS_UPDATE)
			.list()
			.forEach(u -> updates.put(u.itemId(), u));
		return jdbc
			.sql("select " + PlanItems.PREFIXED_COLUMNS
					+ " from plan.plan_item i join plan.round_item ri on ri.item_id = i.id "
					+ "where ri.round_id = ? and ri.tenant_id = ? order by i.sort_order, i.code")
			.params(round.id(), tenant.id())
			.query(RowMappers.PLAN_ITEM)
			.list()
			.stream()
			.map(item -> new Task(round, item, updates.get(item.id())))
			.toList();
	}

	/** The open-round tasks of one contributor, over all open rounds of the tenant. */
	@Transactional(readOnly = true)
	public List<Task> tasksOf(Tenant tenant, Plan plan, String username) {
		return rounds(plan).stream()
			.filter(StatusRound::open)
			.flatMap(round -> tasks(tenant, round).stream())
			.filter(task -> username.equalsIgnoreCase(task.item().contributor()))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<Task> task(Tenant tenant, long roundId, long itemId) {
		StatusRound round = round(tenant, roundId).orElse(null);
		if (round == null) {
			return Optional.empty();
		}
		boolean inRound = jdbc
			.sql("select count(*) from plan.round_item where round_id = ? and item_id = ? and tenant_id = ?")
			.params(roundId, itemId, tenant.id())
			.query(Integer.class)
			.single() > 0;
		if (!inRound) {
			return Optional.empty();
		}
		PlanItem item = items.byId(tenant, itemId).orElseThrow();
		StatusUpdate update = jdbc.sql(UPDATE_SELECT + "where u.round_id = ? and u.item_id = ? and u.tenant_id = ?")
			.params(roundId, itemId, tenant.id())
			.query(RowMappers.STATUS_UPDATE)
			.optional()
			.orElse(null);
		return Optional.of(new Task(round, item, update));
	}

	/**
	 * Saves the owner's update as concept, or submits it. Only possible while the round
	 * is open and the update is a concept (new, or sent back).
	 * @throws ConcurrentChangeException when the update changed since
	 * {@code form.version()} was read
	 * @throws RefusedStateException when the round is closed or the update already
	 * submitted
	 */
	@Transactional
	public StatusUpdate save(Tenant tenant, long roundId, long itemId, StatusUpdateForm form, boolean submit,
			String actor) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		Task task = task(tenant, roundId, itemId)
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.itemNotInRound")));
		if (!task.round().open()) {
			throw new RefusedStateException(Reason.of("plan.refused.roundClosed"));
		}
		StatusUpdate before = task.update();
		String state = submit ? UpdateState.INGEDIEND.name() : UpdateState.CONCEPT.name();
		if (before == null) {
			if (form.version() >= 0) {
				throw new ConcurrentChangeException(Reason.of("plan.refused.updateDeleted"));
			}
			int rows = jdbc
				.sql("""
						insert into plan.status_update (tenant_id, round_id, item_id, status, progress, narrative, bottlenecks,
						  next_steps, state, author, submitted_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end)
						on conflict (round_id, item_id) do nothing""")
				.params(tenant.id(), roundId, itemId, form.status().name(), form.progress(),
						blankToNull(form.narrative()), blankToNull(form.bottlenecks()), blankToNull(form.nextSteps()),
						state, actor, submit)
				.update();
			if (rows == 0) {
				throw new ConcurrentChangeException(Reason.of("plan.refused.updateSavedMeanwhile", task.item().code()));
			}
		}
		else {
			if (before.state() != UpdateState.CONCEPT) {
				throw new RefusedStateException(Reason.of("plan.refused.updateSubmitted"));
			}
			int rows = jdbc
				.sql("""
						update plan.status_update set status = ?, progress = ?, narrative = ?, bottlenecks = ?, next_steps = ?,
						  state = ?, author = ?, submitted_at = case when ? then now() end, version = version + 1
						where id = ? and tenant_id = ? and version = ?""")
				.params(form.status().name(), form.progress(), blankToNull(form.narrative()),
						blankToNull(form.bottlenecks()), blankToNull(form.nextSteps()), state, actor, submit,
						before.id(), tenant.id(), form.version())
				.update();
			if (rows == 0) {
				throw new ConcurrentChangeException(Reason.of("plan.refused.updateChanged", task.item().code()));
			}
		}
		StatusUpdate after = task(tenant, roundId, itemId).orElseThrow().update();
		if (before == null) {
			audit.created(tenant.id(), "statusupdate", String.valueOf(after.id()),
					task.item().code() + " – " + task.round().name(), Changes.between(null, after, "version", "id"));
		}
		else {
			audit.updated(tenant.id(), "statusupdate", String.valueOf(after.id()),
					task.item().code() + " – " + task.round().name(), Changes.between(before, after, "version"));
		}
		if (submit) {
			metrics.roundTransition(tenant.slug(), RoundTransition.INGEDIEND);
			events.submitted(tenant, task, after.id(), actor);
		}
		return after;
	}

	/**
	 * Stores a status from a bulk file as submitted, replacing a concept or returned
	 * update; see the import. The task is the item's as the import read it under the
	 * plan's lock, so it cannot have changed since.
	 */
	@Transactional
	public boolean saveImported(Tenant tenant, Task task, ItemStatus status, int progress, String narrative,
			String bottlenecks, String actor) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		if (!task.round().open()) {
			throw new RefusedStateException(Reason.of("plan.refused.roundClosed"));
		}
		StatusUpdate before = task.update();
		if (before != null && before.status() == status && before.progress() == progress
				&& Objects.equals(before.narrative(), blankToNull(narrative))
				&& Objects.equals(before.bottlenecks(), blankToNull(bottlenecks))) {
			return false;
		}
		long roundId = task.round().id();
		long itemId = task.item().id();
		int written = jdbc
			.sql("""
					insert into plan.status_update (tenant_id, round_id, item_id, status, progress, narrative, bottlenecks, state, author, submitted_at)
					values (?, ?, ?, ?, ?, ?, ?, 'INGEDIEND', ?, now())
					on conflict (round_id, item_id) do update set status = excluded.status, progress = excluded.progress,
					  narrative = excluded.narrative, bottlenecks = excluded.bottlenecks, state = 'INGEDIEND',
					  author = excluded.author, submitted_at = now(), remark = null, version = plan.status_update.version + 1
					where plan.status_update.state not in ('GOEDGEKEURD', 'GEPUBLICEERD')""")
			.params(tenant.id(), roundId, itemId, status.name(), progress, blankToNull(narrative),
					blankToNull(bottlenecks), actor)
			.update();
		if (written == 0) {
			throw new ConcurrentChangeException(Reason.of("plan.refused.updateApprovedMeanwhile", task.item().code()));
		}
		StatusUpdate after = jdbc.sql(UPDATE_SELECT + "where u.round_id = ? and u.item_id = ? and u.tenant_id = ?")
			.params(roundId, itemId, tenant.id())
			.query(RowMappers.STATUS_UPDATE)
			.single();
		audit.updated(tenant.id(), "statusupdate", String.valueOf(after.id()),
				task.item().code() + " – " + task.round().name(),
				Changes.between(before, after, "version", "id", "submittedAt"));
		metrics.roundTransition(tenant.slug(), RoundTransition.INGEDIEND);
		events.submitted(tenant, task, after.id(), actor);
		return true;
	}

	/** Approves a submitted update. */
	@Transactional
	public void approve(Tenant tenant, long updateId, String actor) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		transition(tenant, updateId, UpdateState.INGEDIEND, UpdateState.GOEDGEKEURD,
				"approved_by = ?, approved_at = now(), remark = null", actor);
		metrics.roundTransition(tenant.slug(), RoundTransition.GOEDGEKEURD);
		events.approved(tenant, List.of(updateId), actor);
	}

	/**
	 * Sends a submitted update back to its owner as concept, with the manager's remark.
	 */
	@Transactional
	public void sendBack(Tenant tenant, long updateId, String remark) {
		sendBack(tenant, updateId, remark, null);
	}

	/**
	 * Sends a submitted update back with the manager's remark, which also goes into the
	 * update's comment thread ({@link UpdateComments}) under {@code actor}'s name.
	 */
	@Transactional
	public void sendBack(Tenant tenant, long updateId, String remark, String actor) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		if (remark == null || remark.isBlank()) {
			throw new RefusedValueException(Reason.of("plan.refused.remarkRequired"));
		}
		if (remark.strip().length() > UpdateComments.MAX_LENGTH) {
			throw new RefusedValueException(Reason.of("plan.refused.commentTooLong", UpdateComments.MAX_LENGTH));
		}
		transition(tenant, updateId, UpdateState.INGEDIEND, UpdateState.CONCEPT, "remark = ?", remark.trim());
		comments.returned(tenant, updateId, actor, remark.trim());
		metrics.roundTransition(tenant.slug(), RoundTransition.TERUGGESTUURD);
		events.returned(tenant, updateId, remark.trim());
	}

	/** Publishes an approved update: from now on it is on the public page. */
	@Transactional
	public void publish(Tenant tenant, long updateId) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		transition(tenant, updateId, UpdateState.GOEDGEKEURD, UpdateState.GEPUBLICEERD, "published_at = now()", null);
		metrics.roundTransition(tenant.slug(), RoundTransition.GEPUBLICEERD);
	}

	/** Publishes every approved update of a round; returns how many. */
	@Transactional
	public int publishApproved(Tenant tenant, long roundId) {
		return transitionAll(tenant, roundId, UpdateState.GOEDGEKEURD, UpdateState.GEPUBLICEERD, "published_at = now()",
				null, RoundTransition.GEPUBLICEERD);
	}

	/**
	 * Approves every submitted update of an open round at once (the manager's "approve
	 * all"); returns how many.
	 */
	@Transactional
	public int approveSubmitted(Tenant tenant, long roundId, String actor) {
		return transitionAll(tenant, roundId, UpdateState.INGEDIEND, UpdateState.GOEDGEKEURD,
				"approved_by = ?, approved_at = now(), remark = null", actor, RoundTransition.GOEDGEKEURD);
	}

	/**
	 * Moves every update of an open round in state {@code from} to {@code to} in one
	 * statement, with a history line per update.
	 */
	private int transitionAll(Tenant tenant, long roundId, UpdateState from, UpdateState to, String set, String value,
			RoundTransition transition) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		StatusRound round = round(tenant, roundId)
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.roundUnknown")));
		if (!round.open()) {
			throw new RefusedStateException(Reason.of("plan.refused.roundClosed"));
		}
		var spec = jdbc.sql("update plan.status_update set state = ?, " + set
				+ ", version = version + 1 where round_id = ? and tenant_id = ? and state = ? returning id");
		spec = value == null ? spec.params(to.name(), roundId, tenant.id(), from.name())
				: spec.params(to.name(), value, roundId, tenant.id(), from.name());
		List<Long> ids = spec.query(Long.class).list();
		for (long id : ids) {
			audit.updated(tenant.id(), "statusupdate", String.valueOf(id), round.name(),
					List.of(FieldChange.between("state", from, to)));
			metrics.roundTransition(tenant.slug(), transition);
		}
		if (to == UpdateState.GOEDGEKEURD) {
			events.approved(tenant, ids, value);
		}
		return ids.size();
	}

	private void transition(Tenant tenant, long updateId, UpdateState from, UpdateState to, String set, String value) {
		StatusUpdate before = update(tenant, updateId)
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.updateUnknown")));
		StatusRound round = round(tenant, before.roundId()).orElseThrow();
		if (!round.open()) {
			throw new RefusedStateException(Reason.of("plan.refused.roundClosed"));
		}
		if (before.state() != from) {
			Reason state = Reason.of("plan.state." + from.name().toLowerCase(Locale.ROOT));
			throw new RefusedStateException(Reason.of("plan.refused.updateNoLonger", state));
		}
		var spec = jdbc.sql("update plan.status_update set state = ?, " + set
				+ ", version = version + 1 where id = ? and tenant_id = ? and state = ?");
		spec = value == null ? spec.params(to.name(), updateId, tenant.id(), from.name())
				: spec.params(to.name(), value, updateId, tenant.id(), from.name());
		if (spec.update() == 0) {
			throw new ConcurrentChangeException(Reason.of("plan.refused.updateHandled"));
		}
		StatusUpdate after = update(tenant, updateId).orElseThrow();
		audit.updated(tenant.id(), "statusupdate", String.valueOf(updateId), round.name(),
				Changes.between(before, after, "version"));
	}

	@Transactional(readOnly = true)
	public Optional<StatusUpdate> update(Tenant tenant, long id) {
		return jdbc.sql(UPDATE_SELECT + "where u.id = ? and u.tenant_id = ?")
			.params(id, tenant.id())
			.query(RowMappers.STATUS_UPDATE)
			.optional();
	}

	/**
	 * The latest update per item of the plan: for internal views every submitted one (not
	 * concepts), for the public only published ones.
	 */
	@Transactional(readOnly = true)
	public Map<Long, StatusUpdate> latest(Plan plan, boolean publishedOnly) {
		Map<Long, StatusUpdate> latest = new HashMap<>();
		jdbc.sql("select distinct on (u.item_id) " + UPDATE_SELECT.substring("select".length())
				+ "where r.plan_id = ? and u.tenant_id = ? and "
				+ (publishedOnly ? "u.state = 'GEPUBLICEERD' " : "u.state <> 'CONCEPT' ")
				+ "order by u.item_id, r.reference_date desc, r.id desc")
			.params(plan.id(), plan.tenantId())
			.query(RowMappers.STATUS_UPDATE)
			.list()
			.forEach(u -> latest.put(u.itemId(), u));
		return latest;
	}

	/**
	 * The latest update per item as of one round (that round or earlier), for the report
	 * of that round: every submitted one (not concepts), or only published ones.
	 */
	@Transactional(readOnly = true)
	public Map<Long, StatusUpdate> asOf(Plan plan, StatusRound round, boolean publishedOnly) {
		Map<Long, StatusUpdate> latest = new HashMap<>();
		jdbc.sql("select distinct on (u.item_id) " + UPDATE_SELECT.substring("select".length())
				+ "where r.plan_id = ? and u.tenant_id = ? and "
				+ (publishedOnly ? "u.state = 'GEPUBLICEERD' " : "u.state <> 'CONCEPT' ")
				+ "and (r.reference_date < ? or r.id = ?) order by u.item_id, r.reference_date desc, r.id desc")
			.params(plan.id(), plan.tenantId(), round.referenceDate(), round.id())
			.query(RowMappers.STATUS_UPDATE)
			.list()
			.forEach(u -> latest.put(u.itemId(), u));
		return latest;
	}

	/** Every update of an item, newest round first (its status timeline). */
	@Transactional(readOnly = true)
	public List<StatusUpdate> history(Tenant tenant, long itemId, boolean publishedOnly) {
		return jdbc.sql(UPDATE_SELECT + "where u.item_id = ? and u.tenant_id = ?"
				+ (publishedOnly ? " and u.state = 'GEPUBLICEERD'" : "") + " order by r.reference_date desc, r.id desc")
			.params(itemId, tenant.id())
			.query(RowMappers.STATUS_UPDATE)
			.list();
	}

	/**
	 * Plan progress per round (closed and open), oldest first: for the dashboard's
	 * progress-over-rounds chart.
	 */
	@Transactional(readOnly = true)
	public List<Map.Entry<StatusRound, PlanTree>> progressOverRounds(Plan plan, List<PlanItem> planItems) {
		List<StatusRound> all = rounds(plan);
		return all.reversed()
			.stream()
			.map(r -> Map.entry(r, new PlanTree(planItems, asOf(plan, r, false), asOf(plan, r, true))))
			.toList();
	}

	/**
	 * The rounds of the plan with at least one published update, newest first (by
	 * reference date): the rounds the dashboard compares ("since the previous round").
	 */
	@Transactional(readOnly = true)
	public List<StatusRound> publishedRounds(Plan plan) {
		return jdbc.sql("select " + ROUND_COLUMNS + " from plan.status_round r where r.plan_id = ? and r.tenant_id = ?"
				+ " and exists (select 1 from plan.status_update u where u.round_id = r.id and u.tenant_id = r.tenant_id"
				+ " and u.state = 'GEPUBLICEERD') order by r.reference_date desc, r.id desc")
			.params(plan.id(), plan.tenantId())
			.query(StatusRound.class)
			.list();
	}

	/**
	 * The change between the previous and the latest round with published updates for the
	 * given items (a plan or a selection of it with the ancestors of its actions); empty
	 * when no round has a published update.
	 */
	@Transactional(readOnly = true)
	public Optional<RoundChange> changeSincePreviousRound(Plan plan, List<PlanItem> planItems) {
		List<StatusRound> published = publishedRounds(plan);
		if (published.isEmpty()) {
			return Optional.empty();
		}
		StatusRound latest = published.get(0);
		StatusRound previous = published.size() > 1 ? published.get(1) : null;
		return Optional.of(RoundChange.of(latest, publishedTree(plan, latest, planItems), previous,
				previous == null ? null : publishedTree(plan, previous, planItems)));
	}

	private PlanTree publishedTree(Plan plan, StatusRound round, List<PlanItem> planItems) {
		Map<Long, StatusUpdate> published = asOf(plan, round, true);
		return new PlanTree(planItems, published, published);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
