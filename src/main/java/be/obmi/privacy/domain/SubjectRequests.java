package be.obmi.privacy.domain;

import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data subjects' requests of a tenant with the one-month clock of art. 12(3). The
 * pages show them only to the DPO and redacteurs. Every query is bound to the tenant.
 */
@Service
public class SubjectRequests {

	private static final String SELECT = """
			select id, reference, kind, received_on, identity_verified, extension_months, extension_reason, answered_on,
			       outcome, demo, version
			from privacy.subject_request
			""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	SubjectRequests(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The tenant's requests, the latest received first. */
	@Transactional(readOnly = true)
	public List<SubjectRequest> of(Tenant tenant) {
		return jdbc.sql(SELECT + "where tenant_id = ? order by received_on desc, id desc")
			.param(tenant.id())
			.query(SubjectRequest.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<SubjectRequest> byId(Tenant tenant, long id) {
		return jdbc.sql(SELECT + "where id = ? and tenant_id = ?")
			.params(id, tenant.id())
			.query(SubjectRequest.class)
			.optional();
	}

	/**
	 * Registers a request; returns its id.
	 * @throws RefusedValueException for an extension without a reason or an answer before
	 * the receipt
	 */
	@Transactional
	public long create(Tenant tenant, SubjectRequestForm form, boolean demo) {
		check(form);
		long id = jdbc.sql("""
				insert into privacy.subject_request (tenant_id, reference, kind, received_on, identity_verified,
				  extension_months, extension_reason, answered_on, outcome, demo)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), form.reference().strip(), form.kind(), form.receivedOn(), form.identityVerified(),
					form.extensionMonths(), Agreements.blank(form.extensionReason()), form.answeredOn(),
					Agreements.blank(form.outcome()), demo)
			.query(Long.class)
			.single();
		SubjectRequest created = byId(tenant, id).orElseThrow();
		audit.created(tenant.id(), "verzoek", String.valueOf(id), created.reference(),
				Changes.between(null, created, "id", "version"));
		return id;
	}

	/**
	 * Saves an edit made on the request as it was at {@code form.version()}.
	 * @throws ConcurrentChangeException when someone else saved it meanwhile
	 */
	@Transactional
	public SubjectRequest update(Tenant tenant, long id, SubjectRequestForm form) {
		check(form);
		SubjectRequest before = byId(tenant, id)
			.orElseThrow(() -> new ConcurrentChangeException(Reason.of("privacy.refused.requestGone")));
		int rows = jdbc.sql("""
				update privacy.subject_request set reference = ?, kind = ?, received_on = ?, identity_verified = ?,
				  extension_months = ?, extension_reason = ?, answered_on = ?, outcome = ?, version = version + 1
				where id = ? and tenant_id = ? and version = ?""")
			.params(form.reference().strip(), form.kind(), form.receivedOn(), form.identityVerified(),
					form.extensionMonths(), Agreements.blank(form.extensionReason()), form.answeredOn(),
					Agreements.blank(form.outcome()), id, tenant.id(), form.version())
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.requestChanged", before.reference()));
		}
		SubjectRequest after = byId(tenant, id).orElseThrow();
		audit.updated(tenant.id(), "verzoek", String.valueOf(id), after.reference(),
				Changes.between(before, after, "version"));
		return after;
	}

	private static void check(SubjectRequestForm form) {
		if (form.extensionMonths() > 0 && Agreements.blank(form.extensionReason()) == null) {
			throw new RefusedValueException(Reason.of("privacy.refused.extensionReason"));
		}
		if (form.answeredOn() != null && form.answeredOn().isBefore(form.receivedOn())) {
			throw new RefusedValueException(Reason.of("privacy.refused.answeredBeforeReceipt"));
		}
	}

}
