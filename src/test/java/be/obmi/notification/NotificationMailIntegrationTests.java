package be.obmi.notification;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.mail.MessagingException;

import be.obmi.support.ObmiMailIntegrationTest;
import be.obmi.support.TestMailServer;
import be.obmi.identity.Role;
import be.obmi.identity.TenantMembers;
import be.obmi.identity.UserAccount;
import be.obmi.identity.UserForm;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItemForm;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.plan.domain.StatusUpdateForm;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification e-mails through a real SMTP server (GreenMail on a free port) from the
 * whole application with its real database: a round's opening mails each contributor once
 * with all their items (Dutch or English as they chose; not to a user without an address
 * or who switched the kind off), a returned update mails the reviewer's remark, an
 * approval mails the contributor, the deadline reminder goes once to those who have not
 * submitted, and the weekly digest to the plan managers. The scheduled jobs are off
 * ({@code -}); the tests run them with a chosen day. Every mail is matched by its
 * recipient and the round's name, because the demo data and the other tests share the
 * server.
 * <p>
 * Over 300 lines because the four flows share one mail server and one application context
 * of their own (each further context starts another database with the demo data), and
 * with it the helpers that set up users, items and rounds.
 */
@ObmiMailIntegrationTest
class NotificationMailIntegrationTests {

	static final String PASSWORD = "een-lang-wachtwoord";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	@Autowired
	TenantMembers members;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	DeadlineReminders reminders;

	@Autowired
	WeeklyDigest digest;

	@Autowired
	EventPublicationRegistry publications;

	@Autowired
	JdbcClient jdbc;

	record Mail(String subject, String body) {
	}

	@Test
	void openingARoundMailsEachContributorOnceInTheirLanguage() {
		Tenant gent = tenants.require("gent");
		List<PlanItem> actions = actions(gent, 0, 5);
		UserAccount anna = user(gent, "anna.mail", "anna@gent.test", Role.BIJDRAGER);
		UserAccount bert = user(gent, "bert.mail", "bert@gent.test", Role.BIJDRAGER);
		UserAccount carl = user(gent, "carl.mail", null, Role.BIJDRAGER);
		UserAccount dora = user(gent, "dora.mail", "dora@gent.test", Role.BIJDRAGER);
		preferences.save(bert.id(), new Preferences(true, true, true, true, true, "en"));
		preferences.save(dora.id(), new Preferences(false, true, true, true, true, "nl"));
		assign(gent, actions.get(0), "anna.mail");
		assign(gent, actions.get(1), "Anna.Mail");
		assign(gent, actions.get(2), "bert.mail");
		assign(gent, actions.get(3), "carl.mail");
		assign(gent, actions.get(4), "dora.mail");
		LocalDate deadline = LocalDate.now().plusDays(20);

		StatusRound round = open(gent, "Mailronde opening", deadline, actions);
		settle();

		String date = MailTemplates.date(deadline);
		List<Mail> toAnna = mails("anna@gent.test", round.name());
		assertThat(toAnna).hasSize(1);
		assertThat(toAnna.getFirst().subject())
			.isEqualTo("Gent – statusronde Mailronde opening: rapporteer over 2 acties vóór " + date);
		assertThat(toAnna.getFirst().body()).startsWith("Beste anna.mail,")
			.contains("Gent heeft de statusronde \"Mailronde opening\" geopend. Rapporteer vóór " + date)
			.contains("- " + actions.get(0).code() + " " + actions.get(0).title() + "\n  "
					+ link(gent, round, actions.get(0)))
			.contains("- " + actions.get(1).code() + " " + actions.get(1).title() + "\n  "
					+ link(gent, round, actions.get(1)))
			.doesNotContain(actions.get(2).code() + " ");
		List<Mail> toBert = mails("bert@gent.test", round.name());
		assertThat(toBert).singleElement()
			.satisfies(mail -> assertThat(mail.subject())
				.isEqualTo("Gent – status round Mailronde opening: please report on " + actions.get(2).code() + " "
						+ actions.get(2).title() + " by " + date))
			.satisfies(mail -> assertThat(mail.body()).startsWith("Dear bert.mail,")
				.contains("Gent has opened the status round \"Mailronde opening\". Please report by " + date)
				.contains(link(gent, round, actions.get(2))));
		assertThat(mails("dora@gent.test", round.name())).isEmpty();
		assertThat(sent("ROUND_OPENED", round)).containsExactlyInAnyOrder(anna.id(), bert.id());
		assertThat(sent("ROUND_OPENED", round)).doesNotContain(carl.id(), dora.id());
	}

