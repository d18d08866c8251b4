package be.obmi.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.tenancy.Tenants;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.tenancy.Tenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The accounts: loading for login, counting failed logins (and locking an account after
 * too many), a tenant admin's management of the roles in their tenant, a platform admin's
 * management of accounts, and the holder's own profile. Who may change what is in
 * docs/security.md ("Accounts"). Every change of an account is in the history of every
 * tenant it belongs to and of the platform.
 */
@Service
public class UserAccounts implements UserDetailsService {

	static final int MIN_PASSWORD_LENGTH = 10;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final int maxFailedLogins;

	private final Duration lockoutDuration;

	private final int maxFailedLoginsPerAccount;

	private final Tenants tenants;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditTrail audit, Tenants tenants,
			@Value("${obmi.security.max-failed-logins:5}") int maxFailedLogins,
			@Value("${obmi.security.lockout-duration:15m}") Duration lockoutDuration,
			@Value("${obmi.security.max-failed-logins-per-account:50}") int maxFailedLoginsPerAccount) {
		this.maxFailedLoginsPerAccount = maxFailedLoginsPerAccount;
		this.tenants = tenants;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.maxFailedLogins = maxFailedLogins;
		this.lockoutDuration = lockoutDuration;
	}

	@Override
	@Transactional(readOnly = true)
	public ObmiUser loadUserByUsername(String username) {
		return findPrincipal(username).orElseThrow(() -> new UsernameNotFoundException("Onbekende gebruiker"));
	}

	Optional<ObmiUser> findPrincipal(String username) {
		return jdbc.sql("""
				select id, username, display_name, password_hash, platform_admin, enabled, locked_until,
				       security_stamp, credential_stamp
				from identity.user_account where lower(username) = lower(?)""").param(username).query((rs, n) -> {
			long id = rs.getLong("id");
			Timestamp locked = rs.getTimestamp("locked_until");
			return new ObmiUser(id, rs.getString("username"), rs.getString("display_name"),
					rs.getString("password_hash"), rs.getBoolean("platform_admin"), rs.getBoolean("enabled"),
					locked == null ? null : locked.toInstant(), rolesOf(id), rs.getLong("security_stamp"),
					rs.getLong("credential_stamp"));
		}).optional();
	}

	Optional<ObmiUser> findPrincipal(long userId) {
		return jdbc.sql("select username from identity.user_account where id = ?")
			.param(userId)
			.query(String.class)
			.optional()
			.flatMap(this::findPrincipal);
	}

	/**
	 * The current principal of the account with that id, with its current roles and
	 * stamps.
	 */
	Optional<ObmiUser> reloadPrincipal(long userId) {
		return findPrincipal(userId);
	}

	private Map<String, Role> rolesOf(long userId) {
		Map<Long, Role> byTenant = new HashMap<>();
		jdbc.sql("select tenant_id, role from identity.membership where user_id = ?").param(userId).query(rs -> {
			byTenant.put(rs.getLong("tenant_id"), Role.valueOf(rs.getString("role")));
		});
		Map<Long, String> slugs = tenants.slugsById(byTenant.keySet());
		Map<String, Role> roles = new HashMap<>();
		byTenant.forEach((tenant, role) -> roles.put(slugs.get(tenant), role));
		return roles;
	}

	/**
	 * Counts a failed login of an account name from a client address. After
	 * {@code max-failed-logins} failures that address is locked out of that account for
	 * {@code lockout-duration}; the account's holder can still log in from elsewhere, so
	 * a stranger cannot lock a victim out. Only when failures from all addresses together
	 * reach {@code max-failed-logins-per-account} within the lockout duration is the
	 * whole account locked for that long. Unknown account names are counted the same way
	 * (the per-address login limit applies to them too).
	 */
	@Transactional
	public void loginFailed(String username, String address) {
		String name = normalisedName(username);
		jdbc.sql(
				"""
						insert into identity.login_failure as f (username, address, failures, last_failure_at, locked_until)
						values (?, ?, 1, now(), case when 1 >= ? then now() + make_interval(secs => ?) end)
						on conflict (username, address) do update set
						    failures = case when f.last_failure_at < now() - make_interval(secs => ?) then 1 else f.failures + 1 end,
						    last_failure_at = now(),
						    locked_until = case
						        when (case when f.last_failure_at < now() - make_interval(secs => ?) then 1 else f.failures + 1 end) >= ?
						        then now() + make_interval(secs => ?) else f.locked_until end""")
			.params(name, address, maxFailedLogins, lockoutDuration.toSeconds(), lockoutDuration.toSeconds(),
					lockoutDuration.toSeconds(), maxFailedLogins, lockoutDuration.toSeconds())
			.update();
		jdbc.sql(
				"""
						update identity.user_account set failed_logins = failed_logins + 1,
						    locked_until = case when (select coalesce(sum(failures), 0) from identity.login_failure
						                              where username = ? and last_failure_at > now() - make_interval(secs => ?)) >= ?
						                        then now() + make_interval(secs => ?) else locked_until end
						where lower(username) = ?""")
			.params(name, lockoutDuration.toSeconds(), maxFailedLoginsPerAccount, lockoutDuration.toSeconds(), name)
			.update();
	}

	/**
	 * A successful login from an address clears that address's failures; the account's
	 * count starts again.
	 */
	@Transactional
	public void loginSucceeded(String username, String address) {
		String name = normalisedName(username);
		jdbc.sql("delete from identity.login_failure where username = ? and address = ?")
			.params(name, address)
			.update();
		jdbc.sql("""
				update identity.user_account set failed_logins = 0, last_login_at = now()
				where lower(username) = ?""").param(name).update();
	}

	/**
	 * Whether this address is locked out of this account name after too many wrong
	 * passwords from it.
	 */
	@Transactional(readOnly = true)
	public boolean lockedFor(String username, String address) {
		return jdbc.sql("""
				select exists (select 1 from identity.login_failure
				               where username = ? and address = ? and locked_until > now())""")
			.params(normalisedName(username), address)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Forgets failures older than the lockout duration (their count would start again
	 * anyway).
	 */
	@Transactional
	public int forgetOldLoginFailures() {
		return jdbc.sql("""
				delete from identity.login_failure where last_failure_at < now() - make_interval(secs => ?)
				  and (locked_until is null or locked_until < now())""").param(lockoutDuration.toSeconds()).update();
	}

	private static String normalisedName(String username) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return name.length() > 100 ? name.substring(0, 100) : name;
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
		if (accountId(form.username()).isPresent()) {
			throw new AccountChangeRefused("account.refused.usernameTaken", form.username());
		}
		checkPassword(form.password());
		long userId = jdbc.sql("""
				insert into identity.user_account (username, display_name, email, password_hash, enabled)
				values (?, ?, ?, ?, true) returning id""")
			.params(form.username().strip(), form.displayName().strip(), blankToNull(form.email()),
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
		recordForAccount(userId, created.displayName(), AuditEvent.Action.CREATE, fields, List.of());
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
		AccountDetails account = details(userId).orElseThrow();
		if (account.platformAdmin()) {
			throw new AccountChangeRefused("account.refused.platformAdmin");
		}
		if (account.roles().containsKey(tenant.slug())) {
			throw new AccountChangeRefused("account.refused.alreadyMember", account.username(), tenant.name());
		}
		jdbc.sql("insert into identity.membership (user_id, tenant_id, role) values (?, ?, ?)")
			.params(userId, tenant.id(), form.role().name())
			.update();
		recordForAccount(userId, account.displayName(), AuditEvent.Action.UPDATE,
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
			throw new ConcurrentChangeException(
					"Iemand anders heeft deze gebruiker intussen gewijzigd. Herlaad de pagina en probeer opnieuw.");
		}
		jdbc.sql("update identity.membership set role = ? where user_id = ? and tenant_id = ?")
			.params(form.role().name(), userId, tenant.id())
			.update();
		FieldChange change = FieldChange.between("rol in " + tenant.slug(), before.role(), form.role());
		if (change != null) {
			recordForAccount(userId, before.displayName(), AuditEvent.Action.UPDATE, List.of(change), List.of());
		}
		return memberOf(tenant, userId).orElseThrow();
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
		unlockAccount(userId, account.displayName(), account.lockedUntil());
	}

	private void unlockAccount(long userId, String label, Instant lockedUntil) {
		jdbc.sql("update identity.user_account set failed_logins = 0, locked_until = null where id = ?")
			.param(userId)
			.update();
		recordForAccount(userId, label, AuditEvent.Action.UPDATE,
				List.of(FieldChange.between("vergrendeld tot", lockedUntil, null)), List.of());
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
		recordForAccount(userId, account.displayName(), AuditEvent.Action.UPDATE,
				List.of(FieldChange.removed("rol in " + tenant.slug(), account.role())), List.of(tenant.id()));
	}

	private static void refuseForPlatformAdmin(UserAccount account) {
		if (account.platformAdmin()) {
			throw new AccountChangeRefused("account.refused.platformAdmin");
		}
	}

	private record Membership(long user, long tenant, Role role) {
	}

	/** Every account with its roles, by name: the platform admin's list. */
	@Transactional(readOnly = true)
	public List<AccountDetails> allAccounts() {
		Map<Long, Map<String, Role>> roles = new HashMap<>();
		List<Membership> memberships = jdbc.sql("select user_id, tenant_id, role from identity.membership")
			.query((rs, n) -> new Membership(rs.getLong("user_id"), rs.getLong("tenant_id"),
					Role.valueOf(rs.getString("role"))))
			.list();
		Map<Long, String> slugs = tenants.slugsById(memberships.stream().map(Membership::tenant).toList());
		memberships
			.forEach(m -> roles.computeIfAbsent(m.user(), id -> new HashMap<>()).put(slugs.get(m.tenant()), m.role()));
		return jdbc.sql(ACCOUNT + " order by lower(display_name), id")
			.query((rs, n) -> account(rs, roles.getOrDefault(rs.getLong("id"), Map.of())))
			.list();
	}

	/** One account with its roles per tenant. */
	@Transactional(readOnly = true)
	public Optional<AccountDetails> details(long userId) {
		return jdbc.sql(ACCOUNT + " where id = ?")
			.param(userId)
			.query((rs, n) -> account(rs, rolesOf(userId)))
			.optional();
	}

	private static final String ACCOUNT = """
			select id, username, display_name, email, enabled, platform_admin, demo, locked_until, last_login_at, version
			from identity.user_account""";

	private static AccountDetails account(ResultSet rs, Map<String, Role> roles) throws SQLException {
		return new AccountDetails(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), rs.getBoolean("enabled"), rs.getBoolean("platform_admin"), rs.getBoolean("demo"),
				instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("last_login_at")),
				rs.getInt("version"), Map.copyOf(roles));
	}

	/**
	 * A platform admin's edit of the account itself (name, e-mail, enabled, password). A
	 * platform admin cannot disable their own account.
	 * @throws ConcurrentChangeException when the account changed since the form was
	 * loaded
	 */
	@Transactional
	public AccountDetails updateAccount(long userId, AccountForm form, long actingUserId) {
		AccountDetails before = details(userId)
			.orElseThrow(() -> new AccountChangeRefused("account.refused.notFound", userId));
		if (userId == actingUserId && !form.enabled()) {
			throw new AccountChangeRefused("account.refused.disableSelf");
		}
		boolean newPassword = form.password() != null && !form.password().isBlank();
		if (newPassword) {
			checkPassword(form.password());
		}
		int updated = jdbc.sql("""
				update identity.user_account set display_name = ?, email = ?, enabled = ?, version = version + 1
				where id = ? and version = ?""")
			.params(form.displayName().strip(), blankToNull(form.email()), form.enabled(), userId,
					form.version() == null ? -1 : form.version())
			.update();
		if (updated == 0) {
			throw new ConcurrentChangeException(
					"Iemand anders heeft deze gebruiker intussen gewijzigd. Herlaad de pagina en probeer opnieuw.");
		}
		List<FieldChange> changes = new ArrayList<>();
		add(changes, FieldChange.between("naam", before.displayName(), form.displayName().strip()));
		add(changes, FieldChange.between("e-mail", before.email(), blankToNull(form.email())));
		add(changes, FieldChange.between("actief", before.enabled(), form.enabled()));
		if (newPassword) {
			setPassword(userId, form.password());
			changes.add(new FieldChange("wachtwoord", "••••", "(gewijzigd)"));
		}
		if (!changes.isEmpty()) {
			recordForAccount(userId, form.displayName().strip(), AuditEvent.Action.UPDATE, changes, List.of());
		}
		return details(userId).orElseThrow();
	}

	/** A platform admin lifts a lockout of any account. */
	@Transactional
	public void unlockAsPlatformAdmin(long userId) {
		AccountDetails account = details(userId)
			.orElseThrow(() -> new AccountChangeRefused("account.refused.notFound", userId));
		unlockAccount(userId, account.displayName(), account.lockedUntil());
	}

	/**
	 * The holder's own edit of name, e-mail and (optionally) password; needs the current
	 * password.
	 * @return whether the password changed (the caller then renews the holder's own
	 * session)
	 * @throws AccountChangeRefused for a wrong current password, a weak or unrepeated new
	 * password
	 */
	@Transactional
	public boolean updateOwnProfile(long userId, ProfileForm form) {
		String hash = jdbc.sql("select password_hash from identity.user_account where id = ? for update")
			.param(userId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new AccountChangeRefused("account.refused.notFound", userId));
		if (!passwordEncoder.matches(form.currentPassword(), hash)) {
			throw new AccountChangeRefused("profile.refused.currentPassword");
		}
		boolean newPassword = form.newPassword() != null && !form.newPassword().isBlank();
		if (newPassword) {
			checkPassword(form.newPassword());
			if (!form.newPassword().equals(form.repeatPassword())) {
				throw new AccountChangeRefused("profile.refused.repeat");
			}
		}
		AccountDetails before = details(userId).orElseThrow();
		jdbc.sql("update identity.user_account set display_name = ?, email = ?, version = version + 1 where id = ?")
			.params(form.displayName().strip(), blankToNull(form.email()), userId)
			.update();
		List<FieldChange> changes = new ArrayList<>();
		add(changes, FieldChange.between("naam", before.displayName(), form.displayName().strip()));
		add(changes, FieldChange.between("e-mail", before.email(), blankToNull(form.email())));
		if (newPassword) {
			setPassword(userId, form.newPassword());
			changes.add(new FieldChange("wachtwoord", "••••", "(gewijzigd door de houder)"));
		}
		if (!changes.isEmpty()) {
			recordForAccount(userId, form.displayName().strip(), AuditEvent.Action.UPDATE, changes, List.of());
		}
		return newPassword;
	}

	private void setPassword(long userId, String password) {
		jdbc.sql(
				"update identity.user_account set password_hash = ?, failed_logins = 0, locked_until = null where id = ?")
			.params(passwordEncoder.encode(password), userId)
			.update();
	}

	/**
	 * The account's current stamps: whether it is enabled, its rights stamp and its
	 * credential stamp (moved on by the database on every change, V2_2). Empty when the
	 * account no longer exists.
	 */
	Optional<AccountStamps> stamps(long userId) {
		return jdbc.sql("select enabled, security_stamp, credential_stamp from identity.user_account where id = ?")
			.param(userId)
			.query((rs, n) -> new AccountStamps(rs.getBoolean("enabled"), rs.getLong("security_stamp"),
					rs.getLong("credential_stamp")))
			.optional();
	}

	record AccountStamps(boolean enabled, long security, long credential) {
	}

	/**
	 * Records a change of an account in the history of every tenant it belongs to (plus
	 * {@code formerTenants}, e.g. the tenant it was just removed from) and in the
	 * platform's history (tenant null), so no tenant admin can change an account behind
	 * the back of the others.
	 */
	private void recordForAccount(long userId, String label, AuditEvent.Action action, List<FieldChange> changes,
			List<Long> formerTenants) {
		Set<Long> tenantIds = new LinkedHashSet<>(
				jdbc.sql("select tenant_id from identity.membership where user_id = ?")
					.param(userId)
					.query(Long.class)
					.list());
		tenantIds.addAll(formerTenants);
		List<Long> targets = new ArrayList<>(tenantIds);
		targets.add(null);
		for (Long tenantId : targets) {
			switch (action) {
				case CREATE -> audit.created(tenantId, "gebruiker", String.valueOf(userId), label, changes);
				case UPDATE -> audit.updated(tenantId, "gebruiker", String.valueOf(userId), label, changes);
				case DELETE -> audit.deleted(tenantId, "gebruiker", String.valueOf(userId), label, changes);
			}
		}
	}

	private Optional<Long> accountId(String username) {
		return jdbc.sql("select id from identity.user_account where lower(username) = lower(?)")
			.param(username.strip())
			.query(Long.class)
			.optional();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new AccountChangeRefused("account.refused.weakPassword", MIN_PASSWORD_LENGTH);
		}
	}

	private static void add(List<FieldChange> changes, FieldChange change) {
		if (change != null) {
			changes.add(change);
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
