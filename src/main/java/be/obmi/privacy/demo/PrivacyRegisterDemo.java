package be.obmi.privacy.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import be.obmi.privacy.domain.ActivityContent;
import be.obmi.privacy.domain.Audience;
import be.obmi.privacy.domain.LinkedOrganisations;
import be.obmi.privacy.domain.LinkedOrganisations.Organisation;
import be.obmi.privacy.domain.OrganisationKind;
import be.obmi.privacy.domain.OrganisationRole;
import be.obmi.privacy.domain.PrivacyTemplates;
import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.privacy.domain.ProcessingActivities.Activity;
import be.obmi.privacy.domain.ProcessingActivities.Header;
import be.obmi.privacy.domain.Register;
import be.obmi.privacy.domain.TemplateKind;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static be.obmi.privacy.demo.DemoActivities.auditTrail;
import static be.obmi.privacy.demo.DemoActivities.contributors;
import static be.obmi.privacy.demo.DemoActivities.newsletter;
import static be.obmi.privacy.demo.DemoActivities.personnel;
import static be.obmi.privacy.demo.DemoActivities.platformAccounts;
import static be.obmi.privacy.demo.DemoActivities.population;
import static be.obmi.privacy.demo.DemoActivities.smartCity;
import static be.obmi.privacy.demo.DemoActivities.socialServices;
import static be.obmi.privacy.demo.DemoActivities.withController;

/**
 * Demo data of the register (part P1): the Kenniscentrum's templates (a smart-city
 * activity, the newsletter subscribers, the platform's own accounts), and for every
 * tenant its linked organisations (OCMW, AGB, police zone, an intermunicipal body, with
 * KBO numbers that pass the check) and eight activities: mostly checked and published,
 * one incomplete draft, the platform's own processing among them; Gent adopts the
 * newsletter template, whose version 2 (a new retention period) then waits for Gent's
 * decision. Runs only with {@code obmi.demo.enabled=true}; a tenant that has demo
 * activities is skipped.
 */
@Component
class PrivacyRegisterDemo {

	private static final Logger log = LoggerFactory.getLogger(PrivacyRegisterDemo.class);

	static final String ACTOR = "systeem";

	static final String NEWSLETTER = "nieuwsbrief-abonnees";

	static final String SMART_CITY = "slimme-stad-camera-sensoren";

	static final String PLATFORM_ACCOUNTS = "obmi-accounts-en-rollen";

	private final Tenants tenants;

	private final ProcessingActivities activities;

	private final LinkedOrganisations organisations;

