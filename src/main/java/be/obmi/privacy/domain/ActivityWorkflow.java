package be.obmi.privacy.domain;

import java.util.ArrayList;
import java.util.List;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.privacy.domain.ProcessingActivities.Activity;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The steps of an activity through its states (draft, completed, checked; published or
 * not) and their rules: no step while a mandatory field is empty, a check only after
 * completion, a publication only when checked. Each step is optimistic on the activity's
 * {@code version} and recorded in the audit trail. Called by {@link ProcessingActivities}
 * within its transactions.
 */
@Component
class ActivityWorkflow {

	private final JdbcClient jdbc;

	private final ActivityRows rows;

	private final AuditTrail audit;

	ActivityWorkflow(JdbcClient jdbc, ActivityRows rows, AuditTrail audit) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.audit = audit;
	}

	Activity complete(Tenant tenant, Activity activity, int version) {
		refuseIncomplete(activity, "privacy.refused.incomplete");
		if (activity.state() != ActivityState.DRAFT) {
			throw new RefusedStateException(Reason.of("privacy.refused.notDraft"));
		}
		return step(tenant, activity, version, ActivityState.COMPLETED, activity.published());
	}

	Activity check(Tenant tenant, Activity activity, int version) {
		refuseIncomplete(activity, "privacy.refused.incomplete");
		if (activity.state() != ActivityState.COMPLETED) {
			throw new RefusedStateException(Reason.of("privacy.refused.notCompleted"));
		}
		return step(tenant, activity, version, ActivityState.CHECKED, activity.published());
	}

	Activity publish(Tenant tenant, Activity activity, int version, boolean publish) {
		if (publish) {
			refuseIncomplete(activity, "privacy.refused.publishIncomplete");
			if (activity.state() != ActivityState.CHECKED) {
				throw new RefusedStateException(Reason.of("privacy.refused.publishUnchecked"));
			}
		}
		return step(tenant, activity, version, activity.state(), publish);
	}

	private Activity step(Tenant tenant, Activity before, int version, ActivityState state, boolean published) {
		int updated = jdbc.sql("""
				update privacy.processing_activity set state = ?, published = ?, version = version + 1
				where tenant_id = ? and id = ? and version = ?""")
			.params(state.name(), published, tenant.id(), before.id(), version)
			.update();
		if (updated == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.changedMeanwhile"));
		}
		List<FieldChange> changes = new ArrayList<>();
		addChange(changes, "state", before.state(), state);
		addChange(changes, "published", before.published(), published);
		audit.updated(tenant.id(), ProcessingActivities.ENTITY, before.publicId().toString(), before.content().name(),
				changes);
		return rows.find(tenant.id(), before.publicId()).orElseThrow();
	}

	private static void refuseIncomplete(Activity activity, String code) {
		if (!activity.complete()) {
			throw new RefusedStateException(Reason.of(code, Reason
				.list(activity.missing().stream().map(f -> Reason.of("privacy.field." + f.code())).toList())));
		}
	}

	static void addChange(List<FieldChange> changes, String field, Object before, Object after) {
		FieldChange change = FieldChange.between(field, before, after);
		if (change != null) {
			changes.add(change);
		}
	}

}
