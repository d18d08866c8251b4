package be.obmi.rights.lpdc;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RightForm;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.dmn.DmnRules;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.ScopeLock;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a city's LPDC instances (JSON-LD, {@link LpdcReader}) into its catalogue, all
 * or nothing: an instance published to the Rechtenverkenner becomes (or updates) the
 * city's right that keeps its LPDC id (the instance URI); a right imported earlier whose
 * instance is gone from the file is archived, never deleted; one that comes back returns
 * as a draft. Rights imported as drafts need a rule before they are published. Imports of
 * one city are serialised; every change is in the audit trail.
 */
@Service
public class LpdcImport {

	private final JdbcClient jdbc;

	private final Rights rights;

	private final AuditTrail audit;

	private final ScopeLock lock;

	LpdcImport(JdbcClient jdbc, Rights rights, AuditTrail audit, ScopeLock lock) {
		this.jdbc = jdbc;
		this.rights = rights;
		this.audit = audit;
		this.lock = lock;
	}

	/** Imports the file; refused as a whole (nothing changed) with the reason. */
	@Transactional
	public LpdcSummary importFile(Tenant tenant, String fileName, byte[] content, String user) {
		List<LpdcInstance> instances = LpdcReader.read(content);
		lock.acquire(ScopeLock.Kind.RIGHTS_CATALOGUE, tenant.id());
		Map<String, RightEntry> known = new HashMap<>();
		jdbc.sql("select id, lpdc_id from rights.right_entry where tenant_id = ? and lpdc_id is not null")
			.param(tenant.id())
			.query((rs, row) -> known.put(rs.getString(2), rights.find(rs.getLong(1)).orElseThrow()))
			.list();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		int archived = 0;
		List<String> skipped = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (LpdcInstance instance : instances) {
			if (!instance.forRechtenverkenner()) {
				skipped.add(instance.title());
				continue;
			}
			if (!seen.add(instance.uri())) {
				throw new LpdcRejectedException(Reason.of("rights.lpdc.refused.duplicate", instance.uri()));
			}
			if (!instance.spatial().isEmpty() && tenant.nisCode() != null
					&& !instance.spatial().contains(tenant.nisCode())) {
				throw new LpdcRejectedException(Reason.of("rights.lpdc.refused.territory", instance.uri(),
						String.join(", ", instance.spatial()), tenant.name()));
			}
			RightForm form = form(instance);
			RightEntry before = known.get(instance.uri());
			try {
				if (before == null) {
					RightEntry right = rights.create(tenant.id(), form, false);
					link(right, instance);
					created++;
				}
				else {
					boolean changed = changed(before, form);
					if (changed) {
						rights.update(before, form, before.version());
					}
					if ("ARCHIVED".equals(before.state())) {
						restore(before);
						changed = true;
					}
					link(before, instance);
					if (changed) {
						updated++;
					}
					else {
						unchanged++;
					}
				}
			}
			catch (RefusedValueException ex) {
				throw new LpdcRejectedException(Reason.of("rights.lpdc.refused.instance", instance.uri(), ex.reason()));
			}
		}
		for (Map.Entry<String, RightEntry> entry : known.entrySet()) {
			RightEntry right = entry.getValue();
			if (!seen.contains(entry.getKey()) && !"ARCHIVED".equals(right.state())) {
				rights.archive(rights.find(right.id()).orElseThrow());
				archived++;
			}
		}
		jdbc.sql("""
				insert into rights.lpdc_import (tenant_id, file_name, sha256, created, updated, archived, skipped,
				    imported_by) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant.id(), name(fileName), DmnRules.sha256(new String(content, StandardCharsets.UTF_8)), created,
					updated, archived, skipped.size(), user)
			.update();
		audit.created(tenant.id(), "right-lpdc-import", name(fileName), name(fileName),
				List.of(FieldChange.added("created", String.valueOf(created)),
						FieldChange.added("updated", String.valueOf(updated)),
						FieldChange.added("archived", String.valueOf(archived)),
						FieldChange.added("skipped", String.valueOf(skipped.size()))));
		return new LpdcSummary(created, updated, unchanged, archived, List.copyOf(skipped));
	}

	/** The city's imports, newest first. */
	public List<Imported> history(long tenantId) {
		return jdbc.sql("""
				select file_name, created, updated, archived, skipped, imported_by, imported_at
				from rights.lpdc_import where tenant_id = ? order by imported_at desc, id desc limit 20""")
			.param(tenantId)
			.query(Imported.class)
			.list();
	}

	/** The LPDC id of each of the city's imported rights, by right id. */
	public Map<Long, String> lpdcIds(long tenantId) {
		Map<Long, String> ids = new HashMap<>();
		jdbc.sql("select id, lpdc_id from rights.right_entry where tenant_id = ? and lpdc_id is not null")
			.param(tenantId)
			.query((rs, row) -> ids.put(rs.getLong(1), rs.getString(2)))
			.list();
		return ids;
	}

	static RightForm form(LpdcInstance instance) {
		String key = instance.uuid().matches("[0-9a-fA-F-]{8,60}") ? instance.uuid().toLowerCase()
				: DmnRules.sha256(instance.uri()).substring(0, 24);
		String code = ("lpdc-" + key).substring(0, Math.min(80, 5 + key.length()));
		return new RightForm(code, instance.title(), instance.description(), instance.level(),
				String.join(", ", instance.themes()), String.join(", ", instance.audiences()), instance.conditions(),
				instance.procedure(), instance.documents(), instance.contact(), instance.advantage(),
				instance.legalUrl(), instance.legalTitle(), instance.validFrom(), instance.validTo());
	}

	private static boolean changed(RightEntry before, RightForm form) {
		return !Objects.equals(before.title(), form.title())
				|| !Objects.equals(before.description(), form.description())
				|| !Objects.equals(before.level(), form.level()) || !Objects.equals(before.theme(), form.theme())
				|| !Objects.equals(before.targetGroup(), form.targetGroup())
				|| !Objects.equals(before.ficheConditions(), form.ficheConditions())
				|| !Objects.equals(before.ficheProcedure(), form.ficheProcedure())
				|| !Objects.equals(before.ficheDocuments(), form.ficheDocuments())
				|| !Objects.equals(before.ficheContact(), form.ficheContact())
				|| !Objects.equals(before.ficheAdvantage(), form.ficheAdvantage())
				|| !Objects.equals(before.legalUrl(), form.legalUrl())
				|| !Objects.equals(before.legalTitle(), form.legalTitle())
				|| !Objects.equals(before.validFrom(), form.validFrom())
				|| !Objects.equals(before.validTo(), form.validTo());
	}

	private void link(RightEntry right, LpdcInstance instance) {
		jdbc.sql("""
				update rights.right_entry set lpdc_id = ?, lpdc_concept = nullif(?, ''), lpdc_imported_at = now()
				where id = ? and tenant_id = ?""")
			.params(instance.uri(), instance.concept(), right.id(), right.tenantId())
			.update();
	}

	/** A right whose instance came back: a draft again (it needs publishing anew). */
	private void restore(RightEntry right) {
		jdbc.sql("update rights.right_entry set state = 'DRAFT', version = version + 1 where id = ? and tenant_id = ?")
			.params(right.id(), right.tenantId())
			.update();
		audit.updated(right.tenantId(), "right", String.valueOf(right.id()), right.title(),
				List.of(new FieldChange("state", right.state(), "DRAFT")));
	}

	private static String name(String fileName) {
		String name = fileName == null || fileName.isBlank() ? "lpdc.jsonld" : fileName.strip();
		return name.length() > 300 ? name.substring(0, 300) : name;
	}

	/** One import of the history. */
	public record Imported(String fileName, int created, int updated, int archived, int skipped, String importedBy,
			OffsetDateTime importedAt) {

	}

}
