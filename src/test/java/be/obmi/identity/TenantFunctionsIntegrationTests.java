package be.obmi.identity;

import java.net.http.HttpResponse;
import java.util.UUID;

import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions beside the roles (mandates such as PIRK's owner data): the tenant admin
 * grants and withdraws them on the member page, the member's rights follow at once (the
 * security stamp moves), another tenant's admin cannot, and a platform admin holds none
 * implicitly.
 */
@ObmiIntegrationTest
class TenantFunctionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TenantMembers members;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Tenants tenants;

	@Test
	void theTenantAdminGrantsAndWithdrawsAFunctionAndTheRightsFollow() {
		Tenant mechelen = tenants.require("mechelen");
		String username = "functie-" + UUID.randomUUID().toString().substring(0, 8);
		UserAccount member = members.createAccount(mechelen,
				new UserForm(username, "Functie Test", null, Role.REDACTEUR, "een-lang-wachtwoord-123"));
		ObmiUser before = accounts.findPrincipal(username).orElseThrow();
		assertThat(before.has("mechelen", TenantFunction.OWNER_DATA)).isFalse();

		PageSession admin = PageSession.login(port, "beheerder.mechelen");
		String path = "/mechelen/beheer/gebruikers/" + member.id();
		assertThat(admin.get(path).body()).contains("function-OWNER_DATA", "function-SOCIAL_WORKER");
		HttpResponse<String> granted = admin.post(path + "/functies",
				"function=OWNER_DATA&version=" + member.version() + "&_csrf=" + admin.csrf(path));
		assertThat(granted.statusCode()).isEqualTo(302);

		ObmiUser after = accounts.findPrincipal(username).orElseThrow();
		assertThat(after.has("mechelen", TenantFunction.OWNER_DATA)).isTrue();
		assertThat(after.has("mechelen", TenantFunction.SOCIAL_WORKER)).isFalse();
		assertThat(after.securityStamp()).as("open sessions reload their rights").isGreaterThan(before.securityStamp());
		assertThat(after.getAuthorities()).extracting(Object::toString).contains("TENANT_mechelen_OWNER_DATA");

		PageSession gentAdmin = PageSession.login(port, "beheerder.gent");
		String gentPath = "/gent/beheer/gebruikers/" + member.id();
		assertThat(gentAdmin
			.post(gentPath + "/functies",
					"version=" + (member.version() + 1) + "&_csrf=" + gentAdmin.csrf("/gent/beheer/gebruikers"))
			.statusCode()).as("no member of Gent").isEqualTo(404);
		assertThat(accounts.findPrincipal(username).orElseThrow().has("mechelen", TenantFunction.OWNER_DATA)).isTrue();

		// a second form loaded before the grant: its version is old, nothing changes
		assertThat(admin
			.post(path + "/functies",
					"function=SOCIAL_WORKER&version=" + member.version() + "&_csrf=" + admin.csrf(path))
			.statusCode()).isEqualTo(302);
		ObmiUser unchanged = accounts.findPrincipal(username).orElseThrow();
		assertThat(unchanged.has("mechelen", TenantFunction.SOCIAL_WORKER)).as("a stale form changes nothing")
			.isFalse();
		assertThat(unchanged.has("mechelen", TenantFunction.OWNER_DATA)).isTrue();

		UserAccount current = members.memberOf(mechelen, member.id()).orElseThrow();
		assertThat(admin.post(path + "/functies", "version=" + current.version() + "&_csrf=" + admin.csrf(path))
			.statusCode()).isEqualTo(302);
		assertThat(accounts.findPrincipal(username).orElseThrow().has("mechelen", TenantFunction.OWNER_DATA))
			.as("withdrawn")
			.isFalse();
	}

	@Test
	void theDemoVacancyOfficerAndSocialWorkerHoldTheirFunctionAndAPlatformAdminNone() {
		assertThat(accounts.findPrincipal("leegstand.gent").orElseThrow().has("gent", TenantFunction.OWNER_DATA))
			.isTrue();
		assertThat(accounts.findPrincipal("hulpverlener.gent").orElseThrow().has("gent", TenantFunction.SOCIAL_WORKER))
			.isTrue();
		assertThat(accounts.findPrincipal("beheerder.gent").orElseThrow().has("gent", TenantFunction.OWNER_DATA))
			.isFalse();
		assertThat(accounts.findPrincipal("platformbeheerder").orElseThrow().has("gent", TenantFunction.OWNER_DATA))
			.isFalse();
	}

}
