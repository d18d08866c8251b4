package be.obmi.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;

import be.obmi.identity.Role;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserAccount;
import be.obmi.identity.UserForm;
import be.obmi.plan.RoundTask;
import be.obmi.plan.UpdateApproved;
import be.obmi.support.TestMailServer;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification module with all it depends on ({@code ALL_DEPENDENCIES}: plan, whose
 * events it mails about, identity for the recipients' accounts, tenancy, and what those
 * need in turn) against the real embedded PostgreSQL of the test profile and a real SMTP
 * server (the run's {@link TestMailServer}), without demo data: plan's
 * {@link UpdateApproved} event, published as plan publishes it, mails the contributor in
 * the language they chose; a kind they switched off finds no recipient.
 * <p>
 * Platform is an extra include because the embedded database is configured there
 * ({@code EmbeddedPostgresConfiguration}).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestMailServer.class)
@TestPropertySource(properties = { "obmi.demo.enabled=false", "obmi.mail.from=OBMi <obmi@obmi.test>",
		"obmi.mail.base-url=https://obmi.example", "obmi.mail.reminder-cron=-", "obmi.mail.digest-cron=-" })
class NotificationModuleTests {

	@Autowired
	TenantMembers members;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	Recipients recipients;

	@Autowired
	Tenants tenants;

	@Test
	void anApprovedUpdateMailsTheContributorInTheirLanguage(Scenario scenario) {
		Tenant gent = tenants.require("gent");
		UserAccount contributor = account(gent, "module.approved", "module.approved@gent.test");
		preferences.save(contributor.id(), new Preferences(true, true, true, true, true, "en"));
		RoundTask task = new RoundTask(991, "Moduleronde", LocalDate.of(2026, 6, 30), 992, "AC09.09.09",
				"Moduletest actie", "module.approved");

		scenario.publish(new UpdateApproved(gent.id(), 993, task, "redacteur.gent"))
			.andWaitForStateChange(() -> subjects("module.approved@gent.test"), subjects -> !subjects.isEmpty())
			.andVerify(subjects -> assertThat(subjects).singleElement()
				.isEqualTo(
						"Gent – status round Moduleronde: your update for AC09.09.09 Moduletest actie was approved"));
	}

	@Test
	void aKindSwitchedOffFindsNoRecipient() {
		Tenant gent = tenants.require("gent");
		UserAccount contributor = account(gent, "module.quiet", "module.quiet@gent.test");
		preferences.save(contributor.id(), new Preferences(true, true, true, false, true, "en"));

		assertThat(recipients.user("module.quiet", Kind.APPROVED)).isEmpty();
		assertThat(recipients.user("module.quiet", Kind.RETURNED))
			.hasValueSatisfying(recipient -> assertThat(recipient.preferences().locale()).isEqualTo(Locale.ENGLISH));
	}

	UserAccount account(Tenant tenant, String username, String email) {
		return members.createAccount(tenant,
				new UserForm(username, username, email, Role.BIJDRAGER, "een-lang-wachtwoord"));
	}

	static List<String> subjects(String address) {
		return TestMailServer.receivedBy(address).stream().map(message -> {
			try {
				return message.getSubject();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
