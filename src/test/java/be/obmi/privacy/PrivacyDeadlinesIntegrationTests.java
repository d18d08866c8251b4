package be.obmi.privacy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import be.obmi.privacy.domain.BreachForm;
import be.obmi.privacy.domain.Breaches;
import be.obmi.privacy.domain.PrivacyDeadlines;
import be.obmi.privacy.domain.SubjectRequest;
import be.obmi.privacy.domain.SubjectRequestForm;
import be.obmi.privacy.domain.SubjectRequests;
import be.obmi.shared.RefusedValueException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clocks of breaches (72 hours to the DPA) and of data subjects' requests (one
 * calendar month, extended by up to two), on the deadlines list and the DPO's page.
 */
@ObmiIntegrationTest
class PrivacyDeadlinesIntegrationTests {

	static final String SLUG = "leuven";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Breaches breaches;

	@Autowired
	SubjectRequests requests;

	@Autowired
	PrivacyDeadlines deadlines;

	@Test
	void aBreachWithoutNotificationAfter72HoursIsOverdueUnlessTheCityDecidedNotToNotify() {
		Tenant tenant = tenants.require(SLUG);
		LocalDateTime now = LocalDateTime.now(Breaches.BELGIUM).truncatedTo(ChronoUnit.MINUTES);
		long late = breach(tenant, "Deadline-test: USB-stick kwijt", now.minusHours(73), null, null);
		long running = breach(tenant, "Deadline-test: verkeerde bijlage", now.minusHours(70), null, null);
		long decided = breach(tenant, "Deadline-test: printer", now.minusHours(100), null, "Versleuteld, geen risico.");
		long notified = breach(tenant, "Deadline-test: phishing", now.minusHours(100), now.minusHours(50), null);

		List<PrivacyDeadlines.Deadline> list = deadlines.of(tenant, OffsetDateTime.now());

		assertThat(find(list, PrivacyDeadlines.Kind.BREACH, late).overdue()).isTrue();
		assertThat(find(list, PrivacyDeadlines.Kind.BREACH, running).overdue()).isFalse();
		assertThat(find(list, PrivacyDeadlines.Kind.BREACH, running).due()).isEqualTo(now.minusHours(70).plusHours(72));
		assertThat(list)
			.noneMatch(d -> d.kind() == PrivacyDeadlines.Kind.BREACH && (d.id() == decided || d.id() == notified));
		assertThat(breaches.byId(tenant, notified).orElseThrow().notifiedLate()).isFalse();

		HttpResponse<String> page = PageSession.login(port, "dpo." + SLUG).get("/" + SLUG + "/privacy/termijnen");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Deadline-test: USB-stick kwijt", "Deadline-test: verkeerde bijlage")
			.doesNotContain("Deadline-test: printer", "Deadline-test: phishing");
	}

	@Test
	void aRequestUnansweredAfterOneMonthIsOverdue() {
		Tenant tenant = tenants.require(SLUG);
		LocalDate today = LocalDate.now(Breaches.BELGIUM);
		long old = request(tenant, "DL-OUD", today.minusMonths(1).minusDays(1), 0, null, null);
		long dueSoon = request(tenant, "DL-BINNENKORT", today.minusDays(25), 0, null, null);
		long answered = request(tenant, "DL-BEANTWOORD", today.minusMonths(2), 0, null, today.minusDays(1));

		List<PrivacyDeadlines.Deadline> list = deadlines.of(tenant, OffsetDateTime.now());

		assertThat(find(list, PrivacyDeadlines.Kind.REQUEST, old).overdue()).isTrue();
		assertThat(find(list, PrivacyDeadlines.Kind.REQUEST, dueSoon).overdue()).isFalse();
		assertThat(list).noneMatch(d -> d.kind() == PrivacyDeadlines.Kind.REQUEST && d.id() == answered);
		assertThat(deadlines.overdue(tenant, OffsetDateTime.now()))
			.anyMatch(d -> d.kind() == PrivacyDeadlines.Kind.REQUEST && d.id() == old)
			.noneMatch(d -> d.kind() == PrivacyDeadlines.Kind.REQUEST && d.id() == dueSoon);
	}

	@Test
	void aMonthAfter31JanuaryIsTheLastDayOfFebruary() {
		assertThat(PrivacyDeadlines.monthsAfter(LocalDate.of(2027, 1, 31), 1)).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(PrivacyDeadlines.monthsAfter(LocalDate.of(2028, 1, 31), 1)).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(PrivacyDeadlines.monthsAfter(LocalDate.of(2027, 3, 15), 1)).isEqualTo(LocalDate.of(2027, 4, 15));
		Tenant tenant = tenants.require(SLUG);
		long id = request(tenant, "DL-31JAN", LocalDate.of(2028, 1, 31), 0, null, null);
		assertThat(requests.byId(tenant, id).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2028, 2, 29));
	}

	@Test
	void anExtensionMovesTheDueDateAndNeedsAReason() {
		Tenant tenant = tenants.require(SLUG);
		LocalDate received = LocalDate.now(Breaches.BELGIUM).minusMonths(1).minusDays(3);
		long id = request(tenant, "DL-VERLENGD", received, 0, null, null);
		SubjectRequest before = requests.byId(tenant, id).orElseThrow();
		assertThat(before.overdue(LocalDate.now(Breaches.BELGIUM))).isTrue();

		assertThatThrownBy(() -> requests.update(tenant, id, form(before, 2, " ")))
			.isInstanceOf(RefusedValueException.class);
		SubjectRequest after = requests.update(tenant, id, form(before, 2, "Veel diensten betrokken."));

		assertThat(after.dueOn()).isEqualTo(received.plusMonths(3));
		assertThat(after.overdue(LocalDate.now(Breaches.BELGIUM))).isFalse();
		assertThat(deadlines.overdue(tenant, OffsetDateTime.now()))
			.noneMatch(d -> d.kind() == PrivacyDeadlines.Kind.REQUEST && d.id() == id);
		SubjectRequest january = requests
			.byId(tenant, request(tenant, "DL-JAN-VERLENGD", LocalDate.of(2027, 1, 31), 2, "Complex.", null))
			.orElseThrow();
		assertThat(january.dueOn()).isEqualTo(LocalDate.of(2027, 4, 30));
	}

	static SubjectRequestForm form(SubjectRequest r, int months, String reason) {
		return new SubjectRequestForm(r.reference(), r.kind(), r.receivedOn(), r.identityVerified(), months, reason,
				r.answeredOn(), r.outcome(), r.version());
	}

	long breach(Tenant tenant, String description, LocalDateTime discovered, LocalDateTime notified, String reason) {
		return breaches.create(tenant, new BreachForm(discovered, description, "CONFIDENTIALITY", null, null, null,
				null, null, notified, reason, null, null, null, false, List.of(), 0), false);
	}

	long request(Tenant tenant, String reference, LocalDate received, int months, String reason, LocalDate answered) {
		return requests.create(tenant,
				new SubjectRequestForm(reference, "ACCESS", received, true, months, reason, answered, null, 0), false);
	}

	static PrivacyDeadlines.Deadline find(List<PrivacyDeadlines.Deadline> list, PrivacyDeadlines.Kind kind, long id) {
		return list.stream().filter(d -> d.kind() == kind && d.id() == id).findFirst().orElseThrow();
	}

}
