package be.obmi.pirk.mobilisation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/** Named filters of the inventory, to build campaigns from. */
@Service
public class SavedFilters {

	/** A saved filter; {@code query} is {@link ObjectFilter#queryString()}. */
	public record SavedFilter(long id, String name, String query) {

		public ObjectFilter filter() {
			return SavedFilters.parse(query);
		}

	}

	/** The longest filter (as a query string) a saved filter or a campaign keeps. */
	public static final int MAX_QUERY = 2000;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	SavedFilters(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<SavedFilter> list(Tenant tenant) {
		return jdbc.sql("select id, name, query from pirk.saved_filter where tenant_id = ? order by lower(name), id")
			.param(tenant.id())
			.query(SavedFilter.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<SavedFilter> find(Tenant tenant, long id) {
		return jdbc.sql("select id, name, query from pirk.saved_filter where tenant_id = ? and id = ?")
			.params(tenant.id(), id)
			.query(SavedFilter.class)
			.optional();
	}

	/**
	 * Saves the filter under a name.
	 * @throws RefusedValueException for an empty name or one the tenant already uses
	 */
	@Transactional
	public SavedFilter save(Tenant tenant, String name, ObjectFilter filter, String actor) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 120) {
			throw new RefusedValueException(Reason.of("pirk.refused.filterName"));
		}
		if (filter.queryString().length() > MAX_QUERY) {
			throw new RefusedValueException(Reason.of("pirk.refused.filterTooLong", MAX_QUERY));
		}
		if (jdbc.sql("select count(*) from pirk.saved_filter where tenant_id = ? and lower(name) = lower(?)")
			.params(tenant.id(), clean)
			.query(Long.class)
			.single() > 0) {
			throw new RefusedValueException(Reason.of("pirk.refused.filterNameTaken", clean));
		}
		long id = jdbc.sql("""
				insert into pirk.saved_filter (tenant_id, name, query, created_by) values (?, ?, ?, ?) returning id""")
			.params(tenant.id(), clean, filter.queryString(), actor)
			.query(Long.class)
			.single();
		audit.created(tenant.id(), "pirk-filter", String.valueOf(id), clean,
				List.of(FieldChange.added("filter", filter.queryString())));
		return find(tenant, id).orElseThrow();
	}

	@Transactional
	public void delete(Tenant tenant, long id) {
		SavedFilter filter = find(tenant, id)
			.orElseThrow(() -> new NotFoundException(Reason.of("pirk.refused.filterUnknown")));
		jdbc.sql("delete from pirk.saved_filter where tenant_id = ? and id = ?").params(tenant.id(), id).update();
		audit.deleted(tenant.id(), "pirk-filter", String.valueOf(id), filter.name(),
				List.of(FieldChange.removed("filter", filter.query())));
	}

	/** The filter of a stored query string. */
	public static ObjectFilter parse(String query) {
		Map<String, String> parameters = UriComponentsBuilder.fromUriString("/?" + (query == null ? "" : query))
			.build()
			.getQueryParams()
			.toSingleValueMap();
		Map<String, String> decoded = new HashMap<>();
		parameters.forEach((k, v) -> decoded.put(k, v == null ? null : URLDecoder.decode(v, StandardCharsets.UTF_8)));
		return ObjectFilter.from(decoded);
	}

}
