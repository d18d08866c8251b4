package be.obmi.privacy.domain;

import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations linked to a city (OCMW, autonomous municipal company, police zone,
 * intermunicipal body …), each identified by its KBO number, with its own register or
 * sharing the city's. An activity names the organisation acting and its role.
 */
@Service
public class LinkedOrganisations {

	static final String ENTITY = "privacy-organisatie";

	/** An organisation as the register shows it. */
	public record Organisation(long id, String kboNumber, String name, OrganisationKind kind, boolean ownRegister,
			int version) {

		/** The KBO number as written, {@code 0207.451.227}; empty when none is known. */
		public String kbo() {
			return kboNumber == null ? "" : new KboNumber(kboNumber).formatted();
		}

	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	LinkedOrganisations(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Organisation> all(Tenant tenant) {
		return jdbc.sql("""
				select id, kbo_number, name, kind, own_register, version from privacy.linked_organisation
				where tenant_id = ? order by lower(name)""").param(tenant.id()).query(Organisation.class).list();
	}

	@Transactional(readOnly = true)
	public Optional<Organisation> find(Tenant tenant, long id) {
		return jdbc.sql("""
				select id, kbo_number, name, kind, own_register, version from privacy.linked_organisation
				where tenant_id = ? and id = ?""").params(tenant.id(), id).query(Organisation.class).optional();
	}

	/**
	 * @throws RefusedValueException for an invalid KBO number, an empty name or a number
	 * already linked
	 */
	@Transactional
	public Organisation add(Tenant tenant, String kbo, String name, OrganisationKind kind, boolean ownRegister) {
		KboNumber number = KboNumber.parse(kbo);
		String checkedName = name(name);
		long id;
		try {
			id = jdbc.sql("""
					insert into privacy.linked_organisation (tenant_id, kbo_number, name, kind, own_register)
					values (?, ?, ?, ?, ?) returning id""")
				.params(tenant.id(), number.digits(), checkedName, kind(kind).name(), ownRegister)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new RefusedValueException(Reason.of("privacy.refused.kboTaken", number.formatted()));
		}
		Organisation created = find(tenant, id).orElseThrow();
		audit.created(tenant.id(), ENTITY, String.valueOf(id), created.name(),
				Changes.between(null, created, "id", "version"));
		return created;
	}

	/**
	 * @throws ConcurrentChangeException when it changed since the form was loaded
	 */
	@Transactional
	public Organisation update(Tenant tenant, long id, int version, String kbo, String name, OrganisationKind kind,
			boolean ownRegister) {
		Organisation before = find(tenant, id)
			.orElseThrow(() -> new NotFoundException(Reason.of("privacy.refused.organisationNotFound")));
		KboNumber number = KboNumber.parse(kbo);
		String checkedName = name(name);
		int updated;
		try {
			updated = jdbc.sql("""
					update privacy.linked_organisation set kbo_number = ?, name = ?, kind = ?, own_register = ?,
					       version = version + 1
					where tenant_id = ? and id = ? and version = ?""")
				.params(number.digits(), checkedName, kind(kind).name(), ownRegister, tenant.id(), id, version)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new RefusedValueException(Reason.of("privacy.refused.kboTaken", number.formatted()));
		}
		if (updated == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.changedMeanwhile"));
		}
		Organisation after = find(tenant, id).orElseThrow();
		audit.updated(tenant.id(), ENTITY, String.valueOf(id), after.name(),
				Changes.between(before, after, "id", "version"));
		return after;
	}

	private static String name(String name) {
		if (name == null || name.isBlank() || name.length() > 300) {
			throw new RefusedValueException(Reason.of("privacy.refused.organisationName"));
		}
		return name.strip();
	}

	private static OrganisationKind kind(OrganisationKind kind) {
		return kind == null ? OrganisationKind.ANDERE : kind;
	}

}