	@Test
	void aReturnedUpdateMailsTheRemarkAndAnApprovalTheContributorUnlessSwitchedOff() {
		Tenant gent = tenants.require("gent");
		List<PlanItem> actions = actions(gent, 5, 3);
		user(gent, "erik.mail", "erik@gent.test", Role.BIJDRAGER);
		user(gent, "fien.mail", "fien@gent.test", Role.BIJDRAGER);
		assign(gent, actions.get(0), "erik.mail");
		assign(gent, actions.get(1), "erik.mail");
		assign(gent, actions.get(2), "fien.mail");
		PageSession fien = PageSession.login(port, "fien.mail", PASSWORD);
		assertThat(fien.get("/account/meldingen").body()).contains("fien@gent.test").contains("name=\"approved\"");
		HttpResponse<String> saved = fien.post("/account/meldingen", "roundOpened=true&_roundOpened=on&reminder=true"
				+ "&_reminder=on&returned=true&_returned=on&_approved=on&digest=true&_digest=on&language=en&_csrf="
				+ fien.csrf("/account/meldingen"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(fien.get("/account/meldingen?lang=en").body()).contains("Your choices have been saved.");
		LocalDate deadline = LocalDate.now().plusDays(15);
		StatusRound round = open(gent, "Mailronde teruggestuurd", deadline, actions);

		StatusUpdate first = submit(gent, round, actions.get(0), "erik.mail");
		StatusUpdate second = submit(gent, round, actions.get(1), "erik.mail");
		StatusUpdate third = submit(gent, round, actions.get(2), "fien.mail");
		rounds.sendBack(gent, first.id(), "Geef een nieuwe timing voor de oplevering.");
		rounds.approve(gent, second.id(), "redacteur.gent");
		rounds.approve(gent, third.id(), "redacteur.gent");
		settle();

		List<Mail> toErik = mails("erik@gent.test", round.name());
		assertThat(toErik).extracting(Mail::subject)
			.containsExactlyInAnyOrder(
					"Gent – statusronde Mailronde teruggestuurd: rapporteer over 2 acties vóór "
							+ MailTemplates.date(deadline),
					"Gent – statusronde Mailronde teruggestuurd: je update voor " + actions.get(0).code() + " "
							+ actions.get(0).title() + " is teruggestuurd (deadline " + MailTemplates.date(deadline)
							+ ")",
					"Gent – statusronde Mailronde teruggestuurd: je update voor " + actions.get(1).code() + " "
							+ actions.get(1).title() + " is goedgekeurd");
		assertThat(toErik).filteredOn(mail -> mail.subject().contains("teruggestuurd (deadline"))
			.singleElement()
			.extracting(Mail::body)
			.asString()
			.contains("De opmerking van de beoordelaar:\n\n  Geef een nieuwe timing voor de oplevering.")
			.contains(link(gent, round, actions.get(0)));
		List<Mail> toFien = mails("fien@gent.test", round.name());
		assertThat(toFien).singleElement()
			.satisfies(mail -> assertThat(mail.subject()).startsWith("Gent – status round Mailronde teruggestuurd"))
			.satisfies(mail -> assertThat(mail.body()).startsWith("Dear fien.mail,"));
	}

	@Test
	void theReminderGoesOnceToContributorsWhoHaveNotSubmittedNearTheDeadline() {
		Tenant gent = tenants.require("gent");
		List<PlanItem> actions = actions(gent, 8, 4);
		user(gent, "gert.mail", "gert@gent.test", Role.BIJDRAGER);
		user(gent, "hilde.mail", "hilde@gent.test", Role.BIJDRAGER);
		UserAccount ivo = user(gent, "ivo.mail", "ivo@gent.test", Role.BIJDRAGER);
		preferences.save(ivo.id(), new Preferences(true, false, true, true, true, "nl"));
		assign(gent, actions.get(0), "gert.mail");
		assign(gent, actions.get(1), "gert.mail");
		assign(gent, actions.get(2), "hilde.mail");
		assign(gent, actions.get(3), "ivo.mail");
		LocalDate deadline = LocalDate.now().plusDays(10);
		StatusRound round = open(gent, "Mailronde herinnering", deadline, actions);
		submit(gent, round, actions.get(1), "gert.mail");
		submit(gent, round, actions.get(2), "hilde.mail");
		rounds.save(gent, round.id(), actions.get(0).id(),
				new StatusUpdateForm(ItemStatus.OP_SCHEMA, 10, "Nog een concept.", null, null, -1), false, "gert.mail");
		settle();

		reminders.remind(deadline.minusDays(4));
		assertThat(mails("gert@gent.test", round.name())).noneMatch(mail -> mail.subject().contains("deadline"));
		reminders.remind(deadline.minusDays(2));
		reminders.remind(deadline.minusDays(1));

		List<Mail> toGert = mails("gert@gent.test", round.name()).stream()
			.filter(mail -> mail.subject().contains("nog niet ingediend"))
			.toList();
		assertThat(toGert).singleElement()
			.satisfies(
					mail -> assertThat(mail.subject()).isEqualTo("Gent – statusronde Mailronde herinnering: deadline "
							+ MailTemplates.date(deadline) + " (over 2 dagen), nog niet ingediend"))
			.satisfies(mail -> assertThat(mail.body())
				.contains("- " + actions.get(0).code() + " " + actions.get(0).title() + "\n  "
						+ link(gent, round, actions.get(0)))
				.doesNotContain(actions.get(1).code() + " "));
		assertThat(mails("hilde@gent.test", round.name())).noneMatch(mail -> mail.subject().contains("ingediend"));
		assertThat(mails("ivo@gent.test", round.name())).noneMatch(mail -> mail.subject().contains("ingediend"));
		assertThat(sent("REMINDER", round)).hasSize(1);
	}

	@Test
	void theWeeklyDigestGoesOnceToThePlanManagers() {
		Tenant kortrijk = tenants.require("kortrijk");
		List<PlanItem> actions = actions(kortrijk, 0, 3);
		user(kortrijk, "jan.redacteur", "jan@kortrijk.test", Role.REDACTEUR);
		user(kortrijk, "kim.beheerder", "kim@kortrijk.test", Role.BEHEERDER);
		user(kortrijk, "lien.bijdrager", "lien@kortrijk.test", Role.BIJDRAGER);
		UserAccount mark = user(kortrijk, "mark.redacteur", "mark@kortrijk.test", Role.REDACTEUR);
		preferences.save(mark.id(), new Preferences(true, true, true, true, false, "nl"));
		StatusRound round = open(kortrijk, "Mailronde overzicht", LocalDate.now().plusDays(30), actions);
		submit(kortrijk, round, actions.get(0), "bijdrager.kortrijk");
		StatusUpdate approved = submit(kortrijk, round, actions.get(1), "bijdrager.kortrijk");
		rounds.approve(kortrijk, approved.id(), "redacteur.kortrijk");
		settle();
		LocalDate today = LocalDate.now();

		assertThat(digest.send(today)).isGreaterThanOrEqualTo(2);
		assertThat(digest.send(today)).isZero();

		for (String address : List.of("jan@kortrijk.test", "kim@kortrijk.test")) {
			List<Mail> digests = mails(address, "weekoverzicht");
			assertThat(digests).singleElement()
				.satisfies(mail -> assertThat(mail.subject())
					.startsWith("Kortrijk – weekoverzicht van de statusrondes op " + MailTemplates.date(today)))
				.satisfies(mail -> assertThat(mail.body())
					.contains("Mailronde overzicht (deadline " + MailTemplates.date(round.deadline()) + ")\n"
							+ "  te beoordelen: 1, goedgekeurd: 1, ontbreekt nog: 1 (van 3)\n"
							+ "  https://obmi.example/kortrijk/plan/rondes/" + round.id() + "\n"));
		}
		assertThat(mails("lien@kortrijk.test", "weekoverzicht")).isEmpty();
		assertThat(mails("mark@kortrijk.test", "weekoverzicht")).isEmpty();
	}

	/** Waits until every event of the steps so far has been handled (and mailed). */
	void settle() {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> publications.findIncompletePublications().isEmpty());
	}

	List<PlanItem> actions(Tenant tenant, int from, int count) {
		Plan plan = plans.current(tenant).orElseThrow();
		return items.all(plan)
			.stream()
			.filter(item -> item.type().name().equals("AC"))
			.skip(from)
			.limit(count)
			.toList();
	}

	UserAccount user(Tenant tenant, String username, String email, Role role) {
		return members.createAccount(tenant, new UserForm(username, username, email, role, PASSWORD));
	}

	void assign(Tenant tenant, PlanItem item, String contributor) {
		PlanItem current = items.byId(tenant, item.id()).orElseThrow();
		PlanItemForm form = PlanItemForm.of(current);
		items.update(tenant, item.id(),
				new PlanItemForm(form.title(), form.description(), form.priority(), form.policyField(),
						form.politicalOwner(), form.administrativeOwner(), contributor, form.startDate(),
						form.endDate(), form.tags(), form.wijk(), form.latitude(), form.longitude(), form.weight(),
						form.version()));
	}

	StatusRound open(Tenant tenant, String name, LocalDate deadline, List<PlanItem> actions) {
		return rounds.open(tenant, plans.current(tenant).orElseThrow(), name, deadline.minusDays(30), deadline,
				StatusRound.Scope.SELECTION, actions.stream().map(PlanItem::id).toList(), "redacteur." + tenant.slug());
	}

	StatusUpdate submit(Tenant tenant, StatusRound round, PlanItem item, String author) {
		return rounds.save(tenant, round.id(), item.id(),
				new StatusUpdateForm(ItemStatus.OP_SCHEMA, 40, "Loopt volgens plan.", null, null, -1), true, author);
	}

	static String link(Tenant tenant, StatusRound round, PlanItem item) {
		return "https://obmi.example/" + tenant.slug() + "/plan/rondes/" + round.id() + "/items/" + item.id();
	}

	List<Long> sent(String kind, StatusRound round) {
		return jdbc.sql("select user_id from notification.sent where kind = ? and reference = ?")
			.params(kind, "round:" + round.id())
			.query(Long.class)
			.list();
	}

	/** The mails the server received for the address whose subject names the text. */
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