	private final PrivacyTemplates templates;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	PrivacyRegisterDemo(Tenants tenants, ProcessingActivities activities, LinkedOrganisations organisations,
			PrivacyTemplates templates, JdbcClient jdbc, TransactionTemplate transaction) {
		this.tenants = tenants;
		this.activities = activities;
		this.organisations = organisations;
		this.templates = templates;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	void load() {
		transaction.executeWithoutResult(status -> publishTemplates());
		int index = 0;
		for (Tenant tenant : tenants.all()) {
			int seed = ++index;
			boolean done = jdbc
				.sql("select exists (select 1 from privacy.processing_activity where tenant_id = ? and demo)")
				.param(tenant.id())
				.query(Boolean.class)
				.single();
			if (!done) {
				transaction.executeWithoutResult(status -> register(tenant, seed));
			}
		}
		transaction.executeWithoutResult(status -> gentAdoptsTheNewsletter());
	}

	/** The Kenniscentrum's reference templates, version 1, once. */
	private void publishTemplates() {
		if (templates.byCode(NEWSLETTER).isPresent()) {
			return;
		}
		templates.publish(TemplateKind.ACTIVITY, NEWSLETTER, "Abonnees van de nieuwsbrief",
				newsletter("2 jaar na uitschrijving"), null, ACTOR);
		templates.publish(TemplateKind.ACTIVITY, SMART_CITY, "Slimme stad: camera's, sensoren en dataplatform",
				smartCity("Camerabeelden 30 dagen; geaggregeerde sensordata 10 jaar"), null, ACTOR);
		templates.publish(TemplateKind.ACTIVITY, PLATFORM_ACCOUNTS, "OBMi: accounts en rollen",
				platformAccounts("Stad"), null, ACTOR);
		templates.all().forEach(t -> templates.markDemo(t.id()));
	}

	/** Gent adopts the newsletter template v1; then v2 changes the retention period. */
	private void gentAdoptsTheNewsletter() {
		PrivacyTemplates.Template newsletter = templates.byCode(NEWSLETTER).orElseThrow();
		if (newsletter.latest() > 1) {
			return;
		}
		tenants.bySlug("gent").ifPresent(gent -> templates.adopt(gent, newsletter.id(), ACTOR));
		templates.publish(TemplateKind.ACTIVITY, NEWSLETTER, "Abonnees van de nieuwsbrief",
				newsletter("1 jaar na uitschrijving"), "Kortere bewaartermijn na uitschrijving (advies GBA).", ACTOR);
	}

	private void register(Tenant tenant, int seed) {
		Organisation ocmw = organisations.add(tenant, kbo(2120000 + seed * 311), "OCMW " + tenant.name(),
				OrganisationKind.OCMW, false);
		organisations.add(tenant, kbo(2160000 + seed * 419), "AGB Stadsontwikkeling " + tenant.name(),
				OrganisationKind.AGB, true);
		Organisation police = organisations.add(tenant, kbo(2070000 + seed * 523), "Politiezone " + tenant.name(),
				OrganisationKind.POLITIEZONE, true);
		organisations.add(tenant, kbo(2040000 + seed * 617), "Intergemeentelijke vereniging regio " + tenant.name(),
				OrganisationKind.INTERGEMEENTELIJK, true);
		String city = tenant.name();
		Activity population = published(tenant, population(city),
				header(Audience.CITIZENS, null, OrganisationRole.CONTROLLER));
		ActivityContent changed = population(city);
		changed = new ActivityContent(changed.name(), changed.purpose(), changed.legalBases(),
				changed.specialCategoryConditions(), changed.dataSubjects(), changed.dataCategories(),
				append(changed.recipients(), "Notarissen en gerechtsdeurwaarders (wettelijke toegang)"),
				changed.transfers(), changed.retention(), changed.securityMeasures(), changed.responsibleService(),
				changed.systems(), changed.source(), changed.controller(), changed.dpoContact());
		Activity edited = activities.save(tenant, population, changed, population.header(), LocalDate.of(2025, 1, 1),
				ACTOR);
		activities.check(tenant, edited.publicId(), edited.version());
		published(tenant, withController(smartCity("Camerabeelden 30 dagen; geaggregeerde sensordata 10 jaar"), city),
				header(Audience.CITIZENS, police.id(), OrganisationRole.JOINT_CONTROLLER));
		published(tenant, personnel(city),
				new Header(Register.PROCESSOR, Audience.STAFF, ocmw.id(), OrganisationRole.PROCESSOR));
		published(tenant, socialServices(city), header(Audience.CITIZENS, ocmw.id(), OrganisationRole.CONTROLLER));
		published(tenant, platformAccounts(city), header(Audience.STAFF, null, OrganisationRole.CONTROLLER));
		Activity contributors = create(tenant, contributors(city),
				header(Audience.STAFF, null, OrganisationRole.CONTROLLER));
		activities.complete(tenant, contributors.publicId(), contributors.version());
		Activity trail = create(tenant, auditTrail(city), header(Audience.STAFF, null, OrganisationRole.CONTROLLER));
		trail = activities.complete(tenant, trail.publicId(), trail.version());
		activities.check(tenant, trail.publicId(), trail.version());
		ActivityContent draft = newsletter(null);
		create(tenant,
				new ActivityContent("Nieuwsbrief van " + city, draft.purpose(), draft.legalBases(), List.of(),
						draft.dataSubjects(), draft.dataCategories(), List.of(), List.of(), null, List.of(),
						"Communicatie", draft.systems(), draft.source(), null, null),
				header(Audience.CITIZENS, null, OrganisationRole.CONTROLLER));
		log.debug("Demo privacy register for {}", tenant.slug());
	}

	private static Header header(Audience audience, Long organisationId, OrganisationRole role) {
		return new Header(Register.CONTROLLER, audience, organisationId, role);
	}

	private Activity create(Tenant tenant, ActivityContent content, Header header) {
		return activities.create(tenant, content, header, LocalDate.of(2024, 1, 1), null, null, true, ACTOR);
	}

	private Activity published(Tenant tenant, ActivityContent content, Header header) {
		Activity activity = create(tenant, content, header);
		activity = activities.complete(tenant, activity.publicId(), activity.version());
		activity = activities.check(tenant, activity.publicId(), activity.version());
		return activities.publish(tenant, activity.publicId(), activity.version(), true);
	}

	/** A KBO number with its check digits: 97 minus the first eight modulo 97. */
	static String kbo(long firstEight) {
		return String.format("%08d%02d", firstEight, 97 - firstEight % 97);
	}

	private static List<String> append(List<String> list, String item) {
		List<String> result = new ArrayList<>(list);
		result.add(item);
		return result;
	}

}
