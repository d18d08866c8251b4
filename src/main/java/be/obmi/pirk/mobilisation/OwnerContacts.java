package be.obmi.pirk.mobilisation;

import java.util.List;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owners of a case (owner data): added, changed and removed by a member with the
 * function OWNER_DATA (the caller checks it). The audit trail records that an owner was
 * added, changed or removed, never the owner's name or contact details, so that the
 * history shown to other members holds no owner data.
 */
@Service
public class OwnerContacts {

	private final JdbcClient jdbc;

	private final OwnerCases cases;

	private final AuditTrail audit;

	OwnerContacts(JdbcClient jdbc, OwnerCases cases, AuditTrail audit) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.audit = audit;
	}

	/** Adds an owner to the case. */
	@Transactional
	public long add(Tenant tenant, long caseId, OwnerForm form, String actor) {
		OwnerCase ownerCase = cases.require(tenant, caseId);
		long id = jdbc.sql("""
				insert into pirk.owner_contact (tenant_id, case_id, name, kind, street, postcode, municipality, email,
				  phone, share) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), caseId, form.name().strip(), form.kind(), blank(form.street()), blank(form.postcode()),
					blank(form.municipality()), blank(form.email()), blank(form.phone()), blank(form.share()))
			.query(Long.class)
			.single();
		audit.updated(tenant.id(), OwnerCases.ENTITY, String.valueOf(caseId), ownerCase.address(),
				List.of(FieldChange.added("eigenaar", "#" + id)));
		return id;
	}

	/**
	 * Changes an owner of the case.
	 * @throws ConcurrentChangeException when the owner changed since the form's version
	 */
	@Transactional
	public void change(Tenant tenant, long caseId, long ownerId, OwnerForm form, String actor) {
		OwnerCase ownerCase = cases.require(tenant, caseId);
		int updated = jdbc.sql("""
				update pirk.owner_contact set name = ?, kind = ?, street = ?, postcode = ?, municipality = ?, email = ?,
				  phone = ?, share = ?, version = version + 1
				where tenant_id = ? and case_id = ? and id = ? and version = ?""")
			.params(form.name().strip(), form.kind(), blank(form.street()), blank(form.postcode()),
					blank(form.municipality()), blank(form.email()), blank(form.phone()), blank(form.share()),
					tenant.id(), caseId, ownerId, form.version() == null ? -1 : form.version())
			.update();
		if (updated == 0) {
			if (!exists(tenant, caseId, ownerId)) {
				throw new NotFoundException(Reason.of("pirk.refused.ownerUnknown"));
			}
			throw new ConcurrentChangeException(Reason.of("pirk.refused.ownerChanged"));
		}
		audit.updated(tenant.id(), OwnerCases.ENTITY, String.valueOf(caseId), ownerCase.address(),
				List.of(FieldChange.between("eigenaar", "#" + ownerId, "gewijzigd")));
	}

	/** Removes an owner from the case. */
	@Transactional
	public void remove(Tenant tenant, long caseId, long ownerId, String actor) {
		OwnerCase ownerCase = cases.require(tenant, caseId);
		int removed = jdbc.sql("delete from pirk.owner_contact where tenant_id = ? and case_id = ? and id = ?")
			.params(tenant.id(), caseId, ownerId)
			.update();
		if (removed == 0) {
			throw new NotFoundException(Reason.of("pirk.refused.ownerUnknown"));
		}
		audit.updated(tenant.id(), OwnerCases.ENTITY, String.valueOf(caseId), ownerCase.address(),
				List.of(FieldChange.removed("eigenaar", "#" + ownerId)));
	}

	private boolean exists(Tenant tenant, long caseId, long ownerId) {
		return jdbc.sql("select count(*) from pirk.owner_contact where tenant_id = ? and case_id = ? and id = ?")
			.params(tenant.id(), caseId, ownerId)
			.query(Long.class)
			.single() > 0;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
