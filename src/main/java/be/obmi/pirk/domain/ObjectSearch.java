package be.obmi.pirk.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The objects of a city that an {@link ObjectFilter} selects: the one query behind the
 * list, the map, the exports and (P3) the campaigns, so all show the same set.
 */
@Service
public class ObjectSearch {

	/** The most objects a map or an export holds. */
	public static final int MAX_OBJECTS = 100_000;

	/** {@link RealEstates#COLUMNS} of the object {@code o}. */
	static final String COLUMNS = """
			o.id, o.tenant_id, o.kind, o.parent_id, o.address_id, o.building_id, o.building_unit_id, o.capakey,
			o.street, o.house_number, o.box_number, o.postcode, o.municipality, o.function,
			o.geometry::text as geometry, o.longitude, o.latitude, o.sector_code, o.wijk_code, o.vacancy_class,
			o.vacant_since, o.suspicion_score, o.demo, o.created_at, o.updated_at, o.version""";

	private final JdbcClient jdbc;

	ObjectSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An object as the list, the map and the exports show it.
	 *
	 * @param registers the registers with a current entry for it, by code
	 * @param months the months it is vacant (from {@code vacant_since}), null when not
	 */
	public record Listed(RealEstate object, List<String> registers, Integer months) {

		public String label() {
			return RealEstates.label(object);
		}

	}

	/** A map window in WGS84 degrees. */
	public record Window(double west, double south, double east, double north) {

