package be.obmi.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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
import be.obmi.shared.Reason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The accounts: loading for login, a platform admin's management of accounts, and the
 * holder's own profile. Failed logins are counted by {@link LoginFailures}; a tenant
 * admin manages the roles in their tenant through {@link TenantMembers}. Who may change
 * what is in docs/security.md ("Accounts"). Every change of an account is in the history
 * of every tenant it belongs to and of the platform.
 * <p>
 * Over 300 lines because loading for login, the platform admin's account management and
 * the holder's profile share the account's history rule (every tenant of the account);
 * login failures and tenant membership are split off.
 */
@Service
public class UserAccounts implements UserDetailsService {

	static final int MIN_PASSWORD_LENGTH = 10;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final Tenants tenants;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditTrail audit, Tenants tenants) {
		this.tenants = tenants;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
	}

	@Override
	@Transactional(readOnly = true)
	public ObmiUser loadUserByUsername(String username) {
		return findPrincipal(username).orElseThrow(() -> new UsernameNotFoundException("Onbekende gebruiker"));
	}

	Optional<ObmiUser> findPrincipal(String username) {
		return jdbc.sql("""
				select id, username, display_name, password_hash, platform_admin, enabled, locked_until,
				       security_stamp, credential_stamp, kenniscentrum
				from identity.user_account where lower(username) = lower(?)""").param(username).query((rs, n) -> {
			long id = rs.getLong("id");
			Timestamp locked = rs.getTimestamp("locked_until");
			return new ObmiUser(id, rs.getString("username"), rs.getString("display_name"),
					rs.getString("password_hash"), rs.getBoolean("platform_admin"), rs.getBoolean("enabled"),
					locked == null ? null : locked.toInstant(), rolesOf(id), dpoTenantsOf(id),
					rs.getBoolean("kenniscentrum"), functionsOf(id), rs.getLong("security_stamp"),
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

	private Map<String, Set<TenantFunction>> functionsOf(long userId) {
		Map<Long, Set<TenantFunction>> byTenant = new HashMap<>();
		jdbc.sql("select tenant_id, function from identity.membership_function where user_id = ?")
			.param(userId)
			.query(rs -> {
				byTenant.computeIfAbsent(rs.getLong("tenant_id"), k -> EnumSet.noneOf(TenantFunction.class))
					.add(TenantFunction.valueOf(rs.getString("function")));
			});
		if (byTenant.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> slugs = tenants.slugsById(byTenant.keySet());
		Map<String, Set<TenantFunction>> functions = new HashMap<>();
		byTenant.forEach((tenant, set) -> functions.put(slugs.get(tenant), Set.copyOf(set)));
		return functions;
	}

	private Set<String> dpoTenantsOf(long userId) {
		List<Long> ids = jdbc.sql("select tenant_id from identity.membership where user_id = ? and dpo")
			.param(userId)
			.query(Long.class)
			.list();
		return ids.isEmpty() ? Set.of() : Set.copyOf(tenants.slugsById(ids).values());
	}

	void unlockAccount(long userId, String label, Instant lockedUntil) {
		jdbc.sql("update identity.user_account set failed_logins = 0, locked_until = null where id = ?")
			.param(userId)
			.update();
		recordForAccount(userId, label, AuditEvent.Action.UPDATE,
				List.of(FieldChange.between("vergrendeld tot", lockedUntil, null)), List.of());
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
			throw new ConcurrentChangeException(Reason.of("account.refused.changedMeanwhile"));
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
	void recordForAccount(long userId, String label, AuditEvent.Action action, List<FieldChange> changes,
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

	Optional<Long> accountId(String username) {
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

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
