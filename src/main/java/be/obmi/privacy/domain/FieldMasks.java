package be.obmi.privacy.domain;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's public field mask ({@code privacy.field_mask}): read it (the defaults of
 * {@link FieldMask#DEFAULT_PUBLIC} until the DPO saves one) and save the DPO's choice,
 * with an optimistic-lock version and a history line per changed field.
 */
@Service
public class FieldMasks {

	static final String ENTITY = "privacy.field_mask";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	FieldMasks(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public FieldMask of(Tenant tenant) {
		return jdbc.sql("select public_fields, version from privacy.field_mask where tenant_id = ?")
			.param(tenant.id())
			.query((rs, n) -> new FieldMask(fields(rs.getArray("public_fields")), rs.getInt("version"), true))
			.optional()
			.orElseGet(FieldMask::defaults);
	}

	/**
	 * Saves the public fields (the name is always public).
	 * @param version the version the DPO edited (0 for the defaults)
	 * @throws ConcurrentChangeException when someone saved the mask meanwhile
	 */
	@Transactional
	public FieldMask save(Tenant tenant, Set<ActivityField> publicFields, int version, String actor) {
		FieldMask before = of(tenant);
		FieldMask after = new FieldMask(publicFields, version + 1, true);
		String[] codes = after.publicFields().stream().map(ActivityField::code).toArray(String[]::new);
		int changed = before.chosen() ? jdbc
			.sql("""
					update privacy.field_mask set public_fields = ?, updated_by = ?, updated_at = now(), version = version + 1
					where tenant_id = ? and version = ?""")
			.params(codes, actor, tenant.id(), version)
			.update() : jdbc.sql("""
					insert into privacy.field_mask (tenant_id, public_fields, updated_by, version) values (?, ?, ?, 1)
					on conflict (tenant_id) do nothing""").params(tenant.id(), codes, actor).update();
		if (changed == 0 || before.version() != version) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.fieldMaskChanged"));
		}
		audit.updated(tenant.id(), ENTITY, tenant.slug(), tenant.name(), changes(before, after));
		return after;
	}

	private static List<FieldChange> changes(FieldMask before, FieldMask after) {
		List<FieldChange> changes = new ArrayList<>();
		for (ActivityField field : ActivityField.values()) {
			if (before.isPublic(field) != after.isPublic(field)) {
				changes.add(FieldChange.between(field.code(), visibility(before, field), visibility(after, field)));
			}
		}
		return changes;
	}

	private static String visibility(FieldMask mask, ActivityField field) {
		return mask.isPublic(field) ? "publiek" : "privé";
	}

	private static Set<ActivityField> fields(Array array) throws SQLException {
		Set<ActivityField> fields = EnumSet.noneOf(ActivityField.class);
		Arrays.stream((String[]) array.getArray()).forEach(code -> ActivityField.byCode(code).ifPresent(fields::add));
		return fields;
	}

}
