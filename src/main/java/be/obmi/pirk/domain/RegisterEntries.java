package be.obmi.pirk.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.GeoJson;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.ScopeLock;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register entries of a city: those of an object (its card), their versions (the
 * history), and the work queue of entries no object matched, where staff link an entry to
 * an object or make a new object of it.
 */
@Service
public class RegisterEntries {

	static final String COLUMNS = """
			e.id, e.register, e.source_key, e.address_id, e.building_id, e.building_unit_id, e.capakey, e.street,
			e.house_number, e.box_number, e.postcode, e.municipality, e.function, e.registered_since, e.note,
			e.longitude, e.latitude, e.geometry::text as geometry, e.object_id, e.match_method, e.match_quality,
			e.queue_reason, e.current_version, e.batch_id, b.source, b.extract_date, b.file_name, e.demo, e.updated_at,
			e.version""";

	/** 150 m in degrees of latitude. */
	private static final double NEAR = 150 / 111_320.0;

	private final JdbcClient jdbc;

	private final RealEstates objects;

	private final AuditTrail audit;

	private final ScopeLock lock;

	RegisterEntries(JdbcClient jdbc, RealEstates objects, AuditTrail audit, ScopeLock lock) {
		this.jdbc = jdbc;
		this.objects = objects;
		this.audit = audit;
		this.lock = lock;
	}

	/**
	 * A past version of an entry, with the import that brought it.
	 *
	 * @param undone whether its import was undone (then it is no longer in force)
	 */
	public record EntryVersion(int versionNo, long batchId, String source, LocalDate extractDate, String fileName,
			OffsetDateTime importedAt, String importedBy, String address, LocalDate registeredSince, String note,
			MatchMethod method, int quality) {
	}

	@Transactional(readOnly = true)
	public Optional<RegisterEntry> find(Tenant tenant, long id) {
		return select("e.id = ?", tenant.id(), id).optional();
	}

	/** The entries matched to an object, by register. */
	@Transactional(readOnly = true)
	public List<RegisterEntry> ofObject(Tenant tenant, long objectId) {
		return select("e.object_id = ? order by e.register, e.source_key", tenant.id(), objectId).list();
	}

	/** The entries waiting in the work queue, oldest first. */
	@Transactional(readOnly = true)
	public List<RegisterEntry> queue(Tenant tenant, int limit) {
		return select("e.object_id is null order by e.created_at, e.id limit ?", tenant.id(), limit).list();
	}

	private JdbcClient.MappedQuerySpec<RegisterEntry> select(String condition, Object... params) {
		return jdbc
			.sql("select " + COLUMNS + " from pirk.register_entry e join pirk.import_batch b on b.id = e.batch_id"
					+ " where e.tenant_id = ? and " + condition)
			.params(params)
			.query(RegisterEntries::row);
	}

	@Transactional(readOnly = true)
	public int queueSize(Tenant tenant) {
		return jdbc.sql("select count(*) from pirk.register_entry where tenant_id = ? and object_id is null")
			.param(tenant.id())
			.query(Integer.class)
			.single();
	}

	/** The versions of an entry, newest first. */
	@Transactional(readOnly = true)
	public List<EntryVersion> versions(Tenant tenant, long entryId) {
		return jdbc.sql("""
				select v.version_no, v.batch_id, b.source, b.extract_date, b.file_name, b.imported_at, b.imported_by,
				    concat_ws(' ', v.street, v.house_number, v.box_number, v.postcode, v.municipality) as address,
				    v.registered_since, v.note, v.match_method as method, v.match_quality as quality
				from pirk.register_entry_version v join pirk.import_batch b on b.id = v.batch_id
				where v.tenant_id = ? and v.entry_id = ? order by v.version_no desc""")
			.params(tenant.id(), entryId)
			.query(EntryVersion.class)
			.list();
	}

	/**
	 * Objects a queued entry may belong to: those within 150 m of its point, else in its
	 * street and postcode.
	 */
	@Transactional(readOnly = true)
	public List<RealEstate> candidates(Tenant tenant, RegisterEntry entry) {
		return candidates(tenant, List.of(entry)).getOrDefault(entry.id(), List.of());
	}

