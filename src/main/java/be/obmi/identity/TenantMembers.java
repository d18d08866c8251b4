package be.obmi.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.tenancy.Tenant;
import be.obmi.shared.Reason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant admin's management of the members of their tenant: new accounts with a role,
 * existing accounts invited, roles changed or taken away, lockouts lifted. The tenant
 * admin gains no power over an account itself (its name, password, e-mail or whether it
 * is enabled: {@link UserAccounts}), and never over a platform admin. Every change is in
 * the history of every tenant the account belongs to and of the platform.
 */
@Service
public class TenantMembers {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final UserAccounts accounts;

	TenantMembers(JdbcClient jdbc, PasswordEncoder passwordEncoder, UserAccounts accounts) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.accounts = accounts;
	}

	/** The users with a role in the tenant, by name. */
	@Transactional(readOnly = true)
	public List<UserAccount> membersOf(Tenant tenant) {
		return jdbc.sql(selectMember() + " where m.tenant_id = ? order by lower(u.display_name)")
			.params(tenant.id(), tenant.id())
			.query(UserAccount.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> memberOf(Tenant tenant, long userId) {
		return jdbc.sql(selectMember() + " where m.tenant_id = ? and u.id = ?")
			.params(tenant.id(), tenant.id(), userId)
			.query(UserAccount.class)
			.optional();
	}

	private static String selectMember() {
		return """
				select u.id, u.username, u.display_name, u.email, u.enabled, u.demo, u.locked_until, u.last_login_at,
				       m.role, u.version, u.platform_admin,
				       exists (select 1 from identity.membership o where o.user_id = u.id and o.tenant_id <> ?) as other_tenants
				from identity.user_account u join identity.membership m on m.user_id = u.id""";
	}

	/**
	 * Creates a new account with a role in the tenant. An existing username is refused:
	 * an existing account is invited ({@link #invite}), never re-created or overwritten.
	 * @throws AccountChangeRefused for a taken username or a weak password
	 */
	@Transactional
	public UserAccount createAccount(Tenant tenant, UserForm form) {
		if (accounts.accountId(form.username()).isPresent()) {
			throw new AccountChangeRefused("account.refused.usernameTaken", form.username());
		}
		accounts.checkPassword(form.password());
		long userId = jdbc.sql("""
				insert into identity.user_account (username, display_name, email, password_hash, enabled)
				values (?, ?, ?, ?, true) returning id""")
			.params(form.username().strip(), form.displayName().strip(), accounts.blankToNull(form.email()),
					passwordEncoder.encode(form.password()))
			.query(Long.class)
			.single();
		jdbc.sql("insert into identity.membership (user_id, tenant_id, role) values (?, ?, ?)")
			.params(userId, tenant.id(), form.role().name())
			.update();
		UserAccount created = memberOf(tenant, userId).orElseThrow();
		List<FieldChange> fields = new ArrayList<>();
		fields.add(FieldChange.added("gebruikersnaam", created.username()));
		fields.add(FieldChange.added("naam", created.displayName()));
		fields.add(FieldChange.added("e-mail", created.email()));
		fields.add(FieldChange.added("rol in " + tenant.slug(), created.role()));
		fields.add(FieldChange.added("actief", created.enabled()));
		accounts.recordForAccount(userId, created.displayName(), AuditEvent.Action.CREATE, fields, List.of());
		return created;
	}

	/**
	 * Gives an existing account (by username or e-mail address) a role in the tenant. The
	 * tenant admin gains no power over the account itself. A platform admin is never made
	 * a member of a tenant (they hold every role anyway).
	 * @throws AccountChangeRefused when no account matches, several do, it is a platform
	 * admin or already a member
	 */
	@Transactional
	public UserAccount invite(Tenant tenant, InviteForm form) {
		String login = form.login().strip();
		List<Long> ids = jdbc.sql("""
				select id from identity.user_account where lower(username) = lower(?)
				union select id from identity.user_account where lower(email) = lower(?)""")
			.params(login, login)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			throw new AccountChangeRefused("account.refused.notFound", login);
		}
		if (ids.size() > 1) {
			throw new AccountChangeRefused("account.refused.ambiguous", login);
		}
		long userId = ids.getFirst();
		AccountDetails account = accounts.details(userId).orElseThrow();
		if (account.platformAdmin()) {
			throw new AccountChangeRefused("account.refused.platformAdmin");
		}
		if (account.roles().containsKey(tenant.slug())) {
			throw new AccountChangeRefused("account.refused.alreadyMember", account.username(), tenant.name());
		}
		jdbc.sql("insert into identity.membership (user_id, tenant_id, role) values (?, ?, ?)")
			.params(userId, tenant.id(), form.role().name())
			.update();
		accounts.recordForAccount(userId, account.displayName(), AuditEvent.Action.UPDATE,
				List.of(FieldChange.added("rol in " + tenant.slug(), form.role())), List.of());
		return memberOf(tenant, userId).orElseThrow();
	}

	/**
	 * Changes a member's role in the tenant; nothing else of the account.
	 * @throws ConcurrentChangeException when the account changed since the form was
	 * loaded
	 * @throws AccountChangeRefused for a platform admin
	 */
	@Transactional
	public UserAccount changeRole(Tenant tenant, long userId, RoleForm form) {
		UserAccount before = memberOf(tenant, userId)
			.orElseThrow(() -> new AccountChangeRefused("account.refused.notMember"));
		refuseForPlatformAdmin(before);
		int updated = jdbc.sql("update identity.user_account set version = version + 1 where id = ? and version = ?")
			.params(userId, form.version() == null ? -1 : form.version())
			.update();
		if (updated == 0) {
			throw new ConcurrentChangeException(Reason.of("account.refused.changedMeanwhile"));
		}
		jdbc.sql("update identity.membership set role = ? where user_id = ? and tenant_id = ?")
			.params(form.role().name(), userId, tenant.id())
			.update();
		FieldChange change = FieldChange.between("rol in " + tenant.slug(), before.role(), form.role());
		if (change != null) {
			accounts.recordForAccount(userId, before.displayName(), AuditEvent.Action.UPDATE, List.of(change),
					List.of());
		}
		return memberOf(tenant, userId).orElseThrow();
	}

	/** Whether the member is the tenant's data protection officer (DPO). */
	@Transactional(readOnly = true)
	public boolean dpo(Tenant tenant, long userId) {
		return jdbc.sql("select dpo from identity.membership where user_id = ? and tenant_id = ?")
			.params(userId, tenant.id())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Makes a member the tenant's data protection officer (DPO), or no longer; nothing
	 * else of the account. The account's security stamp moves with the membership, so an
	 * open session has the new right on its next request.
	 * @throws ConcurrentChangeException when the account changed since the page was
	 * loaded
	 * @throws AccountChangeRefused for a platform admin or a user who is no member
	 */
	@Transactional
	public UserAccount changeDpo(Tenant tenant, long userId, boolean dpo, Integer version) {
		UserAccount before = memberOf(tenant, userId)
			.orElseThrow(() -> new AccountChangeRefused("account.refused.notMember"));
		refuseForPlatformAdmin(before);
		boolean was = dpo(tenant, userId);
		int updated = jdbc.sql("update identity.user_account set version = version + 1 where id = ? and version = ?")
			.params(userId, version == null ? -1 : version)
			.update();
		if (updated == 0) {
			throw new ConcurrentChangeException(Reason.of("account.refused.changedMeanwhile"));
		}
		jdbc.sql("update identity.membership set dpo = ? where user_id = ? and tenant_id = ?")
			.params(dpo, userId, tenant.id())
			.update();
		FieldChange change = FieldChange.between("DPO in " + tenant.slug(), was, dpo);
		if (change != null) {
			accounts.recordForAccount(userId, before.displayName(), AuditEvent.Action.UPDATE, List.of(change),
					List.of());
		}
		return memberOf(tenant, userId).orElseThrow();
	}

	/** The member's functions in the tenant. */
	@Transactional(readOnly = true)
	public Set<TenantFunction> functions(Tenant tenant, long userId) {
		Set<TenantFunction> functions = EnumSet.noneOf(TenantFunction.class);
		jdbc.sql("select function from identity.membership_function where user_id = ? and tenant_id = ?")
			.params(userId, tenant.id())
			.query(String.class)
			.list()
			.forEach(name -> functions.add(TenantFunction.valueOf(name)));
		return functions;
	}

	/**
	 * Grants the member exactly these functions in the tenant (the others are withdrawn);
	 * nothing else of the account. The database moves the account's security stamp, so an
	 * open session has the new rights on its next request.
	 * @throws ConcurrentChangeException when the account changed since the page was
	 * loaded
	 * @throws AccountChangeRefused for a platform admin or a user who is no member
	 */
	@Transactional
	public UserAccount changeFunctions(Tenant tenant, long userId, Set<TenantFunction> functions, Integer version,
			String actor) {
		UserAccount before = memberOf(tenant, userId)
			.orElseThrow(() -> new AccountChangeRefused("account.refused.notMember"));
		refuseForPlatformAdmin(before);
		Set<TenantFunction> was = functions(tenant, userId);
		int updated = jdbc.sql("update identity.user_account set version = version + 1 where id = ? and version = ?")
			.params(userId, version == null ? -1 : version)
			.update();
		if (updated == 0) {
			throw new ConcurrentChangeException(Reason.of("account.refused.changedMeanwhile"));
		}
		for (TenantFunction function : TenantFunction.values()) {
			if (functions.contains(function) && !was.contains(function)) {
				jdbc.sql("""
						insert into identity.membership_function (user_id, tenant_id, function, granted_by)
						values (?, ?, ?, ?)""").params(userId, tenant.id(), function.name(), actor).update();
			}
			else if (!functions.contains(function) && was.contains(function)) {
				jdbc.sql(
						"delete from identity.membership_function where user_id = ? and tenant_id = ? and function = ?")
					.params(userId, tenant.id(), function.name())
					.update();
			}
		}
		FieldChange change = FieldChange.between("functies in " + tenant.slug(), names(was), names(functions));
		if (change != null) {
			accounts.recordForAccount(userId, before.displayName(), AuditEvent.Action.UPDATE, List.of(change),
					List.of());
		}
		return memberOf(tenant, userId).orElseThrow();
	}

	private static String names(Set<TenantFunction> functions) {
		return functions.stream().sorted().map(TenantFunction::name).collect(Collectors.joining(", "));
	}

	/**
	 * Lifts a lockout before it expires. A tenant admin may do so only for an account
	 * that has a role in no other tenant (a lockout protects the account everywhere);
	 * otherwise the platform admin does.
	 */
	@Transactional
	public void unlock(Tenant tenant, long userId) {
		UserAccount account = memberOf(tenant, userId)
			.orElseThrow(() -> new AccountChangeRefused("account.refused.notMember"));
		refuseForPlatformAdmin(account);
		if (account.otherTenants()) {
			throw new AccountChangeRefused("account.refused.otherTenants");
		}
		accounts.unlockAccount(userId, account.displayName(), account.lockedUntil());
	}

	/**
	 * Takes the user's role in this tenant away; the account itself stays for its other
	 * tenants.
	 */
	@Transactional
	public void removeMember(Tenant tenant, long userId) {
		UserAccount account = memberOf(tenant, userId)
			.orElseThrow(() -> new AccountChangeRefused("account.refused.notMember"));
		refuseForPlatformAdmin(account);
		jdbc.sql("delete from identity.membership where user_id = ? and tenant_id = ?")
			.params(userId, tenant.id())
			.update();
		accounts.recordForAccount(userId, account.displayName(), AuditEvent.Action.UPDATE,
				List.of(FieldChange.removed("rol in " + tenant.slug(), account.role())), List.of(tenant.id()));
	}

	private static void refuseForPlatformAdmin(UserAccount account) {
		if (account.platformAdmin()) {
			throw new AccountChangeRefused("account.refused.platformAdmin");
		}
	}

}
