package be.obmi.privacy.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processing activities an agreement or a breach is linked to: the tenant's own
 * activities only, named by their current version.
 */
@Service
public class CaseActivities {

	/** An activity to choose from a list. */
	public record Choice(long id, String name) {
	}

	/** Which link table: the agreements' or the breaches'. */
	enum Link {

		AGREEMENT("privacy.agreement_activity", "agreement_id"), BREACH("privacy.breach_activity", "breach_id");

		final String table;

		final String column;

		Link(String table, String column) {
			this.table = table;
			this.column = column;
		}

	}

	private final JdbcClient jdbc;

	CaseActivities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The tenant's activities by name. */
	@Transactional(readOnly = true)
	public List<Choice> choices(Tenant tenant) {
		return jdbc.sql("""
				select a.id, coalesce(nullif(v.content ->> 'name', ''), '#' || a.id) as name
				from privacy.processing_activity a
				left join privacy.activity_version v on v.activity_id = a.id and v.number = a.current_version
				where a.tenant_id = ? order by lower(coalesce(v.content ->> 'name', '')), a.id""")
			.param(tenant.id())
			.query(Choice.class)
			.list();
	}

	List<Choice> of(Tenant tenant, Link link, long ownerId) {
		return jdbc
			.sql("""
					select a.id, coalesce(nullif(v.content ->> 'name', ''), '#' || a.id) as name
					from %s l join privacy.processing_activity a on a.id = l.activity_id
					left join privacy.activity_version v on v.activity_id = a.id and v.number = a.current_version
					where l.%s = ? and a.tenant_id = ? order by lower(coalesce(v.content ->> 'name', '')), a.id"""
				.formatted(link.table, link.column))
			.params(ownerId, tenant.id())
			.query(Choice.class)
			.list();
	}

	/**
	 * Replaces the links of an agreement or breach.
	 * @throws RefusedValueException when an id is not an activity of the tenant
	 */
	void replace(Tenant tenant, Link link, long ownerId, List<Long> activityIds) {
		Set<Long> ids = new LinkedHashSet<>(activityIds == null ? List.of() : activityIds);
		ids.remove(null);
		if (!ids.isEmpty()) {
			Integer own = jdbc
				.sql("select count(*) from privacy.processing_activity where tenant_id = :tenant and id in (:ids)")
				.param("tenant", tenant.id())
				.param("ids", ids)
				.query(Integer.class)
				.single();
			if (own != ids.size()) {
				throw new RefusedValueException(Reason.of("privacy.refused.activityUnknown"));
			}
		}
		jdbc.sql("delete from %s where %s = ?".formatted(link.table, link.column)).param(ownerId).update();
		for (Long id : ids) {
			jdbc.sql("insert into %s (%s, activity_id) values (?, ?)".formatted(link.table, link.column))
				.params(ownerId, id)
				.update();
		}
	}

}
