package be.obmi.identity;

import java.util.List;

import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo accounts, one per role in every tenant ({@code beheerder.mechelen},
 * {@code redacteur.gent}, …), a DPO per tenant ({@code dpo.gent}: lezer and DPO), a
 * vacancy officer per tenant ({@code leegstand.gent}: redacteur with the function
 * {@link TenantFunction#OWNER_DATA} for PIRK's owner data), a social worker per tenant
 * ({@code hulpverlener.gent}: lezer with {@link TenantFunction#SOCIAL_WORKER}), an
 * analyst per tenant ({@code analist.gent}: lezer with {@link TenantFunction#ANALYST}),
 * one Kenniscentrum editor ({@code kenniscentrum}) and one platform admin
 * ({@code platformbeheerder}), all with the password of {@code obmi.demo.password}. With
 * {@code obmi.demo.accounts-enabled=false} (the {@code prod} profile) existing demo
 * accounts are disabled and none are made.
 */
@Component
class DemoAccounts implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	static final String PLATFORM_ADMIN = "platformbeheerder";

	static final String KENNISCENTRUM = "kenniscentrum";

	private final JdbcClient jdbc;

	private final Tenants tenants;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	private final String password;

	DemoAccounts(JdbcClient jdbc, Tenants tenants, PasswordEncoder passwordEncoder, TransactionTemplate transaction,
			@Value("${obmi.demo.accounts-enabled:true}") boolean enabled,
			@Value("${obmi.demo.password:demo}") String password) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.passwordEncoder = passwordEncoder;
		this.transaction = transaction;
		this.enabled = enabled;
		this.password = password;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			int disabled = jdbc.sql("update identity.user_account set enabled = false where demo and enabled").update();
			if (disabled > 0) {
				log.warn("{} demo accounts disabled (obmi.demo.accounts-enabled=false)", disabled);
			}
			return;
		}
		transaction.executeWithoutResult(status -> ensureAccounts());
	}

	private void ensureAccounts() {
		String hash = passwordEncoder.encode(password);
		jdbc.sql("update identity.user_account set enabled = true where demo and not enabled").update();
		ensure(PLATFORM_ADMIN, "Platformbeheerder (demo)", hash, true);
		long editor = ensure(KENNISCENTRUM, "Redactie Kenniscentrum (demo)", hash, false);
		jdbc.sql("update identity.user_account set kenniscentrum = true where id = ? and not kenniscentrum")
			.param(editor)
			.update();
		for (Tenant tenant : tenants.all()) {
			long dpo = ensure("dpo." + tenant.slug(), "DPO " + tenant.name() + " (demo)", hash, false);
			jdbc.sql("""
					insert into identity.membership (user_id, tenant_id, role, dpo) values (?, ?, 'LEZER', true)
					on conflict (user_id, tenant_id) do nothing""").params(dpo, tenant.id()).update();
			ensureWithFunction("leegstand." + tenant.slug(), "Leegstandsbeheerder " + tenant.name() + " (demo)", hash,
					tenant, Role.REDACTEUR, TenantFunction.OWNER_DATA);
			ensureWithFunction("hulpverlener." + tenant.slug(), "Hulpverlener " + tenant.name() + " (demo)", hash,
					tenant, Role.LEZER, TenantFunction.SOCIAL_WORKER);
			ensureWithFunction("analist." + tenant.slug(), "Analist " + tenant.name() + " (demo)", hash, tenant,
					Role.LEZER, TenantFunction.ANALYST);
			for (Role role : Role.values()) {
				String username = role.name().toLowerCase() + "." + tenant.slug();
				long id = ensure(username, displayName(role, tenant), hash, false);
				jdbc.sql("""
						insert into identity.membership (user_id, tenant_id, role) values (?, ?, ?)
						on conflict (user_id, tenant_id) do nothing""").params(id, tenant.id(), role.name()).update();
			}
		}
	}

	/** A demo member of the tenant with a role and one function beside it. */
	private void ensureWithFunction(String username, String displayName, String hash, Tenant tenant, Role role,
			TenantFunction function) {
		long id = ensure(username, displayName, hash, false);
		jdbc.sql("""
				insert into identity.membership (user_id, tenant_id, role) values (?, ?, ?)
				on conflict (user_id, tenant_id) do nothing""").params(id, tenant.id(), role.name()).update();
		jdbc.sql("""
				insert into identity.membership_function (user_id, tenant_id, function, granted_by)
				values (?, ?, ?, 'demo') on conflict do nothing""").params(id, tenant.id(), function.name()).update();
	}

	private long ensure(String username, String displayName, String hash, boolean platformAdmin) {
		return jdbc.sql("""
				insert into identity.user_account (username, display_name, password_hash, platform_admin, demo)
				values (?, ?, ?, ?, true)
				on conflict ((lower(username))) do update set demo = true
				returning id""").params(username, displayName, hash, platformAdmin).query(Long.class).single();
	}

	private static String displayName(Role role, Tenant tenant) {
		String roleName = switch (role) {
			case BEHEERDER -> "Beheerder";
			case REDACTEUR -> "Redacteur";
			case BIJDRAGER -> "Bijdrager";
			case LEZER -> "Lezer";
		};
		return roleName + " " + tenant.name() + " (demo)";
	}

	/** The example accounts printed at start-up and in the README. */
	List<String> examples() {
		return List.of(PLATFORM_ADMIN, KENNISCENTRUM, "beheerder.mechelen", "redacteur.mechelen", "bijdrager.mechelen",
				"lezer.mechelen", "dpo.mechelen");
	}

	boolean enabled() {
		return enabled;
	}

	String password() {
		return password;
	}

}
