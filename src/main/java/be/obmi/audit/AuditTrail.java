package be.obmi.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records every create, update and delete of domain data. Callers record inside their own
 * transaction ({@link Propagation#MANDATORY}), so a change and its history line are
 * committed together or not at all. The actor is the authenticated user, or
 * {@code systeem} for work without one (migrations, demo data). Every record also
 * announces {@link DataChanged}, once per tenant and entity type per transaction.
 */
@Service
public class AuditTrail {

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};

	/**
	 * The transaction-bound set of (tenant, entity type) already announced in the current
	 * transaction.
	 */
	private static final Object ANNOUNCED = new Object();

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ApplicationEventPublisher events;

	AuditTrail(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void created(Long tenantId, String entityType, String entityId, String label, List<FieldChange> fields) {
		record(tenantId, entityType, entityId, label, AuditEvent.Action.CREATE, fields);
	}

	/**
	 * Records nothing when {@code changes} is empty: an update that changed nothing is no
	 * history.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void updated(Long tenantId, String entityType, String entityId, String label, List<FieldChange> changes) {
		if (!changes.isEmpty()) {
			record(tenantId, entityType, entityId, label, AuditEvent.Action.UPDATE, changes);
		}
	}

	/**
	 * Records a publication: an update that only adds to what the public side shows (an
	 * indicator made public). Its {@link DataChanged} says so ({@code addsOnly}), so the
	 * public response cache may keep showing the pages of before for a few seconds while
	 * it renders the new ones (ADR 0018). Never for an unpublish or any other change.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void published(Long tenantId, String entityType, String entityId, String label, List<FieldChange> changes) {
		insert(tenantId, entityType, entityId, label, AuditEvent.Action.UPDATE, changes);
		announce(tenantId, entityType, true);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void deleted(Long tenantId, String entityType, String entityId, String label, List<FieldChange> fields) {
		record(tenantId, entityType, entityId, label, AuditEvent.Action.DELETE, fields);
	}

	private void record(Long tenantId, String entityType, String entityId, String label, AuditEvent.Action action,
			List<FieldChange> changes) {
		insert(tenantId, entityType, entityId, label, action, changes);
		announce(tenantId, entityType, false);
	}

	private void insert(Long tenantId, String entityType, String entityId, String label, AuditEvent.Action action,
			List<FieldChange> changes) {
		jdbc.sql("""
				insert into audit.audit_event (tenant_id, actor, entity_type, entity_id, entity_label, action, changes)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
			.params(tenantId, currentActor(), entityType, entityId, label, action.name(),
					json.writeValueAsString(changes))
			.update();
	}

	/**
	 * Publishes {@link DataChanged} once per tenant and entity type per transaction: an
	 * import that writes hundreds of history lines announces its change once, not once
	 * per line. A publication and another change of the same type in one transaction are
	 * announced each.
	 */
	private void announce(Long tenantId, String entityType, boolean addsOnly) {
		@SuppressWarnings("unchecked")
		Set<String> announced = (Set<String>) TransactionSynchronizationManager.getResource(ANNOUNCED);
		if (announced == null) {
			Set<String> fresh = new HashSet<>();
			TransactionSynchronizationManager.bindResource(ANNOUNCED, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(ANNOUNCED);
				}
			});
			announced = fresh;
		}
		if (announced.add(tenantId + "|" + entityType + "|" + addsOnly)) {
			events.publishEvent(new DataChanged(tenantId, entityType, addsOnly));
		}
	}

	/**
	 * The latest history of a tenant, newest first, optionally only of one entity type.
	 * @param limit at most this many events
	 */
	@Transactional(readOnly = true)
	public List<AuditEvent> history(long tenantId, String entityType, String entityId, int limit) {
		return history(Long.valueOf(tenantId), entityType, entityId, limit);
	}

	/**
	 * The latest history of the platform itself (changes recorded without a tenant, such
	 * as every change of an account), newest first, optionally only of one entity type
	 * and entity.
	 */
	@Transactional(readOnly = true)
	public List<AuditEvent> platformHistory(String entityType, String entityId, int limit) {
		return history((Long) null, entityType, entityId, limit);
	}

	private List<AuditEvent> history(Long tenantId, String entityType, String entityId, int limit) {
		StringBuilder sql = new StringBuilder(
				"""
						select id, tenant_id, occurred_at, actor, entity_type, entity_id, entity_label, action, changes::text as changes
						from audit.audit_event where
						""");
		List<Object> params = new ArrayList<>();
		if (tenantId == null) {
			sql.append("tenant_id is null");
		}
		else {
			sql.append("tenant_id = ?");
			params.add(tenantId);
		}
		if (entityType != null && !entityType.isBlank()) {
			sql.append(" and entity_type = ?");
			params.add(entityType);
		}
		if (entityId != null && !entityId.isBlank()) {
			sql.append(" and entity_id = ?");
			params.add(entityId);
		}
		sql.append(" order by occurred_at desc, id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("tenant_id", Long.class),
					rs.getObject("occurred_at", Timestamp.class).toInstant(), rs.getString("actor"),
					rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("entity_label"),
					AuditEvent.Action.valueOf(rs.getString("action")),
					json.readValue(rs.getString("changes"), CHANGES)))
			.list();
	}

	/** The entity types that occur in a tenant's history, for the filter. */
	@Transactional(readOnly = true)
	public List<String> entityTypes(long tenantId) {
		return jdbc.sql("select distinct entity_type from audit.audit_event where tenant_id = ? order by 1")
			.param(tenantId)
			.query(String.class)
			.list();
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName())) {
			return "systeem";
		}
		return authentication.getName();
	}

}
