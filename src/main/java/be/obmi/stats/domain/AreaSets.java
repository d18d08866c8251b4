package be.obmi.stats.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.Locale;

/**
 * A city's own area sets, e.g. its wijken as lists of statistical sectors. Values of a
 * set member are aggregated from its areas like any other area: sums add up, ratios are
 * recomputed from the summed numerator and denominator.
 */
@Service
public class AreaSets {

	private final JdbcClient jdbc;

	private final Areas areas;

	private final AuditTrail audit;

	private final ScopeLock lock;

	AreaSets(JdbcClient jdbc, Areas areas, AuditTrail audit, ScopeLock lock) {
		this.lock = lock;
		this.jdbc = jdbc;
		this.areas = areas;
		this.audit = audit;
	}

	/** Members (label → areas) of a tenant's set, in file order. */
	public Optional<Map<String, List<Area>>> members(long tenantId, String name) {
		Optional<Long> id = jdbc.sql("select id from stats.area_set where tenant_id = ? and name = ?")
			.params(tenantId, name)
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return Optional.empty();
		}
		Map<String, List<Area>> members = new LinkedHashMap<>();
		jdbc.sql("select label, area_id from stats.area_set_member where area_set_id = ? order by label, area_id")
			.param(id.get())
			.query((rs, n) -> members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
				.add(areas.byId(rs.getLong(2))))
			.list();
		return Optional.of(members);
	}

	/**
	 * Replaces a set from a file with the columns {@code label} and {@code gebied} (+
	 * optional {@code niveau}), all or nothing.
	 */
	@Transactional
	public int replace(Scope scope, String name, byte[] file) {
		lock.acquire(ScopeLock.Kind.STATISTICS, scope.key());
		if (scope.isPlatform() || name == null || !name.matches("^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$")) {
			throw new RefusedValueException(Reason.of("stats.refused.areaSetName"));
		}
		Table table = TableReader.read(file);
		Map<String, Integer> col = new LinkedHashMap<>();
		for (int i = 0; i < table.header().size(); i++) {
			col.put(table.header().get(i).toLowerCase(Locale.ROOT), i);
		}
		List<ImportError> errors = new ArrayList<>();
		if (!col.containsKey("label") || !col.containsKey("gebied")) {
			throw new ImportRejectedException(List.of(new ImportError(1, "", "import.stats.areaSetColumnsMissing")));
		}
		List<Object[]> members = new ArrayList<>();
		for (Table.Row line : table.rows()) {
			String label = line.cell(col.get("label"));
			String code = line.cell(col.get("gebied"));
			String level = line.cell(col.getOrDefault("niveau", -1));
			if (label.isEmpty()) {
				errors.add(new ImportError(line.number(), "label", "import.stats.areaSetLabelMissing"));
				continue;
			}
			Optional<Area> area = level.isEmpty() ? areas.findAnyLevel(code)
					: Level.parse(level).flatMap(l -> areas.find(l.code(), code));
			if (area.isEmpty()) {
				errors.add(new ImportError(line.number(), "gebied", "import.stats.areaSetAreaUnknown", code));
				continue;
			}
			members.add(new Object[] { label, area.get().id() });
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		long id = jdbc.sql("""
				insert into stats.area_set (tenant_id, name) values (?, ?)
				on conflict (tenant_id, name) do update set version = stats.area_set.version + 1 returning id""")
			.params(scope.tenantId(), name)
			.query(Long.class)
			.single();
		int removed = jdbc.sql("delete from stats.area_set_member where area_set_id = ?").param(id).update();
		for (Object[] m : members) {
			jdbc.sql(
					"insert into stats.area_set_member (area_set_id, label, area_id) values (?, ?, ?) on conflict do nothing")
				.params(id, m[0], m[1])
				.update();
		}
		audit.updated(scope.tenantId(), "gebiedsindeling", String.valueOf(id), name,
				List.of(new FieldChange("leden", String.valueOf(removed), String.valueOf(members.size()))));
		return members.size();
	}

}
