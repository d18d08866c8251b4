package be.obmi.stats.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform-level sets of municipalities beyond the city border (issue 21): each
 * centrumstad's stadsregio (kernstad, agglomeratie and banlieue), peer groups (large,
 * regional and small cities), and transport regions or police zones when reference data
 * gives them. The platform's sets are the defaults (reference data); a city's redacteur
 * adjusts its own stadsregio, which its site then uses instead. A figure of a group is
 * derived from its municipalities like any other aggregate
 * ({@code query.AreaGroupFigures}).
 */
@Service
public class AreaGroups {

	/** A group with its members in order (zone, then code). */
	public record AreaGroup(long id, Long tenantId, String kind, String code, String name, String nameEn,
			String cityCode, String source, List<Member> members) {

		/** The members' areas. */
		public List<Area> areas() {
			return members.stream().map(Member::area).toList();
		}

		/**
		 * The members of some zones ({@code kernstad}, {@code agglomeratie},
		 * {@code banlieue}).
		 */
		public List<Area> zone(String... zones) {
			List<String> wanted = List.of(zones);
			return members.stream().filter(m -> wanted.contains(m.zone())).map(Member::area).toList();
		}

		/** Whether a city adjusted this set (else it is the platform's default). */
		public boolean adjusted() {
			return tenantId != null;
		}

	}

	/** A municipality of a group; {@code zone} only in a stadsregio. */
	public record Member(Area area, String zone) {
	}

	private final JdbcClient jdbc;

	private final Areas areas;

	private final AuditTrail audit;

	private final ScopeLock lock;

	AreaGroups(JdbcClient jdbc, Areas areas, AuditTrail audit, ScopeLock lock) {
		this.jdbc = jdbc;
		this.areas = areas;
		this.audit = audit;
		this.lock = lock;
	}

	/** The platform's groups of a kind, by name. */
	public List<AreaGroup> platform(String kind) {
		return jdbc.sql("select id from stats.area_group where tenant_id is null and kind = ? order by name")
			.param(kind)
			.query(Long.class)
			.list()
			.stream()
			.map(this::load)
			.toList();
	}

	/**
	 * A group as a scope sees it: the tenant's adjustment of the code, else the
	 * platform's.
	 */
	public Optional<AreaGroup> find(Scope scope, String code) {
		return jdbc.sql("""
				select id from stats.area_group where code = ? and coalesce(tenant_id, 0) in (0, ?)
				order by tenant_id nulls last limit 1""")
			.params(code, scope.key())
			.query(Long.class)
			.optional()
			.map(this::load);
	}

