package be.obmi.privacy.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import be.obmi.privacy.domain.AgreementForm;
import be.obmi.privacy.domain.Agreements;
import be.obmi.privacy.domain.BreachForm;
import be.obmi.privacy.domain.Breaches;
import be.obmi.privacy.domain.CaseActivities;
import be.obmi.privacy.domain.SubjectRequestForm;
import be.obmi.privacy.domain.SubjectRequests;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo agreements, breaches and requests for every city without them (only with
 * {@code obmi.demo.enabled}), all marked demo and dated from the day they are made: an
 * active agreement, one expiring within 30 days and one expired; a breach notified in
 * time and one whose 72 hours passed; four requests, one overdue and one extended. They
 * go through the services the pages use.
 */
@Component
class PrivacyCasesDemo {

	private static final Logger log = LoggerFactory.getLogger(PrivacyCasesDemo.class);

	private final Tenants tenants;

	private final Agreements agreements;

	private final Breaches breaches;

	private final SubjectRequests requests;

	private final CaseActivities activities;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	PrivacyCasesDemo(Tenants tenants, Agreements agreements, Breaches breaches, SubjectRequests requests,
			CaseActivities activities, JdbcClient jdbc, TransactionTemplate transaction) {
		this.tenants = tenants;
		this.agreements = agreements;
		this.breaches = breaches;
		this.requests = requests;
		this.activities = activities;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	void load() {
		List<Tenant> without = tenants.all().stream().filter(this::withoutDemo).toList();
		for (Tenant tenant : without) {
			transaction.executeWithoutResult(status -> create(tenant));
		}
		if (!without.isEmpty()) {
			log.info("Demo agreements, breaches and requests made for {} tenants", without.size());
		}
	}

	private boolean withoutDemo(Tenant tenant) {
		return jdbc.sql("select not exists (select 1 from privacy.processor_agreement where tenant_id = ? and demo)")
			.param(tenant.id())
			.query(Boolean.class)
			.single();
	}

	private void create(Tenant tenant) {
		LocalDate today = LocalDate.now(Breaches.BELGIUM);
		List<Long> linked = activities.choices(tenant).stream().limit(1).map(CaseActivities.Choice::id).toList();
		agreements.create(tenant,
				new AgreementForm("Cloudhosting Vlaanderen nv", null, "CONTROLLER", "VVSG-model 2024",
						today.minusYears(1), today.minusYears(1), today.plusYears(2), today.plusYears(2).minusMonths(3),
						"Datacenter Gent bv;België\nBack-up Services GmbH;Duitsland", null, null, linked, 0),
				true);
		agreements.create(tenant,
				new AgreementForm("Digipolis-partner Sociaal Huis", null, "CONTROLLER",
						"Kenniscentrum-sjabloon verwerkersovereenkomst v1", today.minusYears(3), today.minusYears(3),
						today.plusDays(20), null, null, null, null, linked, 0),
				true);
		agreements.create(tenant,
				new AgreementForm("Enquêtebureau Panel bv", null, "CONTROLLER", null, today.minusYears(2),
						today.minusYears(2), today.minusDays(10), null, "Mailing Platform Inc.;Verenigde Staten",
						"Verenigde Staten", "EU-VS-gegevensprivacykader", List.of(), 0),
				true);
		LocalDateTime now = LocalDateTime.now(Breaches.BELGIUM).truncatedTo(ChronoUnit.MINUTES);
		breaches.create(tenant,
				new BreachForm(now.minusDays(40), "E-mail met aanvragen premies naar verkeerde ontvanger",
						"CONFIDENTIALITY", "aanvragers van een premie", 12, 12, "Ontvanger ziet namen en adressen.",
						"Ontvanger gevraagd de mail te wissen; adresboek aangepast.", now.minusDays(39), null, false,
						"Ontvanger bevestigde de wissing; laag risico.", null, true, linked, 0),
				true);
		breaches.create(tenant,
				new BreachForm(now.minusDays(4), "Gestolen laptop van de dienst Burgerzaken", "CONFIDENTIALITY",
						"inwoners", 300, 1200, "Mogelijk inzage in afschriften.", "Toestel op afstand geblokkeerd.",
						null, null, null, null, null, false, List.of(), 0),
				true);
		requests.create(tenant,
				new SubjectRequestForm("DEMO-2026-001", "ACCESS", today.minusDays(50), true, 0, null, null, null, 0),
				true);
		requests.create(tenant, new SubjectRequestForm("DEMO-2026-002", "ERASURE", today.minusDays(45), true, 1,
				"Complex verzoek over meerdere diensten.", null, null, 0), true);
		requests.create(tenant, new SubjectRequestForm("DEMO-2026-003", "RECTIFICATION", today.minusDays(20), true, 0,
				null, today.minusDays(5), "Adres gecorrigeerd in het bevolkingsregister.", 0), true);
		requests.create(tenant,
				new SubjectRequestForm("DEMO-2026-004", "OBJECTION", today.minusDays(3), false, 0, null, null, null, 0),
				true);
	}

}
