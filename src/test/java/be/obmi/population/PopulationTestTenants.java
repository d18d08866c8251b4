package be.obmi.population;

import java.util.List;
import java.util.Set;

import be.obmi.identity.Role;
import be.obmi.identity.TenantFunction;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserAccount;
import be.obmi.identity.UserForm;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant of its own for a population test (a municipality no other test uses) and an
 * analyst in it, {@code analist.<slug>} with the demo password, as the demo data make for
 * the demo tenants.
 */
final class PopulationTestTenants {

	private PopulationTestTenants() {
	}

	static synchronized Tenant tenant(Tenants tenants, TenantMembers members, JdbcClient jdbc, String nis) {
		Tenant tenant = tenants.all()
			.stream()
			.filter(t -> nis.equals(t.nisCode()))
			.findFirst()
			.orElseGet(() -> tenants.add(nis, null));
		String username = "analist." + tenant.slug();
		boolean exists = jdbc.sql("select count(*) from identity.user_account where username = ?")
			.param(username)
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			UserAccount account = members.createAccount(tenant,
					new UserForm(username, "Analist test", null, Role.LEZER, "een-lang-wachtwoord-123"));
			jdbc.sql("""
					update identity.user_account set password_hash =
					  (select password_hash from identity.user_account where username = 'analist.mechelen')
					where id = ?""").param(account.id()).update();
			UserAccount current = members.memberOf(tenant, account.id()).orElseThrow();
			members.changeFunctions(tenant, account.id(), Set.of(TenantFunction.ANALYST), current.version(), "test");
		}
		return tenant;
	}

	/** The tenant's statistical sectors, without the "niet te lokaliseren" one. */
	static List<String> sectors(JdbcClient jdbc, String nis) {
		return jdbc
			.sql("select code from stats.area where level = 'statsec' and code like ? and code not like '%ZZZZ' "
					+ "order by code")
			.param(nis + "%")
			.query(String.class)
			.list();
	}

}