		/** The window of {@code west,south,east,north}; null when it cannot be read. */
		public static Window of(String bbox) {
			if (bbox == null || bbox.isBlank()) {
				return null;
			}
			String[] parts = bbox.split(",");
			if (parts.length != 4) {
				return null;
			}
			try {
				double[] v = Arrays.stream(parts).mapToDouble(p -> Double.parseDouble(p.strip())).toArray();
				if (Arrays.stream(v).anyMatch(d -> !Double.isFinite(d)) || v[0] > v[2] || v[1] > v[3]) {
					return null;
				}
				return new Window(v[0], v[1], v[2], v[3]);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

	/** The first {@code limit} objects of the filter, by address. */
	@Transactional(readOnly = true)
	public List<RealEstate> list(Tenant tenant, ObjectFilter filter, int limit) {
		List<RealEstate> objects = new ArrayList<>();
		forEach(tenant, filter, null, limit, listed -> objects.add(listed.object()));
		return objects;
	}

	/**
	 * The first {@code limit} objects of the filter with their registers and duration.
	 */
	@Transactional(readOnly = true)
	public List<Listed> listed(Tenant tenant, ObjectFilter filter, int limit) {
		List<Listed> objects = new ArrayList<>();
		forEach(tenant, filter, null, limit, objects::add);
		return objects;
	}

	/** The wijk codes of the city's objects. */
	@Transactional(readOnly = true)
	public List<String> wijken(Tenant tenant) {
		return jdbc
			.sql("select distinct wijk_code from pirk.real_estate where tenant_id = ? and wijk_code is not null "
					+ "order by 1")
			.param(tenant.id())
			.query(String.class)
			.list();
	}

	/** The statistical sector codes of the city's objects. */
	@Transactional(readOnly = true)
	public List<String> sectors(Tenant tenant) {
		return jdbc
			.sql("select distinct sector_code from pirk.real_estate where tenant_id = ? "
					+ "and sector_code is not null order by 1")
			.param(tenant.id())
			.query(String.class)
			.list();
	}

	/** How many objects the filter selects. */
	@Transactional(readOnly = true)
	public int count(Tenant tenant, ObjectFilter filter) {
		Where where = where(tenant, filter, null);
		return jdbc.sql("select count(*) from pirk.real_estate o where " + where.sql())
			.params(where.params())
			.query(Integer.class)
			.single();
	}

	/**
	 * Hands each object of the filter (and, when given, whose bounding box meets the
	 * window) to the consumer, by address, at most {@code limit}, without keeping them.
	 */
	@Transactional(readOnly = true)
	public void forEach(Tenant tenant, ObjectFilter filter, Window window, int limit, Consumer<Listed> consumer) {
		forEach(tenant, filter, window, limit, true, consumer);
	}

	/**
	 * As {@link #forEach(Tenant, ObjectFilter, Window, int, Consumer)}, without reading
	 * the objects' geometries (null in what it hands over): the map's points.
	 */
	@Transactional(readOnly = true)
	public void forEachPoint(Tenant tenant, ObjectFilter filter, Window window, int limit, Consumer<Listed> consumer) {
		forEach(tenant, filter, window, limit, false, consumer);
	}

	private void forEach(Tenant tenant, ObjectFilter filter, Window window, int limit, boolean geometry,
			Consumer<Listed> consumer) {
		Where where = where(tenant, filter, window);
		List<Object> params = new ArrayList<>(where.params());
		params.add(Math.max(0, Math.min(limit, MAX_OBJECTS)));
		LocalDate today = LocalDate.now();
		String columns = geometry ? COLUMNS : COLUMNS.replace("o.geometry::text as geometry", "null::text as geometry");
		jdbc.sql("select " + columns + """
				, array(select distinct e.register from pirk.register_entry e where e.object_id = o.id order by 1)
				  as registers
				from pirk.real_estate o where""" + " " + where.sql()
				+ " order by o.street nulls last, o.house_number, o.box_number nulls first, o.id limit ?")
			.params(params)
			.query(rs -> {
				consumer.accept(listed(rs, today));
			});
	}

	private static Listed listed(ResultSet rs, LocalDate today) throws SQLException {
		RealEstate object = RealEstates.row(rs, 0);
		Array array = rs.getArray("registers");
		List<String> registers = array == null ? List.of() : List.of((String[]) array.getArray());
		Integer months = object.vacantSince() == null || object.vacantSince().isAfter(today) ? null
				: (int) Period.between(object.vacantSince(), today).toTotalMonths();
		return new Listed(object, registers, months);
	}

	private record Where(String sql, List<Object> params) {
	}

	private static Where where(Tenant tenant, ObjectFilter filter, Window window) {
		StringBuilder sql = new StringBuilder("o.tenant_id = ?");
		List<Object> params = new ArrayList<>(List.of(tenant.id()));
		if (filter.register() != null) {
			sql.append(" and exists (select 1 from pirk.register_entry e where e.object_id = o.id and e.register = ?)");
			params.add(filter.register());
		}
		if (filter.vacancyClass() != null) {
			sql.append(" and o.vacancy_class = ?");
			params.add(filter.vacancyClass().name());
		}
		if (filter.minMonths() != null) {
			sql.append(" and o.vacant_since <= current_date - make_interval(months => ?)");
			params.add(filter.minMonths());
		}
		if (filter.function() != null) {
			sql.append(" and o.function = ?");
			params.add(filter.function());
		}
		if (filter.wijk() != null) {
			sql.append(" and o.wijk_code = ?");
			params.add(filter.wijk());
		}
		if (filter.sector() != null) {
			sql.append(" and o.sector_code = ?");
			params.add(filter.sector());
		}
		if (filter.minScore() != null) {
			sql.append(" and o.suspicion_score >= ?");
			params.add(filter.minScore());
		}
		if (filter.kind() != null) {
			sql.append(" and o.kind = ?");
			params.add(filter.kind().name());
		}
		if (filter.text() != null) {
			String like = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			sql.append(" and (concat_ws(' ', o.street, o.house_number, o.box_number, o.postcode, o.municipality)"
					+ " ilike ? or o.capakey ilike ? or o.address_id ilike ? or o.building_id ilike ?"
					+ " or o.building_unit_id ilike ?)");
			for (int i = 0; i < 5; i++) {
				params.add(like);
			}
		}
		if (window != null) {
			sql.append(" and o.bbox && box(point(?, ?), point(?, ?))");
			params.addAll(List.of(window.west(), window.south(), window.east(), window.north()));
		}
		return new Where(sql.toString(), params);
	}

}
