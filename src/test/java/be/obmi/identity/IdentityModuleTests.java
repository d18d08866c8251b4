package be.obmi.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.audit.AuditEvent;
import be.obmi.audit.AuditTrail;
import be.obmi.audit.DataChanged;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The identity module with its neighbours ({@code DIRECT_DEPENDENCIES}: tenancy for the
 * tenants its roles belong to, audit for the history of every account change) against the
 * real embedded PostgreSQL of the test profile: the demo accounts its initializer makes,
 * a tenant admin's new account, API tokens and the login lockout.
 * <p>
 * The embedded database is configured in platform
 * ({@code EmbeddedPostgresConfiguration}), and Spring Modulith drops the bean definitions
 * of modules that are not bootstrapped, so platform is an extra include (its beans need
 * only tenancy and audit, both here).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class IdentityModuleTests {

	@Autowired
	UserAccounts accounts;

	@Autowired
	TenantMembers members;

	@Autowired
	ApiTokens tokens;

	@Autowired
	LoginFailures failures;

	@Autowired
	Tenants tenants;

	@Autowired
	AuditTrail audit;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void theDemoAccountsHoldTheirRoleInTheirTenant() {
		ObmiUser redacteur = accounts.loadUserByUsername("redacteur.mechelen");
		assertThat(redacteur.roleIn("mechelen")).contains(Role.REDACTEUR);
		assertThat(redacteur.has("mechelen", Role.BIJDRAGER)).isTrue();
		assertThat(redacteur.has("mechelen", Role.BEHEERDER)).isFalse();
		assertThat(redacteur.has("gent", Role.LEZER)).isFalse();
		assertThat(passwordEncoder.matches("demo", redacteur.getPassword())).isTrue();
		assertThat(accounts.loadUserByUsername("platformbeheerder").has("gent", Role.BEHEERDER)).isTrue();
	}

	@Test
	void aNewMemberCanLogInWithItsRoleAndTheChangeIsInTheTenantsHistory(AssertablePublishedEvents events) {
		Tenant mechelen = tenants.require("mechelen");
		UserAccount created = members.createAccount(mechelen, new UserForm("els.evaluator", "Els Evaluator",
				"els@mechelen.be", Role.BIJDRAGER, "een-lang-genoeg-wachtwoord"));
		assertThat(created.role()).isEqualTo(Role.BIJDRAGER);
		assertThat(members.membersOf(mechelen)).extracting(UserAccount::username).contains("els.evaluator");
		ObmiUser els = accounts.loadUserByUsername("els.evaluator");
		assertThat(els.roles()).containsExactlyEntriesOf(Map.of("mechelen", Role.BIJDRAGER));
		assertThat(passwordEncoder.matches("een-lang-genoeg-wachtwoord", els.getPassword())).isTrue();
		List<AuditEvent> history = audit.history(mechelen.id(), "gebruiker", String.valueOf(created.id()), 5);
		assertThat(history).singleElement().extracting(AuditEvent::action).isEqualTo(AuditEvent.Action.CREATE);
		assertThat(events.ofType(DataChanged.class)).contains(new DataChanged(mechelen.id(), "gebruiker"));
		assertThatThrownBy(() -> members.createAccount(mechelen,
				new UserForm("Els.Evaluator", "Els", null, Role.LEZER, "een-lang-genoeg-wachtwoord")))
			.isInstanceOf(AccountChangeRefused.class)
			.hasMessage("account.refused.usernameTaken");
	}

	@Test
	void anInvitedAccountGetsARoleInASecondTenantOnly() {
		Tenant gent = tenants.require("gent");
		UserAccount invited = members.invite(gent, new InviteForm("lezer.mechelen", Role.LEZER));
		assertThat(invited.otherTenants()).isTrue();
		assertThat(accounts.loadUserByUsername("lezer.mechelen").roles()).containsEntry("mechelen", Role.LEZER)
			.containsEntry("gent", Role.LEZER);
		assertThatThrownBy(() -> members.invite(gent, new InviteForm("platformbeheerder", Role.LEZER)))
			.hasMessage("account.refused.platformAdmin");
	}

	@Test
	void anApiTokenAuthenticatesItsOwnerUntilItIsRevoked() {
		ObmiUser owner = accounts.loadUserByUsername("beheerder.gent");
		ApiTokens.Created created = tokens.create(owner, "Power BI");
		assertThat(created.secret()).startsWith("obmi_");
		assertThat(created.token().name()).isEqualTo("Power BI");
		Optional<ObmiUser> authenticated = tokens.authenticate(created.secret());
		assertThat(authenticated).get().satisfies(user -> {
			assertThat(user.id()).isEqualTo(owner.id());
			assertThat(user.roleIn("gent")).contains(Role.BEHEERDER);
		});
		assertThat(tokens.authenticate(created.secret() + "x")).isEmpty();
		tokens.revoke(owner, created.token().id());
		assertThat(tokens.authenticate(created.secret())).isEmpty();
		assertThat(tokens.of(owner)).filteredOn(token -> token.id() == created.token().id())
			.singleElement()
			.satisfies(token -> assertThat(token.active()).isFalse());
	}

	@Test
	void repeatedWrongPasswordsLockOnlyThatAddressOutOfTheAccount() {
		for (int i = 0; i < 5; i++) {
			failures.loginFailed("Lezer.Gent", "203.0.113.7");
		}
		assertThat(failures.lockedFor("lezer.gent", "203.0.113.7")).isTrue();
		assertThat(failures.lockedFor("lezer.gent", "198.51.100.4")).isFalse();
		failures.loginSucceeded("lezer.gent", "198.51.100.4");
		assertThat(failures.lockedFor("lezer.gent", "203.0.113.7")).isTrue();
	}

}