	/**
	 * The candidates ({@link #candidates(Tenant, RegisterEntry)}) of several entries, by
	 * entry id, in one query.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<RealEstate>> candidates(Tenant tenant, List<RegisterEntry> entries) {
		Map<Long, List<RealEstate>> candidates = new LinkedHashMap<>();
		entries.forEach(e -> candidates.put(e.id(), new ArrayList<>()));
		if (entries.isEmpty()) {
			return candidates;
		}
		List<Object> params = new ArrayList<>(List.of(NEAR, NEAR, NEAR, NEAR, tenant.id()));
		entries.forEach(e -> params.add(e.id()));
		jdbc.sql("select e.id as entry_id, c.* from pirk.register_entry e cross join lateral ((" + "select "
				+ ObjectSearch.COLUMNS + ", row_number() over (order by "
				+ "(o.longitude - e.longitude)^2 + (o.latitude - e.latitude)^2) as candidate_rank "
				+ "from pirk.real_estate o where e.longitude is not null and e.latitude is not null "
				+ "and o.tenant_id = e.tenant_id and o.bbox && box("
				+ "point(e.longitude - ? / cos(radians(e.latitude)), e.latitude - ?), "
				+ "point(e.longitude + ? / cos(radians(e.latitude)), e.latitude + ?)) order by candidate_rank limit 8"
				+ ") union all (select " + ObjectSearch.COLUMNS
				+ ", row_number() over (order by o.house_number) as candidate_rank from pirk.real_estate o "
				+ "where (e.longitude is null or e.latitude is null) and e.street is not null "
				+ "and o.tenant_id = e.tenant_id and lower(o.street) = lower(e.street) "
				+ "and o.postcode is not distinct from e.postcode order by candidate_rank limit 8)) c "
				+ "where e.tenant_id = ? and e.id in (" + String.join(", ", Collections.nCopies(entries.size(), "?"))
				+ ") order by e.id, c.candidate_rank")
			.params(params)
			.query((rs, n) -> candidates.get(rs.getLong("entry_id")).add(RealEstates.row(rs, n)))
			.list();
		return candidates;
	}

	/**
	 * Links a queued (or wrongly matched) entry to one of the city's objects.
	 * @throws NotFoundException for an entry or object that is not the tenant's
	 * @throws ConcurrentChangeException when the entry changed since it was read
	 */
	@Transactional
	public void link(Tenant tenant, long entryId, long objectId, int version) {
		lock.acquire(ScopeLock.Kind.PIRK, tenant.id());
		RegisterEntry entry = require(tenant, entryId);
		RealEstate object = objects.find(tenant, objectId)
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.objectUnknown", objectId)));
		assign(tenant, entry, object, MatchMethod.MANUAL, version);
	}

	/**
	 * Makes a new object of a queued entry (its identifiers, address and location) and
	 * links the entry to it.
	 * @throws RefusedStateException when the entry is matched already
	 */
	@Transactional
	public RealEstate createObject(Tenant tenant, long entryId, RealEstateKind kind, int version) {
		lock.acquire(ScopeLock.Kind.PIRK, tenant.id());
		RegisterEntry entry = require(tenant, entryId);
		if (!entry.queued()) {
			throw new RefusedStateException(Reason.of("pirk.refused.entryMatched", entry.content().sourceKey()));
		}
		EntryContent content = entry.content();
		String geometry = content.geometry() != null ? content.geometry()
				: content.located() ? GeoJson.point(content.longitude(), content.latitude()) : null;
		RealEstate object = objects.create(tenant,
				new RealEstateDraft(kind, null, content.addressId(), content.buildingId(), content.buildingUnitId(),
						content.capakey(), content.address(), content.function(), geometry, entry.demo()));
		assign(tenant, entry, object, MatchMethod.NEW_OBJECT, version);
		return object;
	}

	private RegisterEntry require(Tenant tenant, long entryId) {
		return find(tenant, entryId)
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.entryUnknown", entryId)));
	}

	private void assign(Tenant tenant, RegisterEntry entry, RealEstate object, MatchMethod method, int version) {
		int updated = jdbc.sql("""
				update pirk.register_entry set object_id = ?, match_method = ?, match_quality = ?, queue_reason = null,
				    updated_at = now(), version = version + 1
				where id = ? and tenant_id = ? and version = ?""")
			.params(object.id(), method.name(), method.quality(), entry.id(), tenant.id(), version)
			.update();
		if (updated == 0) {
			throw new ConcurrentChangeException(Reason.of("pirk.refused.entryChanged", entry.content().sourceKey()));
		}
		// the version in force keeps the link, so undoing a later import does not lose it
		jdbc.sql("""
				update pirk.register_entry_version set object_id = ?, match_method = ?, match_quality = ?,
				    queue_reason = null
				where entry_id = ? and version_no = ?""")
			.params(object.id(), method.name(), method.quality(), entry.id(), entry.currentVersion())
			.update();
		audit.updated(tenant.id(), "pirk-registervermelding", String.valueOf(entry.id()),
				entry.register().name() + " " + entry.content().sourceKey(),
				List.of(FieldChange.between("object", entry.objectId(), object.id()),
						FieldChange.between("koppeling", entry.method().name(), method.name())));
	}

	static RegisterEntry row(ResultSet rs, int n) throws SQLException {
		EntryContent content = new EntryContent(rs.getString("source_key"), rs.getString("address_id"),
				rs.getString("building_id"), rs.getString("building_unit_id"), rs.getString("capakey"),
				new RealEstate.Address(rs.getString("street"), rs.getString("house_number"), rs.getString("box_number"),
						rs.getString("postcode"), rs.getString("municipality")),
				rs.getString("function"), rs.getObject("registered_since", LocalDate.class), rs.getString("note"),
				(Double) rs.getObject("longitude"), (Double) rs.getObject("latitude"), rs.getString("geometry"));
		return new RegisterEntry(rs.getLong("id"), RegisterType.valueOf(rs.getString("register")), content,
				(Long) rs.getObject("object_id"), MatchMethod.valueOf(rs.getString("match_method")),
				rs.getInt("match_quality"), rs.getString("queue_reason"), rs.getInt("current_version"),
				rs.getLong("batch_id"), rs.getString("source"), rs.getObject("extract_date", LocalDate.class),
				rs.getString("file_name"), rs.getBoolean("demo"), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getInt("version"));
	}

}
