package be.obmi.pirk.mobilisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.knowledge.TemporaryUseCases;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mobilisation cases: one per object, opened by hand or by a campaign, with a status
 * and a link to a temporary-use case of the knowledge bank. The reads that return owner
 * data ({@link #list}, {@link #detail}) log every case they show
 * ({@link OwnerAccessLog}); the caller checks the function OWNER_DATA first.
 */
@Service
public class OwnerCases {

	static final String ENTITY = "pirk-eigenaarsdossier";

	static final String SELECT = """
			select c.id, c.tenant_id, c.real_estate_id, c.status, c.status_since, c.temporary_use_case, c.demo,
			       c.version, concat_ws(' ', r.street, r.house_number, case when r.box_number is not null
			       then 'bus ' || r.box_number end) || coalesce(', ' || r.postcode, '') as address
			from pirk.owner_case c join pirk.real_estate r on r.id = c.real_estate_id and r.tenant_id = c.tenant_id
			""";

	/** A case in the list, with its owners' names (owner data). */
	public record Listed(OwnerCase ownerCase, String owners) {
	}

	/** A case with everything of it (owner data). */
	public record Detail(OwnerCase ownerCase, RealEstate object, List<Owner> owners, List<OwnerNote> notes) {
	}

	private final JdbcClient jdbc;

	private final RealEstates objects;

	private final AuditTrail audit;

	private final OwnerAccessLog log;

	private final TemporaryUseCases temporaryUse;

	private final PirkProcessingActivities privacy;

	OwnerCases(JdbcClient jdbc, RealEstates objects, AuditTrail audit, OwnerAccessLog log,
			TemporaryUseCases temporaryUse, PirkProcessingActivities privacy) {
		this.jdbc = jdbc;
		this.objects = objects;
		this.audit = audit;
		this.log = log;
		this.temporaryUse = temporaryUse;
		this.privacy = privacy;
	}

	/** The case of an object, if one was opened (no owner data). */
	@Transactional(readOnly = true)
	public Optional<OwnerCase> ofObject(Tenant tenant, long realEstateId) {
		return jdbc.sql(SELECT + " where c.tenant_id = ? and c.real_estate_id = ?")
			.params(tenant.id(), realEstateId)
			.query(OwnerCases::row)
			.optional();
	}

	/** The case (no owner data); empty for another tenant's. */
	@Transactional(readOnly = true)
	public Optional<OwnerCase> find(Tenant tenant, long caseId) {
		return jdbc.sql(SELECT + " where c.tenant_id = ? and c.id = ?")
			.params(tenant.id(), caseId)
			.query(OwnerCases::row)
			.optional();
	}

	/** How many of the tenant's cases are in each status (no owner data). */
	@Transactional(readOnly = true)
	public Map<OwnerStatus, Long> counts(Tenant tenant) {
		return jdbc.sql("select status, count(*) as n from pirk.owner_case where tenant_id = ? group by status")
			.param(tenant.id())
			.query((rs, n) -> Map.entry(OwnerStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The tenant's cases (of one status when given) with their owners' names, by address;
	 * every case shown is logged as read by {@code username}.
	 */
	@Transactional(readOnly = true)
	public List<Listed> list(Tenant tenant, OwnerStatus status, String username, String route) {
		List<Listed> listed = jdbc
			.sql(SELECT.replace(
					"select c.id,",
					"select (select string_agg(o.name, '; ' order by o.id) "
							+ "from pirk.owner_contact o where o.case_id = c.id) as owners, c.id,")
					+ " where c.tenant_id = ? and (cast(? as text) is null or c.status = ?) order by address, c.id limit 2000")
			.params(tenant.id(), status == null ? null : status.name(), status == null ? null : status.name())
			.query((rs, n) -> new Listed(row(rs, n), rs.getString("owners")))
			.list();
		log.record(tenant, username, listed.stream().map(Listed::ownerCase).toList(), OwnerAccessPurpose.CASE_LIST,
				route);
		return listed;
	}

	/** The case with its object, owners and notes, logged as read by {@code username}. */
	@Transactional(readOnly = true)
	public Detail detail(Tenant tenant, long caseId, String username, OwnerAccessPurpose purpose, String route) {
		OwnerCase found = require(tenant, caseId);
		log.record(tenant, username, List.of(found), purpose, route);
		List<Owner> owners = jdbc.sql("""
				select id, case_id, name, kind, street, postcode, municipality, email, phone, share, version
				from pirk.owner_contact where tenant_id = ? and case_id = ? order by id""")
			.params(tenant.id(), caseId)
			.query(Owner.class)
			.list();
		List<OwnerNote> notes = jdbc.sql("""
				select id, noted_on, kind, text, author, created_at from pirk.owner_note
				where tenant_id = ? and case_id = ? order by noted_on desc, id desc""")
			.params(tenant.id(), caseId)
			.query(OwnerNote.class)
			.list();
		return new Detail(found, objects.find(tenant, found.realEstateId()).orElseThrow(), owners, notes);
	}

	/**
	 * Opens the case of an object (the existing one when there is one) and proposes the
	 * owner contacts' processing activity to the tenant's GDPR register.
	 * @throws NotFoundException for an object of another tenant
	 */
	@Transactional
	public OwnerCase open(Tenant tenant, long realEstateId, String actor, boolean demo) {
		RealEstate object = objects.find(tenant, realEstateId)
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.objectUnknown")));
		Optional<OwnerCase> existing = ofObject(tenant, realEstateId);
		if (existing.isPresent()) {
			return existing.get();
		}
		long id = jdbc.sql("""
				insert into pirk.owner_case (tenant_id, real_estate_id, created_by, demo) values (?, ?, ?, ?)
				returning id""").params(tenant.id(), realEstateId, actor, demo).query(Long.class).single();
		audit.created(tenant.id(), ENTITY, String.valueOf(id), object.address().line(),
				List.of(FieldChange.added("status", OwnerStatus.NOT_CONTACTED.name())));
		privacy.propose(tenant, actor);
		return find(tenant, id).orElseThrow();
	}

	/**
	 * Moves the case to a status, with a dated status note.
	 * @throws ConcurrentChangeException when the case changed since {@code version}
	 */
	@Transactional
	public OwnerCase move(Tenant tenant, long caseId, OwnerStatus status, int version, String note, String actor) {
		OwnerCase before = require(tenant, caseId);
		if (before.status() == status) {
			return before;
		}
		int updated = jdbc.sql("""
				update pirk.owner_case set status = ?, status_since = current_date, updated_at = now(),
				  version = version + 1 where tenant_id = ? and id = ? and version = ?""")
			.params(status.name(), tenant.id(), caseId, version)
			.update();
		if (updated == 0) {
			throw new ConcurrentChangeException(Reason.of("pirk.refused.caseChanged"));
		}
		addNote(tenant, caseId, "STATUS", LocalDate.now(),
				status.name() + (note == null || note.isBlank() ? "" : ": " + note.strip()), actor);
		audit.updated(tenant.id(), ENTITY, String.valueOf(caseId), before.address(),
				List.of(FieldChange.between("status", before.status().name(), status.name())));
		return require(tenant, caseId);
	}

	/**
	 * Links the case to a published temporary-use case of the knowledge bank, or unlinks
	 * it ({@code publicId} null).
	 * @throws RefusedValueException for an id that is no published temporary-use case
	 */
	@Transactional
	public OwnerCase linkTemporaryUse(Tenant tenant, long caseId, UUID publicId, int version, String actor) {
		OwnerCase before = require(tenant, caseId);
		if (publicId != null && temporaryUse.find(publicId).isEmpty()) {
			throw new RefusedValueException(Reason.of("pirk.refused.temporaryUseUnknown"));
		}
		int updated = jdbc.sql("""
				update pirk.owner_case set temporary_use_case = ?, updated_at = now(), version = version + 1
				where tenant_id = ? and id = ? and version = ?""")
			.params(publicId, tenant.id(), caseId, version)
			.update();
		if (updated == 0) {
			throw new ConcurrentChangeException(Reason.of("pirk.refused.caseChanged"));
		}
		audit.updated(tenant.id(), ENTITY, String.valueOf(caseId), before.address(),
				List.of(FieldChange.between("tijdelijk gebruik", before.temporaryUseCase(), publicId)));
		return require(tenant, caseId);
	}

	/** Adds a dated note to the case. */
	@Transactional
	public void addNote(Tenant tenant, long caseId, String kind, LocalDate on, String text, String actor) {
		require(tenant, caseId);
		jdbc.sql("""
				insert into pirk.owner_note (tenant_id, case_id, noted_on, kind, text, author)
				values (?, ?, ?, ?, ?, ?)""")
			.params(tenant.id(), caseId, on == null ? LocalDate.now() : on, kind, text, actor)
			.update();
		jdbc.sql("update pirk.owner_case set updated_at = now() where id = ?").param(caseId).update();
	}

	OwnerCase require(Tenant tenant, long caseId) {
		return find(tenant, caseId).orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.caseUnknown")));
	}

	static OwnerCase row(ResultSet rs, int n) throws SQLException {
		return new OwnerCase(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("real_estate_id"),
				rs.getString("address"), OwnerStatus.valueOf(rs.getString("status")),
				rs.getObject("status_since", LocalDate.class), rs.getObject("temporary_use_case", UUID.class),
				rs.getBoolean("demo"), rs.getInt("version"));
	}

}
