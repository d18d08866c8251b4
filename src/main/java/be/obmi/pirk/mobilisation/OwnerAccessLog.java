package be.obmi.pirk.mobilisation;

import java.time.OffsetDateTime;
import java.util.List;

import be.obmi.shared.ObmiMetrics;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of every read of owner data ({@code pirk.owner_access}): who, when, which
 * object and case, and why. Written in the reading transaction's own transaction, so a
 * read that fails afterwards is still logged; never changed; read by the tenant's DPO and
 * beheerder.
 */
@Service
public class OwnerAccessLog {

	/** One read of owner data. */
	public record Access(long id, OffsetDateTime accessedAt, String username, Long realEstateId, Long caseId,
			OwnerAccessPurpose purpose, String route) {
	}

	private final JdbcClient jdbc;

	private final ObmiMetrics metrics;

	OwnerAccessLog(JdbcClient jdbc, ObmiMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	/** Logs that {@code username} read the owner data of the cases, for the purpose. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(Tenant tenant, String username, List<OwnerCase> cases, OwnerAccessPurpose purpose,
			String route) {
		for (OwnerCase c : cases) {
			jdbc.sql("""
					insert into pirk.owner_access (tenant_id, username, real_estate_id, case_id, purpose, route)
					values (?, ?, ?, ?, ?, ?)""")
				.params(tenant.id(), username, c.realEstateId(), c.id(), purpose.name(), route)
				.update();
		}
		if (!cases.isEmpty()) {
			metrics.ownerDataRead(tenant.slug(), purpose.name().toLowerCase(), cases.size());
		}
	}

	/** The tenant's latest reads, newest first. */
	@Transactional(readOnly = true)
	public List<Access> latest(Tenant tenant, String username, int limit) {
		return jdbc.sql("""
				select id, accessed_at, username, real_estate_id, case_id, purpose, route from pirk.owner_access
				where tenant_id = ? and (cast(? as text) is null or username = ?)
				order by accessed_at desc, id desc limit ?""")
			.params(tenant.id(), username, username, limit)
			.query((rs, n) -> new Access(rs.getLong("id"), rs.getObject("accessed_at", OffsetDateTime.class),
					rs.getString("username"), (Long) rs.getObject("real_estate_id"), (Long) rs.getObject("case_id"),
					OwnerAccessPurpose.valueOf(rs.getString("purpose")), rs.getString("route")))
			.list();
	}

	/** How many reads of the case were logged (for tests and the case page). */
	@Transactional(readOnly = true)
	public long count(Tenant tenant, long caseId) {
		return jdbc.sql("select count(*) from pirk.owner_access where tenant_id = ? and case_id = ?")
			.params(tenant.id(), caseId)
			.query(Long.class)
			.single();
	}

}
