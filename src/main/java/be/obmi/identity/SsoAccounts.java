package be.obmi.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.FieldChange;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which account a person of a tenant's identity provider is (docs/security.md, "Single
 * sign-on"). In order: the stored link (tenant, issuer, subject); else an account with
 * the same e-mail address, when the provider says that address is verified, that is a
 * member of that very tenant and no platform admin; else a new account made just in time,
 * without a role until a beheerder grants one or the group mapping gives one. A platform
 * admin never logs in through a tenant's provider. When the provider has a group claim
 * and the person's groups map to a role, their membership of the tenant gets that role at
 * every login.
 */
@Service
class SsoAccounts {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final Tenants tenants;

	private final PasswordEncoder passwordEncoder;

	SsoAccounts(JdbcClient jdbc, UserAccounts accounts, Tenants tenants, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.tenants = tenants;
		this.passwordEncoder = passwordEncoder;
	}

	/** Why a person of a provider is not let in; the code names the login page's text. */
	static final class Refused extends RuntimeException {

		private final String code;

		Refused(String code) {
			super(code);
			this.code = code;
		}

		String code() {
			return code;
		}

	}

	/**
	 * The account of the person the provider of the tenant vouched for, linked or made
	 * now.
	 * @throws Refused when the identifying claim is missing, the account is a platform
	 * admin or disabled
	 */
	@Transactional
	long accountFor(SsoProvider provider, OidcUser person) {
		Tenant tenant = tenants.bySlug(provider.slug()).orElseThrow(() -> new Refused("unknownTenant"));
		String issuer = person.getIdToken().getIssuer().toString();
		boolean verified = Boolean.TRUE.equals(person.getEmailVerified()) && person.getEmail() != null
				&& !person.getEmail().isBlank();
		String subject = "email".equals(provider.userClaim())
				? (verified ? person.getEmail().strip().toLowerCase() : null) : person.getSubject();
		if (subject == null || subject.isBlank() || subject.length() > 255) {
			throw new Refused("noSubject");
		}
		Optional<Long> linked = jdbc
			.sql("select user_id from identity.sso_link where tenant_id = ? and issuer = ? and subject = ?")
			.params(tenant.id(), issuer, subject)
			.query(Long.class)
			.optional();
		long userId;
		boolean linkedByEmail = false;
		if (linked.isPresent()) {
			userId = linked.get();
			jdbc.sql("""
					update identity.sso_link set last_login_at = now()
					where tenant_id = ? and issuer = ? and subject = ?""")
				.params(tenant.id(), issuer, subject)
				.update();
		}
		else {
			Optional<Long> byEmail = verified ? memberByEmail(tenant, person.getEmail().strip()) : Optional.empty();
			userId = byEmail.orElseGet(() -> createAccount(tenant, subject, person, verified));
			jdbc.sql(
					"insert into identity.sso_link (tenant_id, issuer, subject, user_id, last_login_at) values (?, ?, ?, ?, now())")
				.params(tenant.id(), issuer, subject, userId)
				.update();
			linkedByEmail = byEmail.isPresent();
		}
		AccountDetails account = accounts.details(userId).orElseThrow(() -> new Refused("unknownAccount"));
		if (linkedByEmail) {
			accounts.recordForAccount(userId, account.displayName(), AuditEvent.Action.UPDATE,
					List.of(FieldChange.added("aanmelden met " + tenant.slug(), issuer + " " + subject)), List.of());
		}
		if (account.platformAdmin()) {
			throw new Refused("platformAdmin");
		}
		if (!account.enabled()) {
			throw new Refused("disabled");
		}
		if (provider.groupClaim() != null) {
			provider.roleFor(groups(person.getClaims().get(provider.groupClaim())))
				.ifPresent(role -> grant(tenant, account, role));
		}
		jdbc.sql("update identity.user_account set last_login_at = now() where id = ?").param(userId).update();
		return userId;
	}

	/**
	 * The one non-platform-admin member of the tenant with that e-mail address; none when
	 * there is none or more than one.
	 */
	private Optional<Long> memberByEmail(Tenant tenant, String email) {
		List<Long> ids = jdbc.sql("""
				select u.id from identity.user_account u join identity.membership m on m.user_id = u.id
				where m.tenant_id = ? and lower(u.email) = lower(?) and not u.platform_admin""")
			.params(tenant.id(), email)
			.query(Long.class)
			.list();
		return ids.size() == 1 ? Optional.of(ids.getFirst()) : Optional.empty();
	}

	private long createAccount(Tenant tenant, String subject, OidcUser person, boolean verified) {
		String base = tenant.slug() + ":" + subject;
		String username = base.length() > 90 ? base.substring(0, 90) : base;
		int n = 1;
		while (accounts.accountId(username).isPresent()) {
			n++;
			username = (base.length() > 85 ? base.substring(0, 85) : base) + "~" + n;
		}
		String name = firstNonBlank(person.getFullName(), person.getPreferredUsername(), subject);
		name = name.length() > 200 ? name.substring(0, 200) : name;
		String email = verified && person.getEmail().length() <= 254 ? person.getEmail().strip() : null;
		byte[] unusable = new byte[32];
		RANDOM.nextBytes(unusable);
		long userId = jdbc.sql("""
				insert into identity.user_account (username, display_name, email, password_hash, enabled)
				values (?, ?, ?, ?, true) returning id""")
			.params(username, name, email, passwordEncoder.encode(Base64.getEncoder().encodeToString(unusable)))
			.query(Long.class)
			.single();
		accounts.recordForAccount(userId, name, AuditEvent.Action.CREATE,
				List.of(FieldChange.added("gebruikersnaam", username), FieldChange.added("naam", name),
						FieldChange.added("e-mail", email),
						FieldChange.added("aanmelden met " + tenant.slug(), subject)),
				List.of(tenant.id()));
		return userId;
	}

	private void grant(Tenant tenant, AccountDetails account, Role role) {
		Role current = account.roles().get(tenant.slug());
		if (role == current) {
			return;
		}
		jdbc.sql("""
				insert into identity.membership (user_id, tenant_id, role) values (?, ?, ?)
				on conflict (user_id, tenant_id) do update set role = excluded.role""")
			.params(account.id(), tenant.id(), role.name())
			.update();
		accounts.recordForAccount(account.id(), account.displayName(), AuditEvent.Action.UPDATE,
				List.of(FieldChange.between("rol in " + tenant.slug() + " (groep bij aanmelden)", current, role)),
				List.of());
	}

	/**
	 * The accounts that logged in through the tenant's provider and have no role there
	 * yet: for its beheerder, who grants one.
	 */
	@Transactional(readOnly = true)
	List<UserAccount> waitingForRole(Tenant tenant) {
		return jdbc.sql("""
				select distinct u.id, u.username, u.display_name, u.email, u.last_login_at
				from identity.sso_link l join identity.user_account u on u.id = l.user_id
				where l.tenant_id = ? and not exists
				      (select 1 from identity.membership m where m.user_id = u.id and m.tenant_id = l.tenant_id)
				order by u.display_name""")
			.param(tenant.id())
			.query((rs, n) -> new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getString("email"), true, false, null,
					rs.getTimestamp("last_login_at") == null ? null : rs.getTimestamp("last_login_at").toInstant(),
					null, 0, false, false))
			.list();
	}

	static List<String> groups(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String value && !value.isBlank()) {
			return List.of(value);
		}
		return List.of();
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return "?";
	}

}
