package be.obmi.plan.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comment thread of a status update between the reviewer and the contributor. A
 * return with a remark ({@link StatusRounds#sendBack}) is part of it. Comments are only
 * added while the round is open, never edited; who may read and post is decided by the
 * pages (the item's contributor and plan managers, as for the update itself).
 */
@Service
public class UpdateComments {

	/** The longest comment, in characters. */
	public static final int MAX_LENGTH = 4000;

	/** One comment; {@code returned} when it came with sending the update back. */
	public record UpdateComment(long id, long updateId, String author, boolean returned, String body,
			OffsetDateTime createdAt) {
	}

	private static final String SELECT = """
			select id, update_id, author, kind = 'RETURN' as returned, body, created_at from plan.update_comment
			""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	UpdateComments(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The thread of an update of the tenant, oldest first. */
	@Transactional(readOnly = true)
	public List<UpdateComment> of(Tenant tenant, long updateId) {
		return jdbc.sql(SELECT + "where update_id = ? and tenant_id = ? order by created_at, id")
			.params(updateId, tenant.id())
			.query(UpdateComment.class)
			.list();
	}

	/** The threads of every update of a round, by update id, oldest comment first. */
	@Transactional(readOnly = true)
	public Map<Long, List<UpdateComment>> ofRound(Tenant tenant, long roundId) {
		Map<Long, List<UpdateComment>> threads = new LinkedHashMap<>();
		jdbc.sql(
				SELECT + """
						where tenant_id = ? and update_id in (select id from plan.status_update where round_id = ? and tenant_id = ?)
						order by created_at, id""")
			.params(tenant.id(), roundId, tenant.id())
			.query(UpdateComment.class)
			.list()
			.forEach(c -> threads.computeIfAbsent(c.updateId(), id -> new ArrayList<>()).add(c));
		return threads;
	}

	/**
	 * Adds a comment to an update of an open round.
	 * @throws RefusedValueException for an empty or too long text, or an unknown update
	 * @throws RefusedStateException when the round is closed
	 */
	@Transactional
	public UpdateComment post(Tenant tenant, long updateId, String author, String body) {
		return add(tenant, updateId, author, body, false);
	}

	/** The remark of a return, as a comment (in the return's transaction). */
	void returned(Tenant tenant, long updateId, String author, String remark) {
		add(tenant, updateId, author, remark, true);
	}

	private UpdateComment add(Tenant tenant, long updateId, String author, String body, boolean returned) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw new RefusedValueException(Reason.of("plan.refused.commentEmpty"));
		}
		if (text.length() > MAX_LENGTH) {
			throw new RefusedValueException(Reason.of("plan.refused.commentTooLong", MAX_LENGTH));
		}
		OpenUpdates.requireOpen(jdbc, tenant, updateId);
		long id = jdbc.sql("""
				insert into plan.update_comment (tenant_id, update_id, author, kind, body) values (?, ?, ?, ?, ?)
				returning id""")
			.params(tenant.id(), updateId, author, returned ? "RETURN" : "COMMENT", text)
			.query(Long.class)
			.single();
		audit.created(tenant.id(), "updatecomment", String.valueOf(id), "update " + updateId,
				List.of(FieldChange.added("update", updateId), FieldChange.added("tekst", text)));
		return jdbc.sql(SELECT + "where id = ? and tenant_id = ?")
			.params(id, tenant.id())
			.query(UpdateComment.class)
			.single();
	}

}
