package be.obmi.plan.domain;

import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rule that a status update takes comments and attachments only while its round is
 * open ({@link UpdateComments}, {@link UpdateAttachments}).
 */
final class OpenUpdates {

	private OpenUpdates() {
	}

	/**
	 * @throws RefusedValueException for an update the tenant does not have
	 * @throws RefusedStateException when the update's round is closed
	 */
	static void requireOpen(JdbcClient jdbc, Tenant tenant, long updateId) {
		Boolean open = jdbc.sql("""
				select r.state = 'OPEN' from plan.status_update u join plan.status_round r on r.id = u.round_id
				where u.id = ? and u.tenant_id = ?""")
			.params(updateId, tenant.id())
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.updateUnknown")));
		if (!open) {
			throw new RefusedStateException(Reason.of("plan.refused.roundClosed"));
		}
	}

}
