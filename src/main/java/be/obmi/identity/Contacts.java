package be.obmi.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who to write to: the {@link Contact} of an enabled account by user name or id, and the
 * enabled members of a tenant holding at least a role. Disabled accounts are never
 * returned; accounts without an e-mail address are (see {@link Contact#reachable()}).
 */
@Service
public class Contacts {

	private static final String SELECT = "select u.id as user_id, u.username, u.display_name, u.email from identity.user_account u ";

	private final JdbcClient jdbc;

	Contacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The enabled account with that user name (in any case). */
	@Transactional(readOnly = true)
	public Optional<Contact> byUsername(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + "where lower(u.username) = lower(?) and u.enabled")
			.param(username.strip())
			.query(Contact.class)
			.optional();
	}

	/** The enabled account with that id. */
	@Transactional(readOnly = true)
	public Optional<Contact> byId(long userId) {
		return jdbc.sql(SELECT + "where u.id = ? and u.enabled").param(userId).query(Contact.class).optional();
	}

	/**
	 * The enabled members of the tenant whose role there includes {@code role} (for
	 * {@link Role#REDACTEUR}: redacteurs and beheerders), by name. Platform admins are
	 * not members of a tenant and are not included.
	 */
	@Transactional(readOnly = true)
	public List<Contact> withRole(Tenant tenant, Role role) {
		List<String> roles = Arrays.stream(Role.values()).filter(r -> r.includes(role)).map(Role::name).toList();
		return jdbc.sql(SELECT + """
				join identity.membership m on m.user_id = u.id
				where m.tenant_id = :tenant and m.role in (:roles) and u.enabled
				order by lower(u.display_name), u.id""")
			.param("tenant", tenant.id())
			.param("roles", roles)
			.query(Contact.class)
			.list();
	}

	/**
	 * The tenant's data protection officers: enabled members with the DPO function and an
	 * e-mail address, by name. Platform admins are not included.
	 */
	@Transactional(readOnly = true)
	public List<Contact> dpos(Tenant tenant) {
		return jdbc.sql(SELECT + """
				join identity.membership m on m.user_id = u.id
				where m.tenant_id = ? and m.dpo and u.enabled and u.email is not null and u.email <> ''
				order by lower(u.display_name), u.id""").param(tenant.id()).query(Contact.class).list();
	}

	/**
	 * The enabled members of the tenant holding {@code function} (e.g. the PIRK team with
	 * {@link TenantFunction#OWNER_DATA}) and an e-mail address, by name.
	 */
	@Transactional(readOnly = true)
	public List<Contact> withFunction(Tenant tenant, TenantFunction function) {
		return jdbc.sql(SELECT + """
				join identity.membership_function f on f.user_id = u.id
				where f.tenant_id = ? and f.function = ? and u.enabled and u.email is not null and u.email <> ''
				order by lower(u.display_name), u.id""")
			.params(tenant.id(), function.name())
			.query(Contact.class)
			.list();
	}

}
