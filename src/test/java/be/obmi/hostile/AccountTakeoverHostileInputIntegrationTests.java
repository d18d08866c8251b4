package be.obmi.hostile;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.identity.Role;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserAccounts;
import be.obmi.identity.UserForm;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import be.obmi.identity.RoleForm;
import org.assertj.core.api.Assertions;

/**
 * Issue 11, points 1 and 2, tried over real HTTP with real sessions: a tenant admin
 * cannot take over an account of another tenant or of the platform by any of the account
 * routes, every account change is in the history of each tenant of the account and of the
 * platform, and a change of rights takes effect on an open session's next request.
 */
@ObmiIntegrationTest
class AccountTakeoverHostileInputIntegrationTests {

	private static final String PASSWORD = "een-lang-wachtwoord";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TenantMembers members;

	@Autowired
	Tenants tenants;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transaction;

	private long createAccount(String slug, String username, Role role) {
		return transaction.execute(s -> members.createAccount(tenants.require(slug),
				new UserForm(username, "Test " + username, username + "@example.org", role, PASSWORD)))
			.id();
	}

	private long idOf(String username) {
		return jdbc.sql("select id from identity.user_account where username = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	private String hashOf(String username) {
		return jdbc
			.sql("select password_hash || '|' || enabled || '|' || display_name || '|' || coalesce(email, '') "
					+ "from identity.user_account where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	private static String form(String... pairs) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			if (!body.isEmpty()) {
				body.append('&');
			}
			body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString();
	}

	@Test
	void aTenantAdminCannotSetThePasswordNameOrEnabledFlagOfAnAccountOfAnotherTenant() {
		long victimId = createAccount("gent", "slachtoffer.gent", Role.BEHEERDER);
		String before = hashOf("slachtoffer.gent");
		PageSession aalst = PageSession.login(port, "beheerder.aalst");

		// "creating" the existing username is refused and changes nothing
		String csrf = aalst.csrf("/aalst/beheer/gebruikers/nieuw");
		HttpResponse<String> create = aalst.post("/aalst/beheer/gebruikers/nieuw",
				form("username", "slachtoffer.gent", "displayName", "Overgenomen", "email", "aanvaller@example.org",
						"role", "BEHEERDER", "password", "aanvaller-wachtwoord", "enabled", "false") + "&_csrf="
						+ csrf);
		assertThat(create.statusCode()).isEqualTo(200);
		assertThat(create.body()).contains("bestaat al een account");
		assertThat(hashOf("slachtoffer.gent")).isEqualTo(before);
		assertThat(members.memberOf(tenants.require("aalst"), victimId)).isEmpty();

		// the edit route of an account that is not a member: 404
		HttpResponse<String> foreign = aalst.post("/aalst/beheer/gebruikers/" + victimId,
				form("role", "LEZER", "version", "0", "password", "aanvaller-wachtwoord", "enabled", "false")
						+ "&_csrf=" + csrf);
		assertThat(foreign.statusCode()).isEqualTo(404);

		// inviting the account gives a role in Aalst, and no power over the account
		// itself
		HttpResponse<String> invite = aalst.post("/aalst/beheer/gebruikers/uitnodigen",
				form("login", "slachtoffer.gent@example.org", "role", "LEZER") + "&_csrf=" + csrf);
		assertThat(invite.statusCode()).isEqualTo(302);
		int version = members.memberOf(tenants.require("aalst"), victimId).orElseThrow().version();
		String editPage = aalst.get("/aalst/beheer/gebruikers/" + victimId).body();
		assertThat(editPage).doesNotContain("name=\"password\"")
			.doesNotContain("name=\"enabled\"")
			.doesNotContain("name=\"displayName\"");
		HttpResponse<String> edit = aalst.post("/aalst/beheer/gebruikers/" + victimId,
				form("username", "slachtoffer.gent", "displayName", "Overgenomen", "email", "aanvaller@example.org",
						"role", "REDACTEUR", "password", "aanvaller-wachtwoord", "enabled", "false", "version",
						String.valueOf(version)) + "&_csrf=" + csrf);
		assertThat(edit.statusCode()).isEqualTo(302);
		assertThat(hashOf("slachtoffer.gent")).isEqualTo(before);
		assertThat(members.memberOf(tenants.require("aalst"), victimId).orElseThrow().role()).isEqualTo(Role.REDACTEUR);
		assertThat(PageSession.anonymous(port).post("/login", "x=1").statusCode()).isNotEqualTo(500);
		PageSession.login(port, "slachtoffer.gent", PASSWORD);
		assertThatLoginFails("slachtoffer.gent", "aanvaller-wachtwoord");

		// lifting a lockout of an account of several tenants is the platform admin's
		jdbc.sql("update identity.user_account set locked_until = now() + interval '1 hour' where id = ?")
			.param(victimId)
			.update();
		aalst.post("/aalst/beheer/gebruikers/" + victimId + "/ontgrendelen", "_csrf=" + csrf);
		assertThat(jdbc.sql("select locked_until is not null from identity.user_account where id = ?")
			.param(victimId)
			.query(Boolean.class)
			.single()).isTrue();
		jdbc.sql("update identity.user_account set locked_until = null where id = ?").param(victimId).update();

		// Gent and the platform see what Aalst did
		List<AuditEvent> gent = audit.history(tenants.require("gent").id(), "gebruiker", String.valueOf(victimId), 20);
		assertThat(gent).anySatisfy(e -> {
			assertThat(e.actor()).isEqualTo("beheerder.aalst");
			assertThat(e.changes()).anySatisfy(c -> assertThat(c.field()).isEqualTo("rol in aalst"));
		});
		assertThat(audit.platformHistory("gebruiker", String.valueOf(victimId), 20))
			.anySatisfy(e -> assertThat(e.actor()).isEqualTo("beheerder.aalst"));
	}

	@Test
	void aPlatformAdminCanBeNeitherInvitedNorChangedNorRemovedByATenantAdmin() {
		PageSession aalst = PageSession.login(port, "beheerder.aalst");
		String csrf = aalst.csrf("/aalst/beheer/gebruikers/nieuw");
		HttpResponse<String> invite = aalst.post("/aalst/beheer/gebruikers/uitnodigen",
				form("login", "platformbeheerder", "role", "LEZER") + "&_csrf=" + csrf);
		assertThat(invite.body()).contains("platformbeheerder kan door een bestuur niet");
		long adminId = idOf("platformbeheerder");
		assertThat(members.memberOf(tenants.require("aalst"), adminId)).isEmpty();

		// a platform admin who also has a membership (e.g. set up by hand) stays
		// untouchable
		long other = createAccount("aalst", "tweede.platformbeheerder", Role.LEZER);
		jdbc.sql("update identity.user_account set platform_admin = true where id = ?").param(other).update();
		String before = hashOf("tweede.platformbeheerder");
		int version = members.memberOf(tenants.require("aalst"), other).orElseThrow().version();
		HttpResponse<String> edit = aalst.post("/aalst/beheer/gebruikers/" + other,
				form("role", "BEHEERDER", "version", String.valueOf(version)) + "&_csrf=" + csrf);
		assertThat(edit.body()).contains("platformbeheerder kan door een bestuur niet");
		aalst.post("/aalst/beheer/gebruikers/" + other + "/verwijderen", "_csrf=" + csrf);
		assertThat(members.memberOf(tenants.require("aalst"), other).orElseThrow().role()).isEqualTo(Role.LEZER);
		assertThat(hashOf("tweede.platformbeheerder")).isEqualTo(before);
		// the platform's own pages stay the platform admin's
		assertThat(aalst.get("/platform/gebruikers/" + adminId).statusCode()).isEqualTo(403);
		assertThat(
				aalst
					.post("/platform/gebruikers/" + adminId,
							form("displayName", "x", "enabled", "false", "password", "aanvaller-wachtwoord", "version",
									"0") + "&_csrf=" + csrf)
					.statusCode())
			.isEqualTo(403);
	}

	@Test
	void onlyTheHolderWithTheCurrentPasswordOrThePlatformAdminChangeAnAccount() {
		long id = createAccount("kortrijk", "houder.kortrijk", Role.LEZER);
		PageSession holder = PageSession.login(port, "houder.kortrijk", PASSWORD);
		String csrf = holder.csrf("/account");
		HttpResponse<String> wrong = holder.post("/account",
				form("displayName", "Nieuwe Naam", "email", "", "currentPassword", "fout-wachtwoord", "newPassword",
						"nieuw-wachtwoord-123", "repeatPassword", "nieuw-wachtwoord-123") + "&_csrf=" + csrf);
		assertThat(wrong.body()).contains("huidige wachtwoord is fout");
		assertThat(hashOf("houder.kortrijk")).contains("Test houder.kortrijk");

		PageSession otherSession = PageSession.login(port, "houder.kortrijk", PASSWORD);
		HttpResponse<String> ok = holder.post("/account",
				form("displayName", "Nieuwe Naam", "email", "", "currentPassword", PASSWORD, "newPassword",
						"nieuw-wachtwoord-123", "repeatPassword", "nieuw-wachtwoord-123") + "&_csrf=" + csrf);
		assertThat(ok.statusCode()).isEqualTo(302);
		// this session goes on, the holder's other session has ended
		assertThat(holder.get("/kortrijk/beheer/historiek").statusCode()).isEqualTo(403);
		assertThat(holder.get("/account").statusCode()).isEqualTo(200);
		assertThat(otherSession.get("/account").statusCode()).isEqualTo(302);
		PageSession.login(port, "houder.kortrijk", "nieuw-wachtwoord-123");

		// the platform admin may; the change is in the tenant's and the platform's
		// history
		PageSession platform = PageSession.login(port, "platformbeheerder");
		String platformCsrf = platform.csrf("/platform/gebruikers/" + id);
		int version = accounts.details(id).orElseThrow().version();
		HttpResponse<String> disable = platform.post("/platform/gebruikers/" + id,
				form("displayName", "Nieuwe Naam", "email", "", "_enabled", "on", "password", "", "version",
						String.valueOf(version)) + "&_csrf=" + platformCsrf);
		assertThat(disable.statusCode()).as(disable.body()).isEqualTo(302);
		assertThat(hashOf("houder.kortrijk")).contains("|false|");
		assertThat(holder.get("/account").statusCode()).isEqualTo(302);
		assertThat(audit.history(tenants.require("kortrijk").id(), "gebruiker", String.valueOf(id), 20))
			.anySatisfy(e -> assertThat(e.actor()).isEqualTo("platformbeheerder"));
		assertThat(platform.get("/platform/historiek").body()).contains("Nieuwe Naam");

		// lifting a lockout of any account is the platform admin's, with history
		jdbc.sql("update identity.user_account set locked_until = now() + interval '1 hour' where id = ?")
			.param(id)
			.update();
		PageSession beheerder = PageSession.login(port, "beheerder.kortrijk");
		assertThat(beheerder.post("/platform/gebruikers/" + id + "/ontgrendelen", "_csrf=" + beheerder.csrf("/account"))
			.statusCode()).isEqualTo(403);
		assertThat(platform.post("/platform/gebruikers/" + id + "/ontgrendelen", "_csrf=" + platformCsrf).statusCode())
			.isEqualTo(302);
		assertThat(jdbc.sql("select locked_until is null from identity.user_account where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(platform.post("/platform/gebruikers/999999999/ontgrendelen", "_csrf=" + platformCsrf).statusCode())
			.isEqualTo(404);
	}

	@Test
	void aDemotedRemovedDisabledOrRepasswordedUserLosesTheRightsOfAnOpenSessionOnTheNextRequest() {
		long demoted = createAccount("oostende", "degradatie.oostende", Role.REDACTEUR);
		PageSession session = PageSession.login(port, "degradatie.oostende", PASSWORD);
		assertThat(session.get("/oostende/cijfers/beheer").statusCode()).isEqualTo(200);
		int version = members.memberOf(tenants.require("oostende"), demoted).orElseThrow().version();
		transaction.executeWithoutResult(
				s -> members.changeRole(tenants.require("oostende"), demoted, new RoleForm(Role.LEZER, version)));
		assertThat(session.get("/oostende/cijfers/beheer").statusCode()).isEqualTo(403);
		assertThat(session.get("/oostende/plan").statusCode()).isEqualTo(200);

		long removed = createAccount("oostende", "verwijderd.oostende", Role.REDACTEUR);
		PageSession removedSession = PageSession.login(port, "verwijderd.oostende", PASSWORD);
		String csrf = removedSession.csrf("/account");
		transaction.executeWithoutResult(s -> members.removeMember(tenants.require("oostende"), removed));
		assertThat(removedSession.get("/oostende/plan").statusCode()).isEqualTo(403);
		assertThat(removedSession.post("/oostende/cijfers/beheer/import", "_csrf=" + csrf).statusCode()).isEqualTo(403);

		createAccount("oostende", "uitgeschakeld.oostende", Role.REDACTEUR);
		PageSession disabledSession = PageSession.login(port, "uitgeschakeld.oostende", PASSWORD);
		jdbc.sql("update identity.user_account set enabled = false where username = 'uitgeschakeld.oostende'").update();
		assertThat(disabledSession.get("/oostende/cijfers/beheer").statusCode()).isEqualTo(302);
		assertThat(disabledSession.get("/oostende/cijfers/beheer").headers().firstValue("Location").orElse(""))
			.endsWith("/login");

		createAccount("oostende", "wachtwoord.oostende", Role.REDACTEUR);
		PageSession oldPassword = PageSession.login(port, "wachtwoord.oostende", PASSWORD);
		jdbc.sql("update identity.user_account set password_hash = 'x' where username = 'wachtwoord.oostende'")
			.update();
		assertThat(oldPassword.get("/oostende/cijfers/beheer").statusCode()).isEqualTo(302);
	}

	private void assertThatLoginFails(String username, String password) {
		Assertions.assertThatThrownBy(() -> PageSession.login(port, username, password))
			.isInstanceOf(IllegalStateException.class);
	}

}
