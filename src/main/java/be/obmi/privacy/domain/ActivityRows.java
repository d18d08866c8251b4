package be.obmi.privacy.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import be.obmi.privacy.domain.ProcessingActivities.Activity;
import be.obmi.privacy.domain.ProcessingActivities.ActivityVersion;
import be.obmi.privacy.domain.ProcessingActivities.Filter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the register's activities and their versions are read from and written to
 * {@code privacy.processing_activity} and {@code privacy.activity_version}: an activity
 * with the content of its current version (JSON), the register list's filters, a new
 * immutable version.
 */
@Component
class ActivityRows {

	private static final String SELECT = """
			select a.id, a.public_id, a.tenant_id, a.register, a.audience, a.organisation_id, o.name as organisation_name,
			       a.role, a.state, a.published, a.current_version, a.template_id, a.template_version, a.demo, a.version,
			       v.content::text as content, v.valid_from
			from privacy.processing_activity a
			join privacy.activity_version v on v.activity_id = a.id and v.number = a.current_version
			left join privacy.linked_organisation o on o.id = a.organisation_id and o.tenant_id = a.tenant_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ActivityRows(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The tenant's activities matching the filter, by name. */
	List<Activity> list(long tenantId, Filter filter) {
		StringBuilder sql = new StringBuilder(SELECT).append("where a.tenant_id = ?");
		List<Object> params = new ArrayList<>(List.of(tenantId));
		if (filter.state() != null) {
			sql.append(" and a.state = ?");
			params.add(filter.state().name());
		}
		if (filter.register() != null) {
			sql.append(" and a.register = ?");
			params.add(filter.register().name());
		}
		if (filter.audience() != null) {
			sql.append(" and a.audience = ?");
			params.add(filter.audience().name());
		}
		if (filter.service() != null && !filter.service().isBlank()) {
			sql.append(" and v.content->>'responsibleService' = ?");
			params.add(filter.service());
		}
		sql.append(" order by lower(v.content->>'name'), a.id");
		return jdbc.sql(sql.toString()).params(params).query(this::activity).list();
	}

	/** The responsible services named in the tenant's register. */
	List<String> services(long tenantId) {
		return jdbc.sql("""
				select distinct v.content->>'responsibleService' from privacy.processing_activity a
				join privacy.activity_version v on v.activity_id = a.id and v.number = a.current_version
				where a.tenant_id = ? and v.content->>'responsibleService' is not null order by 1""")
			.param(tenantId)
			.query(String.class)
			.list();
	}

	Optional<Activity> find(long tenantId, UUID publicId) {
		return jdbc.sql(SELECT + "where a.tenant_id = ? and a.public_id = ?")
			.params(tenantId, publicId)
			.query(this::activity)
			.optional();
	}

	Activity byId(long id) {
		return jdbc.sql(SELECT + "where a.id = ?").param(id).query(this::activity).single();
	}

	/** Every version of an activity, newest first. */
	List<ActivityVersion> versions(long activityId) {
		return jdbc
			.sql("""
					select number, content::text as content, valid_from, created_by, created_at from privacy.activity_version
					where activity_id = ? order by number desc""")
			.param(activityId)
			.query(this::version)
			.list();
	}

	/** Adds an immutable version, valid from the date given (today when none). */
	void insertVersion(long activityId, int number, ActivityContent content, LocalDate validFrom, String actor) {
		jdbc.sql("""
				insert into privacy.activity_version (activity_id, number, content, valid_from, created_by)
				values (?, ?, cast(? as jsonb), ?, ?)""")
			.params(activityId, number, json.writeValueAsString(content),
					validFrom == null ? LocalDate.now() : validFrom, actor)
			.update();
	}

	private Activity activity(ResultSet rs, int row) throws SQLException {
		return new Activity(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("tenant_id"),
				Register.valueOf(rs.getString("register")), Audience.valueOf(rs.getString("audience")),
				rs.getObject("organisation_id", Long.class), rs.getString("organisation_name"),
				OrganisationRole.valueOf(rs.getString("role")), ActivityState.valueOf(rs.getString("state")),
				rs.getBoolean("published"), rs.getInt("current_version"), rs.getObject("template_id", Long.class),
				rs.getObject("template_version", Integer.class), rs.getBoolean("demo"), rs.getInt("version"),
				json.readValue(rs.getString("content"), ActivityContent.class),
				rs.getObject("valid_from", LocalDate.class));
	}

	private ActivityVersion version(ResultSet rs, int row) throws SQLException {
		return new ActivityVersion(rs.getInt("number"), json.readValue(rs.getString("content"), ActivityContent.class),
				rs.getObject("valid_from", LocalDate.class), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
