package be.obmi.audit;

import java.time.Instant;
import java.util.List;

/** One recorded change, as the history page shows it. */
public record AuditEvent(long id, Long tenantId, Instant occurredAt, String actor, String entityType, String entityId,
		String entityLabel, Action action, List<FieldChange> changes) {

	public enum Action {

		CREATE, UPDATE, DELETE

	}

}
