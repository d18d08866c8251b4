package be.obmi.pirk.importing;

import java.util.ArrayList;
import java.util.List;

import be.obmi.pirk.domain.EntryContent;
import be.obmi.pirk.domain.EntryMatcher;
import be.obmi.pirk.domain.MatchMethod;
import be.obmi.pirk.domain.RegisterType;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the entries of an import and their versions, and takes them back when the import
 * is undone. Called by {@link RegisterImports} inside its transaction and lock.
 */
@Component
class EntryWriter {

	private static final String CONTENT = """
			address_id, building_id, building_unit_id, capakey, street, house_number, box_number, postcode,
			municipality, function, registered_since, note, longitude, latitude, geometry, content_hash""";

	private static final String CONTENT_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?";

	private final JdbcClient jdbc;

	EntryWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An entry as it is before the import. */
	record Current(long id, String sourceKey, String contentHash, int currentVersion, Long objectId,
			MatchMethod method) {
	}

	/** A new or changed entry with its match; {@code before} null for a new one. */
	record Change(Current before, EntryContent content, String hash, EntryMatcher.Match match) {
	}

	List<Current> current(Tenant tenant, RegisterType register) {
		return jdbc.sql("""
				select id, source_key, content_hash, current_version, object_id, match_method as method
				from pirk.register_entry where tenant_id = ? and register = ?""")
			.params(tenant.id(), register.name())
			.query(Current.class)
			.list();
	}

	void write(Tenant tenant, RegisterType register, long batchId, List<Change> changes, boolean demo) {
		for (Change change : changes) {
			EntryMatcher.Match match = change.match();
			List<Object> content = content(change.content(), change.hash());
			long entryId;
			int versionNo;
			if (change.before() == null) {
				List<Object> params = new ArrayList<>(List.of(tenant.id(), register.name(),
						change.content().sourceKey(), batchId, match.method().name(), match.quality(), demo));
				params.add(match.objectId());
				params.add(match.queueReason());
				params.addAll(content);
				entryId = jdbc
					.sql("insert into pirk.register_entry (tenant_id, register, source_key, batch_id,"
							+ " match_method, match_quality, demo, object_id, queue_reason, current_version, " + CONTENT
							+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, " + CONTENT_VALUES + ") returning id")
					.params(params)
					.query(Long.class)
					.single();
				versionNo = 1;
			}
			else {
				entryId = change.before().id();
				versionNo = change.before().currentVersion() + 1;
				List<Object> params = new ArrayList<>(content);
				params.addAll(List.of(versionNo, batchId, match.method().name(), match.quality()));
				params.add(match.objectId());
				params.add(match.queueReason());
				params.add(entryId);
				jdbc.sql("update pirk.register_entry set (" + CONTENT + ") = (" + CONTENT_VALUES + "), "
						+ "current_version = ?, batch_id = ?, match_method = ?, match_quality = ?, object_id = ?, "
						+ "queue_reason = ?, updated_at = now(), version = version + 1 where id = ?")
					.params(params)
					.update();
			}
			List<Object> params = new ArrayList<>(
					List.of(tenant.id(), entryId, versionNo, batchId, match.method().name(), match.quality()));
			params.add(match.objectId());
			params.add(match.queueReason());
			params.addAll(content);
			jdbc.sql("insert into pirk.register_entry_version (tenant_id, entry_id, version_no, batch_id, match_method,"
					+ " match_quality, object_id, queue_reason, " + CONTENT + ") values (?, ?, ?, ?, ?, ?, ?, ?, "
					+ CONTENT_VALUES + ")")
				.params(params)
				.update();
		}
	}

	/**
	 * Takes an import's versions back.
	 * @return the number of entries removed (the import made them) and restored (to their
	 * previous version)
	 */
	int[] undo(Tenant tenant, long batchId) {
		int removed = jdbc.sql("""
				delete from pirk.register_entry e using pirk.register_entry_version v
				where v.batch_id = ? and v.tenant_id = ? and v.version_no = 1 and e.id = v.entry_id""")
			.params(batchId, tenant.id())
			.update();
		int restored = jdbc.sql("update pirk.register_entry e set (" + CONTENT + ", current_version, batch_id, "
				+ "match_method, match_quality, object_id, queue_reason) = (select " + CONTENT.replace("\n", " ")
				+ ", p.version_no, p.batch_id, p.match_method, p.match_quality, p.object_id, p.queue_reason "
				+ "from pirk.register_entry_version p where p.entry_id = e.id and p.version_no = e.current_version - 1)"
				+ ", updated_at = now(), version = e.version + 1 " + "where e.tenant_id = ? and e.batch_id = ?")
			.params(tenant.id(), batchId)
			.update();
		jdbc.sql("delete from pirk.register_entry_version where batch_id = ? and tenant_id = ?")
			.params(batchId, tenant.id())
			.update();
		return new int[] { removed, restored };
	}

	private static List<Object> content(EntryContent entry, String hash) {
		List<Object> values = new ArrayList<>();
		values.add(entry.addressId());
		values.add(entry.buildingId());
		values.add(entry.buildingUnitId());
		values.add(entry.capakey());
		values.add(entry.address().street());
		values.add(entry.address().houseNumber());
		values.add(entry.address().box());
		values.add(entry.address().postcode());
		values.add(entry.address().municipality());
		values.add(entry.function());
		values.add(entry.registeredSince());
		values.add(entry.note());
		values.add(entry.longitude());
		values.add(entry.latitude());
		values.add(entry.geometry());
		values.add(hash);
		return values;
	}

}
