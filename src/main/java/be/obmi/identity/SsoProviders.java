package be.obmi.identity;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.DataGenerations;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenants' identity providers (docs/security.md, "Single sign-on"): one per tenant,
 * set by the tenant's beheerder or a platform admin. Saving reads the provider's
 * discovery document first, so a wrong issuer is refused at once; the client secret is
 * sealed ({@link SecretBox}) and an empty secret in the form keeps the stored one. Every
 * change is in the tenant's history and the platform's.
 */
@Service
public class SsoProviders {

	static final String ENTITY = "identiteitsprovider";

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	private final SsoDiscovery discovery;

	private final AuditTrail audit;

	private final Tenants tenants;

	private final DataGenerations generations;

	/** The login page's buttons as read at a platform data generation. */
	private volatile LoginButtons buttons;

	private record LoginButtons(long generation, List<LoginButton> list) {
	}

	SsoProviders(JdbcClient jdbc, SecretBox secrets, SsoDiscovery discovery, AuditTrail audit, Tenants tenants,
			DataGenerations generations) {
		this.tenants = tenants;
		this.generations = generations;
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.discovery = discovery;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Optional<SsoProvider> find(long tenantId) {
		return tenants.byId(tenantId).flatMap(this::of);
	}

	@Transactional(readOnly = true)
	public Optional<SsoProvider> bySlug(String slug) {
		return tenants.bySlug(slug).flatMap(this::of);
	}

	private Optional<SsoProvider> of(Tenant tenant) {
		return jdbc.sql("""
				select issuer, client_id, client_secret, user_claim, group_claim, enabled, version
				from identity.sso_provider where tenant_id = ?""")
			.param(tenant.id())
			.query((rs, n) -> new SsoProvider(tenant.id(), tenant.slug(), tenant.name(), rs.getString("issuer"),
					rs.getString("client_id"), rs.getString("client_secret"), rs.getString("user_claim"),
					rs.getString("group_claim"), rs.getBoolean("enabled"), rs.getInt("version"),
					groupRoles(tenant.id())))
			.optional();
	}

	/** Every configured provider, by tenant name: the platform admin's list. */
	@Transactional(readOnly = true)
	public List<SsoProvider> all() {
		return jdbc.sql("select tenant_id from identity.sso_provider")
			.query(Long.class)
			.list()
			.stream()
			.map(this::find)
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(SsoProvider::tenantName))
			.toList();
	}

	/** A login button: the tenant's slug (the registration id) and name. */
	public record LoginButton(String slug, String name) {
	}

	/**
	 * The tenants whose provider is switched on, by name: the login page's buttons. Read
	 * once per {@link DataGenerations#platform() platform data generation}: every change
	 * of a provider is in the platform's history and every change of a tenant is a
	 * {@code bestuur} change, so both move that generation on (on every instance).
	 */
	public List<LoginButton> loginButtons() {
		// the generation is read before the rows: rows read while a change commits are
		// kept as already old
		long generation = generations.platform();
		LoginButtons kept = buttons;
		if (kept != null && kept.generation() == generation) {
			return kept.list();
		}
		List<LoginButton> list = jdbc.sql("select tenant_id from identity.sso_provider where enabled")
			.query(Long.class)
			.list()
			.stream()
			.map(tenants::byId)
			.flatMap(Optional::stream)
			.map(tenant -> new LoginButton(tenant.slug(), tenant.name()))
			.sorted(Comparator.comparing(LoginButton::name))
			.toList();
		buttons = new LoginButtons(generation, list);
		return list;
	}

	private Map<String, Role> groupRoles(long tenantId) {
		Map<String, Role> roles = new HashMap<>();
		jdbc.sql("select group_name, role from identity.sso_group_role where tenant_id = ?")
			.param(tenantId)
			.query(rs -> {
				roles.put(rs.getString(1), Role.valueOf(rs.getString(2)));
			});
		return Map.copyOf(roles);
	}

	/** The client secret in plain text, for the token request only. */
	Optional<String> clientSecret(SsoProvider provider) {
		return secrets.decrypt(provider.sealedSecret());
	}

