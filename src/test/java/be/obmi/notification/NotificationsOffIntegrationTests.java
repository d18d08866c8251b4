package be.obmi.notification;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import be.obmi.plan.RoundOpened;
import be.obmi.plan.UpdateApproved;
import be.obmi.plan.UpdateReturned;
import be.obmi.plan.UpdateSubmitted;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.plan.domain.StatusUpdateForm;
import be.obmi.plan.domain.UpdateState;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default test configuration has no mail server ({@code spring.mail.host} unset): the
 * round workflow publishes its events and works as before, no mail sender exists, the
 * jobs send nothing and nothing is recorded as sent (Brugge, a round of its own with an
 * early reference date, closed at the end, so the demo rounds stay the latest).
 */
@ObmiIntegrationTest
@RecordApplicationEvents
class NotificationsOffIntegrationTests {

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	@Autowired
	ObjectProvider<JavaMailSender> mailSender;

	@Autowired
	Mailer mailer;

	@Autowired
	DeadlineReminders reminders;

	@Autowired
	WeeklyDigest digest;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	NotificationPreferences preferences;

	@LocalServerPort
	int port;

	@Test
	void thePreferencesPageSaysWhyNoMailComesAndRefusesAnUnknownLanguage() {
		PageSession session = PageSession.login(port, "lezer.brugge");
		String page = session.get("/account/meldingen").body();
		assertThat(page).contains("Je account heeft geen e-mailadres")
			.contains("Deze installatie verstuurt (nog) geen e-mails")
			.contains("name=\"digest\"");
		HttpResponse<String> refused = session.post("/account/meldingen",
				"_roundOpened=on&_reminder=on&_returned=on&_approved=on&_digest=on&language=fr&_csrf="
						+ session.csrf("/account/meldingen"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Kies Nederlands of English.");
		assertThat(session
			.post("/account/meldingen",
					"_roundOpened=on&_reminder=on&_returned=on&_approved=on&digest=true&_digest=on&language=en&_csrf="
							+ session.csrf("/account/meldingen"))
			.statusCode()).isEqualTo(302);
		assertThat(session.get("/account/meldingen").body()).contains("Je keuzes zijn bewaard.");
		long userId = jdbc.sql("select id from identity.user_account where username = 'lezer.brugge'")
			.query(Long.class)
			.single();
		assertThat(preferences.of(userId)).isEqualTo(new Preferences(false, false, false, false, true, "en"));
		preferences.save(userId, Preferences.DEFAULTS);
	}

	@Test
	void withoutAMailServerTheWorkflowPublishesItsEventsAndNothingIsSent() {
		assertThat(mailSender.getIfAvailable()).isNull();
		assertThat(mailer.enabled()).isFalse();
		Tenant tenant = tenants.require("brugge");
		Plan plan = plans.current(tenant).orElseThrow();
		List<PlanItem> actions = items.all(plan).stream().filter(i -> i.type().name().equals("AC")).limit(2).toList();
		StatusRound round = rounds.open(tenant, plan, "Opvolging zonder e-mail", LocalDate.of(2025, 1, 10),
				LocalDate.of(2025, 1, 31), StatusRound.Scope.SELECTION, actions.stream().map(PlanItem::id).toList(),
				"redacteur.brugge");
		try {
			PlanItem first = actions.getFirst();
			StatusUpdate submitted = rounds.save(tenant, round.id(), first.id(),
					new StatusUpdateForm(ItemStatus.VERTRAAGD, 20, "Vertraagd.", null, null, -1), true,
					"bijdrager.brugge");
			rounds.sendBack(tenant, submitted.id(), "  Geef een nieuwe timing.  ");
			StatusUpdate returned = rounds.update(tenant, submitted.id()).orElseThrow();
			StatusUpdate resubmitted = rounds.save(tenant, round.id(), first.id(),
					new StatusUpdateForm(ItemStatus.VERTRAAGD, 30, "Nieuwe timing.", null, null, returned.version()),
					true, "bijdrager.brugge");
			rounds.approve(tenant, resubmitted.id(), "redacteur.brugge");
			assertThat(rounds.update(tenant, resubmitted.id()).orElseThrow().state())
				.isEqualTo(UpdateState.GOEDGEKEURD);

			assertThat(events.stream(RoundOpened.class).filter(e -> e.roundId() == round.id())).singleElement()
				.satisfies(e -> {
					assertThat(e.tenantId()).isEqualTo(tenant.id());
					assertThat(e.deadline()).isEqualTo(LocalDate.of(2025, 1, 31));
					assertThat(e.tasks()).extracting(t -> t.itemCode())
						.containsExactlyElementsOf(actions.stream().map(PlanItem::code).toList());
					assertThat(e.tasks()).extracting(t -> t.contributor())
						.containsExactlyElementsOf(actions.stream().map(PlanItem::contributor).toList());
				});
			assertThat(events.stream(UpdateSubmitted.class).filter(e -> e.task().roundId() == round.id())).hasSize(2)
				.allSatisfy(e -> assertThat(e.author()).isEqualTo("bijdrager.brugge"));
			assertThat(events.stream(UpdateReturned.class).filter(e -> e.task().roundId() == round.id()))
				.singleElement()
				.satisfies(e -> {
					assertThat(e.remark()).isEqualTo("Geef een nieuwe timing.");
					assertThat(e.task().itemCode()).isEqualTo(first.code());
					assertThat(e.task().roundName()).isEqualTo("Opvolging zonder e-mail");
				});
			assertThat(events.stream(UpdateApproved.class).filter(e -> e.task().roundId() == round.id()))
				.singleElement()
				.satisfies(e -> assertThat(e.approvedBy()).isEqualTo("redacteur.brugge"));

			assertThat(reminders.remind(LocalDate.of(2025, 1, 30))).isZero();
			assertThat(digest.send(LocalDate.of(2025, 1, 27))).isZero();
			assertThat(jdbc.sql("select count(*) from notification.sent where tenant_id = ?")
				.param(tenant.id())
				.query(Integer.class)
				.single()).isZero();
			assertThat(jdbc.sql("select count(*) from event_publication where listener_id like ?")
				.param("%" + RoundNotifications.class.getName() + "%")
				.query(Integer.class)
				.single()).as("publications stored for the notification listeners without mail").isZero();
		}
		finally {
			rounds.close(tenant, round.id());
		}
	}

}
