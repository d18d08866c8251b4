package be.obmi.privacy.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a tenant's register for the public register and the exports: each activity with
 * the content of its current version ({@code privacy.activity_version} at
 * {@code current_version}) and its linked organisation. Read-only; the register's writes
 * are the staff register's.
 */
@Service
public class RegisterReading {

	private static final String SELECT = """
			select a.id, a.public_id, a.register, a.audience, a.role, a.state, a.published, a.current_version,
			       v.valid_from, o.name as organisation_name, o.kbo_number, v.content::text as content
			from privacy.processing_activity a
			join privacy.activity_version v on v.activity_id = a.id and v.number = a.current_version
			left join privacy.linked_organisation o on o.id = a.organisation_id and o.tenant_id = a.tenant_id
			where a.tenant_id = :tenant
			""";

	private static final String ORDER = " order by lower(v.content ->> 'name'), a.id";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RegisterReading(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Every activity of the tenant's register, by name. */
	@Transactional(readOnly = true)
	public List<RegisterActivity> all(Tenant tenant) {
		return jdbc.sql(SELECT + ORDER).param("tenant", tenant.id()).query(this::activity).list();
	}

	/** The activities the public register shows: published and checked, by name. */
	@Transactional(readOnly = true)
	public List<RegisterActivity> shownInPublic(Tenant tenant) {
		return jdbc.sql(SELECT + " and a.published and a.state = 'CHECKED'" + ORDER)
			.param("tenant", tenant.id())
			.query(this::activity)
			.list();
	}

	/** One activity the public register shows, by its public id. */
	@Transactional(readOnly = true)
	public Optional<RegisterActivity> shownInPublic(Tenant tenant, UUID publicId) {
		return jdbc.sql(SELECT + " and a.published and a.state = 'CHECKED' and a.public_id = :id")
			.param("tenant", tenant.id())
			.param("id", publicId)
			.query(this::activity)
			.optional();
	}

	/** Every version of every activity of the tenant, by activity name and number. */
	@Transactional(readOnly = true)
	public List<RegisterVersion> versions(Tenant tenant) {
		return jdbc.sql("""
				select a.public_id, v.number, v.valid_from, v.created_by, v.created_at, v.content::text as content
				from privacy.activity_version v
				join privacy.processing_activity a on a.id = v.activity_id
				where a.tenant_id = :tenant
				order by a.id, v.number""")
			.param("tenant", tenant.id())
			.query((rs, n) -> new RegisterVersion(rs.getObject("public_id", UUID.class), rs.getInt("number"),
					rs.getDate("valid_from").toLocalDate(), rs.getString("created_by"),
					rs.getTimestamp("created_at").toInstant(), content(rs)))
			.list();
	}

	private RegisterActivity activity(ResultSet rs, int row) throws SQLException {
		return new RegisterActivity(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getString("register"),
				rs.getString("audience"), rs.getString("role"), rs.getString("state"), rs.getBoolean("published"),
				rs.getInt("current_version"), rs.getDate("valid_from").toLocalDate(), rs.getString("organisation_name"),
				rs.getString("kbo_number"), content(rs));
	}

	private ActivityContent content(ResultSet rs) throws SQLException {
		return json.readValue(rs.getString("content"), ActivityContent.class);
	}

}
