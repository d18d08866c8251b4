package be.obmi.privacy;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.mail.MessagingException;

import be.obmi.support.ObmiMailIntegrationTest;
import be.obmi.support.TestMailServer;
import be.obmi.identity.Role;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserAccount;
import be.obmi.identity.UserForm;
import be.obmi.privacy.domain.AgreementForm;
import be.obmi.privacy.domain.Agreements;
import be.obmi.privacy.domain.Breaches;
import be.obmi.privacy.domain.PrivacyReminders;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminders to the DPOs through a real SMTP server (GreenMail): an agreement that
 * ends in 30 days is mailed once, however often the job runs; one that ends in 60 days is
 * not; an overdue breach is mailed once per state. The scheduled job is off ({@code -});
 * the tests run it with a chosen day. Mails are matched by recipient and counterparty, as
 * the demo data shares the server.
 */
@ObmiMailIntegrationTest
class PrivacyAgreementReminderIntegrationTests {

	@Autowired
	Tenants tenants;

	@Autowired
	TenantMembers members;

	@Autowired
	Agreements agreements;

	@Autowired
	PrivacyReminders reminders;

	@Autowired
	JdbcClient jdbc;

	record Mail(String subject, String body) {
	}

	@Test
	void anAgreementEndingIn30DaysIsMailedToTheDpoOnceAndOneEndingIn60DaysIsNot() {
		Tenant tenant = tenants.require("hasselt");
		dpo(tenant, "dpo.herinnering", "dpo.herinnering@hasselt.test");
		LocalDate today = LocalDate.now(Breaches.BELGIUM);
		long soon = agreement(tenant, "Herinnering Dertig nv", today.plusDays(30));
		agreement(tenant, "Herinnering Zestig nv", today.plusDays(60));

		reminders.remindExpiringAgreements(today);
		reminders.remindExpiringAgreements(today);

		List<Mail> thirty = mails("dpo.herinnering@hasselt.test", "Herinnering Dertig nv");
		assertThat(thirty).singleElement().satisfies(mail -> {
			assertThat(mail.subject()).contains("Hasselt", "loopt af op");
			assertThat(mail.body()).startsWith("Beste dpo.herinnering,")
				.contains("(over 30 dagen)")
				.contains("https://obmi.example/hasselt/privacy/overeenkomsten/" + soon);
		});
		assertThat(mails("dpo.herinnering@hasselt.test", "Herinnering Zestig nv")).isEmpty();
	}

	@Test
	void anOverdueBreachIsMailedOncePerState() {
		Tenant tenant = tenants.require("genk");
		dpo(tenant, "dpo.termijn", "dpo.termijn@genk.test");

		reminders.remindOverdue(OffsetDateTime.now());
		int first = mails("dpo.termijn@genk.test", "verstreken").size();
		reminders.remindOverdue(OffsetDateTime.now());

		// the demo data of Genk has an overdue breach and an overdue request
		assertThat(first).isEqualTo(1);
		assertThat(mails("dpo.termijn@genk.test", "verstreken")).singleElement()
			.satisfies(mail -> assertThat(mail.body()).contains("Datalek: Gestolen laptop")
				.contains("https://obmi.example/genk/privacy/termijnen"));
	}

	void dpo(Tenant tenant, String username, String email) {
		UserAccount account = members.createAccount(tenant,
				new UserForm(username, username, email, Role.LEZER, "een-lang-wachtwoord"));
		jdbc.sql("update identity.membership set dpo = true where user_id = ? and tenant_id = ?")
			.params(account.id(), tenant.id())
			.update();
	}

	long agreement(Tenant tenant, String counterparty, LocalDate end) {
		return agreements.create(tenant, new AgreementForm(counterparty, "0207.451.227", "CONTROLLER", null,
				end.minusYears(2), end.minusYears(2), end, null, null, null, null, List.of(), 0), false);
	}

	List<Mail> mails(String address, String subjectPart) {
		return TestMailServer.receivedBy(address).stream().map(message -> {
			try {
				return new Mail(message.getSubject(), message.getContent().toString().replace("\r\n", "\n"));
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).filter(mail -> mail.subject().contains(subjectPart)).toList();
	}

}
