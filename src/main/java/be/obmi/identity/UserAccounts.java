package be.obmi.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
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

/**
 * The accounts: loading for login, counting failed logins (and locking an account after too many), and a tenant
 * admin's management of the users of their tenant. Every change is in the audit history.
 */
@Service
public class UserAccounts implements UserDetailsService {

	static final int MIN_PASSWORD_LENGTH = 10;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final int maxFailedLogins;

	private final Duration lockoutDuration;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditTrail audit,
			@Value("${obmi.security.max-failed-logins:5}") int maxFailedLogins,
			@Value("${obmi.security.lockout-duration:15m}") Duration lockoutDuration) {
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
				select id, username, display_name, password_hash, platform_admin, enabled, locked_until
				from identity.user_account where lower(username) = lower(?)""")
			.param(username)
			.query((rs, n) -> {
				long id = rs.getLong("id");
				Timestamp locked = rs.getTimestamp("locked_until");
				return new ObmiUser(id, rs.getString("username"), rs.getString("display_name"),
						rs.getString("password_hash"), rs.getBoolean("platform_admin"), rs.getBoolean("enabled"),
						locked == null ? null : locked.toInstant(), rolesOf(id));
			})
			.optional();
	}

	Optional<ObmiUser> findPrincipal(long userId) {
		return jdbc.sql("select username from identity.user_account where id = ?").param(userId)
			.query(String.class).optional().flatMap(this::findPrincipal);
	}

	private Map<String, Role> rolesOf(long userId) {
		Map<String, Role> roles = new HashMap<>();
		jdbc.sql("select t.slug, m.role from identity.membership m join tenancy.tenant t on t.id = m.tenant_id where m.user_id = ?")
			.param(userId)
			.query(rs -> {
				roles.put(rs.getString("slug"), Role.valueOf(rs.getString("role")));
			});
		return roles;
	}

	/** Counts a failed login; the account is locked for a while once the count reaches the maximum. */
	@Transactional
	public void loginFailed(String username) {
		jdbc.sql("""
				update identity.user_account
				set failed_logins = failed_logins + 1,
				    locked_until = case when failed_logins + 1 >= ? then now() + make_interval(secs => ?) else locked_until end
				where lower(username) = lower(?)""")
			.params(maxFailedLogins, lockoutDuration.toSeconds(), username)
			.update();
	}

	@Transactional
	public void loginSucceeded(String username) {
		jdbc.sql("""
				update identity.user_account set failed_logins = 0, locked_until = null, last_login_at = now()
				where lower(username) = lower(?)""").param(username).update();
	}

	/** The users with a role in the tenant, by name. */
	@Transactional(readOnly = true)
	public List<UserAccount> membersOf(Tenant tenant) {
		return jdbc.sql(selectMember() + " where m.tenant_id = ? order by lower(u.display_name)")
			.param(tenant.id())
			.query(UserAccount.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> memberOf(Tenant tenant, long userId) {
		return jdbc.sql(selectMember() + " where m.tenant_id = ? and u.id = ?")
			.params(tenant.id(), userId)
			.query(UserAccount.class)
			.optional();
	}

	private static String selectMember() {
		return """
				select u.id, u.username, u.display_name, u.email, u.enabled, u.demo, u.locked_until, u.last_login_at,
				       m.role, u.version
				from identity.user_account u join identity.membership m on m.user_id = u.id""";
	}

	/**
	 * Creates an account with a role in the tenant, or gives an existing account (same username) a role there.
	 * @throws IllegalArgumentException with a Dutch message for a weak password or an account already in the tenant
	 */
	@Transactional
	public UserAccount addMember(Tenant tenant, UserForm form) {
		Optional<Long> existing = jdbc.sql("select id from identity.user_account where lower(username) = lower(?)")
			.param(form.username()).query(Long.class).optional();
		long userId;
		if (existing.isPresent()) {
			userId = existing.get();
			if (memberOf(tenant, userId).isPresent()) {
				throw new IllegalArgumentException("Gebruiker " + form.username() + " heeft al een rol in " + tenant.name() + ".");
			}
		}
		else {
			checkPassword(form.password());
			userId = jdbc.sql("""
					insert into identity.user_account (username, display_name, email, password_hash, enabled)
					values (?, ?, ?, ?, ?) returning id""")
				.params(form.username(), form.displayName(), blankToNull(form.email()),
						passwordEncoder.encode(form.password()), form.enabled())
				.query(Long.class).single();
		}
		jdbc.sql("insert into identity.membership (user_id, tenant_id, role) values (?, ?, ?)")
			.params(userId, tenant.id(), form.role().name()).update();
		UserAccount created = memberOf(tenant, userId).orElseThrow();
		List<FieldChange> fields = new ArrayList<>();
		fields.add(FieldChange.added("gebruikersnaam", created.username()));
		fields.add(FieldChange.added("naam", created.displayName()));
		fields.add(FieldChange.added("e-mail", created.email()));
		fields.add(FieldChange.added("rol", created.role()));
		fields.add(FieldChange.added("actief", created.enabled()));
		audit.created(tenant.id(), "gebruiker", String.valueOf(userId), created.displayName(), fields);
		return created;
	}

	/**
	 * Saves a tenant admin's edit of a user.
	 * @throws ConcurrentChangeException when the account changed since the form was loaded
	 */
	@Transactional
	public UserAccount update(Tenant tenant, long userId, UserForm form) {
		UserAccount before = memberOf(tenant, userId).orElseThrow(() -> new IllegalArgumentException("Onbekende gebruiker"));
		if (form.version() == null || form.version() != before.version()) {
			throw new ConcurrentChangeException("Iemand anders heeft deze gebruiker intussen gewijzigd. Herlaad de pagina en probeer opnieuw.");
		}
		int updated = jdbc.sql("""
				update identity.user_account set display_name = ?, email = ?, enabled = ?, version = version + 1
				where id = ? and version = ?""")
			.params(form.displayName(), blankToNull(form.email()), form.enabled(), userId, form.version())
			.update();
		if (updated == 0) {
			throw new ConcurrentChangeException("Iemand anders heeft deze gebruiker intussen gewijzigd. Herlaad de pagina en probeer opnieuw.");
		}
		jdbc.sql("update identity.membership set role = ? where user_id = ? and tenant_id = ?")
			.params(form.role().name(), userId, tenant.id()).update();
		List<FieldChange> changes = new ArrayList<>();
		add(changes, FieldChange.between("naam", before.displayName(), form.displayName()));
		add(changes, FieldChange.between("e-mail", before.email(), blankToNull(form.email())));
		add(changes, FieldChange.between("rol", before.role(), form.role()));
		add(changes, FieldChange.between("actief", before.enabled(), form.enabled()));
		if (form.password() != null && !form.password().isBlank()) {
			checkPassword(form.password());
			jdbc.sql("update identity.user_account set password_hash = ? where id = ?")
				.params(passwordEncoder.encode(form.password()), userId).update();
			changes.add(new FieldChange("wachtwoord", "••••", "(gewijzigd)"));
		}
		audit.updated(tenant.id(), "gebruiker", String.valueOf(userId), form.displayName(), changes);
		return memberOf(tenant, userId).orElseThrow();
	}

	/** Lifts a lockout before it expires. */
	@Transactional
	public void unlock(Tenant tenant, long userId) {
		UserAccount account = memberOf(tenant, userId).orElseThrow(() -> new IllegalArgumentException("Onbekende gebruiker"));
		jdbc.sql("update identity.user_account set failed_logins = 0, locked_until = null where id = ?").param(userId).update();
		audit.updated(tenant.id(), "gebruiker", String.valueOf(userId), account.displayName(),
				List.of(FieldChange.between("vergrendeld tot", account.lockedUntil(), null)));
	}

	/** Takes the user's role in this tenant away; the account itself stays for its other tenants. */
	@Transactional
	public void removeMember(Tenant tenant, long userId) {
		UserAccount account = memberOf(tenant, userId).orElseThrow(() -> new IllegalArgumentException("Onbekende gebruiker"));
		jdbc.sql("delete from identity.membership where user_id = ? and tenant_id = ?").params(userId, tenant.id()).update();
		audit.deleted(tenant.id(), "gebruiker", String.valueOf(userId), account.displayName(),
				List.of(FieldChange.removed("rol", account.role())));
	}

	static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException("Het wachtwoord moet minstens " + MIN_PASSWORD_LENGTH + " tekens lang zijn.");
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