	/**
	 * The stadsregio of the scope's city: its own adjustment, else the platform's
	 * default.
	 */
	public Optional<AreaGroup> stadsregio(Scope scope) {
		if (scope.nisCode() == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select code from stats.area_group where tenant_id is null and kind = 'stadsregio' and city_code = ?""")
			.param(scope.nisCode())
			.query(String.class)
			.optional()
			.flatMap(code -> find(scope, code));
	}

	private AreaGroup load(long id) {
		List<Member> members = new ArrayList<>();
		jdbc.sql(
				"""
						select area_id, zone from stats.area_group_member where group_id = ?
						order by case zone when 'kernstad' then 0 when 'agglomeratie' then 1 when 'banlieue' then 2 else 3 end, area_id""")
			.param(id)
			.query(rs -> {
				Area area = areas.byId(rs.getLong("area_id"));
				if (area != null) {
					members.add(new Member(area, rs.getString("zone")));
				}
			});
		return jdbc
			.sql("""
					select id, tenant_id, kind, code, name, name_en, city_code, source from stats.area_group where id = ?""")
			.param(id)
			.query((rs, n) -> new AreaGroup(rs.getLong("id"), rs.getObject("tenant_id", Long.class),
					rs.getString("kind"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
					rs.getString("city_code"), rs.getString("source"), List.copyOf(members)))
			.single();
	}

	/**
	 * Replaces the tenant's adjustment of its own stadsregio from a CSV/XLSX with the
	 * column {@code gemeente} (NIS code) and optionally {@code zone} (agglomeratie or
	 * banlieue; default agglomeratie); the city itself is always its kernstad. All or
	 * nothing, with the row and the reason of every refused line.
	 * @return the number of municipalities besides the city
	 */
	@Transactional
	public int adjustStadsregio(Scope scope, byte[] file, String actor) {
		lock.acquire(ScopeLock.Kind.STATISTICS, scope.key());
		AreaGroup base = platformStadsregio(scope);
		Area city = areas.find("gemeente", scope.nisCode()).orElseThrow();
		Table table = TableReader.read(file);
		if (!table.hasColumn("gemeente")) {
			throw new ImportRejectedException(List.of(new ImportError(1, "", "import.stats.groupColumnsMissing")));
		}
		List<ImportError> errors = new ArrayList<>();
		Map<Long, String> members = new LinkedHashMap<>();
		members.put(city.id(), "kernstad");
		for (Table.Row row : table.rows()) {
			if (row.isBlank()) {
				continue;
			}
			String code = row.get("gemeente");
			Optional<Area> area = areas.find("gemeente", code);
			String zone = row.get("zone").isEmpty() ? "agglomeratie" : row.get("zone");
			if (area.isEmpty()) {
				errors.add(new ImportError(row.number(), "gemeente", "import.stats.groupMunicipalityUnknown", code));
			}
			else if (!zone.equals("agglomeratie") && !zone.equals("banlieue")) {
				errors.add(new ImportError(row.number(), "zone", "import.stats.groupZoneUnknown", zone));
			}
			else if (area.get().id() != city.id()) {
				members.put(area.get().id(), zone);
			}
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		int before = find(scope, base.code()).map(g -> g.members().size()).orElse(0);
		long id = jdbc.sql("""
				insert into stats.area_group (tenant_id, kind, code, name, name_en, city_code, source)
				values (?, 'stadsregio', ?, ?, ?, ?, ?)
				on conflict (tenant_id, code) do update set version = stats.area_group.version + 1 returning id""")
			.params(scope.tenantId(), base.code(), base.name(), base.nameEn(), base.cityCode(),
					"Aangepast door " + actor)
			.query(Long.class)
			.single();
		jdbc.sql("delete from stats.area_group_member where group_id = ?").param(id).update();
		members.forEach((areaId, zone) -> jdbc
			.sql("insert into stats.area_group_member (group_id, area_id, zone) values (?, ?, ?)")
			.params(id, areaId, zone)
			.update());
		audit.updated(scope.tenantId(), "stadsregio", String.valueOf(id), base.name(),
				List.of(new FieldChange("gemeenten", String.valueOf(before), String.valueOf(members.size()))));
		return members.size() - 1;
	}

	/** Drops the tenant's adjustment: its site shows the platform's default again. */
	@Transactional
	public void resetStadsregio(Scope scope) {
		lock.acquire(ScopeLock.Kind.STATISTICS, scope.key());
		AreaGroup base = platformStadsregio(scope);
		int removed = jdbc.sql("delete from stats.area_group where tenant_id = ? and code = ?")
			.params(scope.tenantId(), base.code())
			.update();
		if (removed > 0) {
			audit.updated(scope.tenantId(), "stadsregio", base.code(), base.name(),
					List.of(new FieldChange("aangepast", "ja", "nee")));
		}
	}

	private AreaGroup platformStadsregio(Scope scope) {
		if (scope.isPlatform() || scope.nisCode() == null) {
			throw new RefusedValueException(Reason.of("stats.refused.noStadsregio"));
		}
		return platform("stadsregio").stream()
			.filter(g -> scope.nisCode().equals(g.cityCode()))
			.findFirst()
			.orElseThrow(() -> new RefusedValueException(Reason.of("stats.refused.noStadsregio")));
	}

}
