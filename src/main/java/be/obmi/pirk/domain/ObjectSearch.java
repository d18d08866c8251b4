package be.obmi.pirk.domain;

import java.util.ArrayList;
import java.util.List;

import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's objects that match an {@link ObjectFilter}.
 * <p>
 * P3's stand-in with the agreed names (the register part is not filtered here): P1's own
 * class replaces it at merge.
 */
@Service
public class ObjectSearch {

	private final JdbcClient jdbc;

	ObjectSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** At most {@code limit} objects of the tenant that match, by address. */
	@Transactional(readOnly = true)
	public List<RealEstate> list(Tenant tenant, ObjectFilter filter, int limit) {
		StringBuilder sql = new StringBuilder(
				"select " + RealEstates.COLUMNS + " from pirk.real_estate where tenant_id = ?");
		List<Object> params = new ArrayList<>(List.of(tenant.id()));
		if (filter.vacancyClass() != null) {
			sql.append(" and vacancy_class = ?");
			params.add(filter.vacancyClass().name());
		}
		if (filter.minMonths() != null) {
			sql.append(" and vacant_since <= current_date - make_interval(months => ?)");
			params.add(filter.minMonths());
		}
		if (filter.function() != null) {
			sql.append(" and function = ?");
			params.add(filter.function());
		}
		if (filter.wijk() != null) {
			sql.append(" and wijk_code = ?");
			params.add(filter.wijk());
		}
		if (filter.sector() != null) {
			sql.append(" and sector_code = ?");
			params.add(filter.sector());
		}
		if (filter.minScore() != null) {
			sql.append(" and suspicion_score >= ?");
			params.add(filter.minScore());
		}
		if (filter.kind() != null) {
			sql.append(" and kind = ?");
			params.add(filter.kind().name());
		}
		if (filter.text() != null) {
			sql.append(
					" and concat_ws(' ', street, house_number, postcode, municipality, capakey, address_id) ilike ?");
			params.add("%" + filter.text().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		sql.append(" order by street, house_number, id limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(RealEstates::row).list();
	}

}