	/**
	 * Creates or changes the tenant's provider.
	 * @throws AccountChangeRefused for an issuer that is no https address (http only on
	 * this machine), whose discovery fails, a group mapping line that is not
	 * {@code group = role}, or a new provider without a client secret
	 * @throws ConcurrentChangeException when the provider changed since the form was
	 * loaded
	 */
	@Transactional
	public SsoProvider save(Tenant tenant, SsoProviderForm form) {
		String issuer = form.issuer().strip();
		checkIssuer(issuer);
		Map<String, Role> mapping = parseGroupRoles(form.groupRoles());
		String groupClaim = UserAccounts.blankToNull(form.groupClaim());
		boolean newSecret = form.clientSecret() != null && !form.clientSecret().isBlank();
		Optional<SsoProvider> before = find(tenant.id());
		if (before.isEmpty() && !newSecret) {
			throw new AccountChangeRefused("sso.refused.secretRequired");
		}
		try {
			discovery.fetch(issuer);
		}
		catch (IllegalArgumentException ex) {
			throw new AccountChangeRefused("sso.refused.discovery", issuer);
		}
		String sealed = newSecret ? secrets.encrypt(form.clientSecret().strip()) : before.get().sealedSecret();
		String claim = form.userClaim() == null || form.userClaim().isBlank() ? "sub" : form.userClaim();
		int written;
		if (before.isEmpty()) {
			// a provider made by someone else since the form was loaded is a change
			// meanwhile too
			written = jdbc
				.sql("""
						insert into identity.sso_provider (tenant_id, issuer, client_id, client_secret, user_claim, group_claim, enabled)
						values (?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id) do nothing""")
				.params(tenant.id(), issuer, form.clientId().strip(), sealed, claim, groupClaim, form.on())
				.update();
		}
		else {
			written = jdbc.sql("""
					update identity.sso_provider set issuer = ?, client_id = ?, client_secret = ?, user_claim = ?,
					       group_claim = ?, enabled = ?, version = version + 1, updated_at = now()
					where tenant_id = ? and version = ?""")
				.params(issuer, form.clientId().strip(), sealed, claim, groupClaim, form.on(), tenant.id(),
						form.version() == null ? -1 : form.version())
				.update();
		}
		if (written == 0) {
			throw new ConcurrentChangeException(Reason.of("sso.refused.changedMeanwhile"));
		}
		jdbc.sql("delete from identity.sso_group_role where tenant_id = ?").param(tenant.id()).update();
		mapping.forEach((group, role) -> jdbc
			.sql("insert into identity.sso_group_role (tenant_id, group_name, role) values (?, ?, ?)")
			.params(tenant.id(), group, role.name())
			.update());
		SsoProvider saved = find(tenant.id()).orElseThrow();
		record(tenant, before.orElse(null), saved, newSecret);
		return saved;
	}

	/** Removes the tenant's provider; its links stay unused until a provider returns. */
	@Transactional
	public void remove(Tenant tenant) {
		find(tenant.id()).ifPresent(before -> {
			jdbc.sql("delete from identity.sso_provider where tenant_id = ?").param(tenant.id()).update();
			List<FieldChange> fields = List.of(FieldChange.removed("issuer", before.issuer()),
					FieldChange.removed("client-id", before.clientId()));
			audit.deleted(tenant.id(), ENTITY, tenant.slug(), before.issuer(), fields);
			audit.deleted(null, ENTITY, tenant.slug(), before.issuer(), fields);
		});
	}

	private void record(Tenant tenant, SsoProvider before, SsoProvider after, boolean newSecret) {
		List<FieldChange> changes = new ArrayList<>();
		add(changes, FieldChange.between("issuer", before == null ? null : before.issuer(), after.issuer()));
		add(changes, FieldChange.between("client-id", before == null ? null : before.clientId(), after.clientId()));
		add(changes,
				FieldChange.between("gebruikersclaim", before == null ? null : before.userClaim(), after.userClaim()));
		add(changes,
				FieldChange.between("groepsclaim", before == null ? null : before.groupClaim(), after.groupClaim()));
		add(changes, FieldChange.between("groepen", before == null ? null : new TreeMap<>(before.groupRoles()),
				new TreeMap<>(after.groupRoles())));
		add(changes, FieldChange.between("actief", before == null ? null : before.enabled(), after.enabled()));
		if (newSecret) {
			changes.add(new FieldChange("clientgeheim", before == null ? null : "••••", "(gewijzigd)"));
		}
		if (before == null) {
			audit.created(tenant.id(), ENTITY, tenant.slug(), after.issuer(), changes);
			audit.created(null, ENTITY, tenant.slug(), after.issuer(), changes);
		}
		else if (!changes.isEmpty()) {
			audit.updated(tenant.id(), ENTITY, tenant.slug(), after.issuer(), changes);
			audit.updated(null, ENTITY, tenant.slug(), after.issuer(), changes);
		}
	}

	private static void add(List<FieldChange> changes, FieldChange change) {
		if (change != null) {
			changes.add(change);
		}
	}

	static void checkIssuer(String issuer) {
		URI uri;
		try {
			uri = URI.create(issuer);
		}
		catch (IllegalArgumentException ex) {
			throw new AccountChangeRefused("sso.refused.issuer", issuer);
		}
		boolean https = "https".equals(uri.getScheme());
		boolean localHttp = "http".equals(uri.getScheme()) && uri.getHost() != null && LOOPBACK.contains(uri.getHost());
		if (!(https || localHttp) || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
				|| uri.getRawUserInfo() != null) {
			throw new AccountChangeRefused("sso.refused.issuer", issuer);
		}
	}

	/**
	 * Reads {@code group = role} lines (empty lines are skipped; role in Dutch or as the
	 * role's name).
	 * @throws AccountChangeRefused naming the first line that is not such a mapping
	 */
	static Map<String, Role> parseGroupRoles(String text) {
		Map<String, Role> mapping = new LinkedHashMap<>();
		if (text == null) {
			return mapping;
		}
		String[] lines = text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			int eq = line.lastIndexOf('=');
			String group = eq < 0 ? "" : line.substring(0, eq).strip();
			String roleName = eq < 0 ? "" : line.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
			Role role = roleName.matches("BEHEERDER|REDACTEUR|BIJDRAGER|LEZER") ? Role.valueOf(roleName) : null;
			if (group.isEmpty() || group.length() > 200 || role == null) {
				throw new AccountChangeRefused("sso.refused.groupLine", i + 1);
			}
			mapping.put(group, role);
		}
		return mapping;
	}

}
