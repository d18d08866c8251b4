package be.obmi.privacy.demo;

import java.time.LocalDate;
import java.util.List;

import be.obmi.privacy.domain.ActivityContent;
import be.obmi.privacy.domain.ActivityContent.DataCategory;
import be.obmi.privacy.domain.ActivityContent.Transfer;
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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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
class PrivacyRegisterDemo implements ApplicationModuleInitializer {

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

	private final boolean enabled;

	PrivacyRegisterDemo(Tenants tenants, ProcessingActivities activities, LinkedOrganisations organisations,
			PrivacyTemplates templates, JdbcClient jdbc, TransactionTemplate transaction,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.tenants = tenants;
		this.activities = activities;
		this.organisations = organisations;
		this.templates = templates;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
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
		List<String> result = new java.util.ArrayList<>(list);
		result.add(item);
		return result;
	}

	private static ActivityContent withController(ActivityContent c, String city) {
		return new ActivityContent(c.name(), c.purpose(), c.legalBases(), c.specialCategoryConditions(),
				c.dataSubjects(), c.dataCategories(), c.recipients(), c.transfers(), c.retention(),
				c.securityMeasures(), c.responsibleService(), c.systems(), c.source(), controller(city), dpo(city));
	}

	private static String controller(String city) {
		return "Stad " + city + ", college van burgemeester en schepenen, Stadhuis, Grote Markt 1";
	}

	private static String dpo(String city) {
		return "Functionaris voor gegevensbescherming van " + city + ", dpo@"
				+ city.toLowerCase().replaceAll("[^a-z]", "") + ".be";
	}

	private static ActivityContent population(String city) {
		return new ActivityContent("Bevolkingsregister",
				"Inschrijving en adreswijziging van inwoners; uittreksels en attesten", List.of("A6-1-c", "A6-1-e"),
				List.of(), List.of("Inwoners", "Vreemdelingen met verblijfsrecht"),
				List.of(new DataCategory("Identificatiegegevens en rijksregisternummer", false,
						"Zolang ingeschreven + 30 jaar"), new DataCategory("Gezinssamenstelling", false, null),
						new DataCategory("Adresgeschiedenis", false, null)),
				List.of("Rijksregister (FOD Binnenlandse Zaken)", "Politiezone (woonstcontrole)"), List.of(),
				"Volgens de archiefselectielijst lokale besturen",
				List.of("Toegang per rol", "Logging van raadplegingen", "Machtiging van de Vlaamse toezichtcommissie"),
				"Burgerzaken", List.of("Bevolkingstoepassing", "Rijksregister"), "De inwoner, het Rijksregister",
				controller(city), dpo(city));
	}

	static ActivityContent smartCity(String retention) {
		return new ActivityContent("Camerabewaking en slimme sensoren (slimme stad)",
				"Openbare orde en veiligheid; verkeersmetingen en luchtkwaliteit op het dataplatform van de stad",
				List.of("A6-1-e"), List.of(), List.of("Voorbijgangers", "Bestuurders van voertuigen"),
				List.of(new DataCategory("Camerabeelden", false, "30 dagen, langer bij een vastgesteld incident"),
						new DataCategory("Nummerplaten (ANPR)", false, "30 dagen"),
						new DataCategory("Tellingen en sensordata, geaggregeerd", false, "10 jaar")),
				List.of("Politiezone", "Dataplatform (geaggregeerde open data)"), List.of(), retention,
				List.of("Camerawet: aangifte en pictogrammen", "Versleutelde opslag", "Aggregatie voor publicatie",
						"Logging van elke raadpleging"),
				"Slimme stad en mobiliteit", List.of("Camerabeheersysteem", "Sensornetwerk (LoRaWAN)", "Dataplatform"),
				"Camera's en sensoren in de openbare ruimte", null, null);
	}

	private static ActivityContent personnel(String city) {
		return new ActivityContent("Personeelsadministratie en loonverwerking OCMW",
				"De stad verwerkt in de geïntegreerde diensten de personeels- en loonadministratie van het OCMW",
				List.of("A6-1-b", "A6-1-c"), List.of("A9-2-b"),
				List.of("Personeelsleden van het OCMW", "Sollicitanten"),
				List.of(new DataCategory("Identificatie- en contactgegevens", false, "5 jaar na uitdiensttreding"),
						new DataCategory("Loon- en bankgegevens", false, "7 jaar"),
						new DataCategory("Afwezigheid wegens ziekte", true, "5 jaar")),
				List.of("Sociaal secretariaat", "RSZ en fiscus", "Externe dienst voor preventie en bescherming"),
				List.of(), "Volgens de archiefselectielijst lokale besturen",
				List.of("Gescheiden toegang per dienst", "Verwerkersovereenkomst met het sociaal secretariaat"),
				"Personeel en organisatie", List.of("HR-pakket", "Loonmotor sociaal secretariaat"),
				"Het personeelslid, het sociaal secretariaat", "OCMW " + city + " (verwerkingsverantwoordelijke)",
				dpo(city));
	}

	private static ActivityContent socialServices(String city) {
		return new ActivityContent("Sociale dienst: leefloon en hulpverlening",
				"Recht op maatschappelijke integratie en maatschappelijke dienstverlening", List.of("A6-1-c", "A6-1-e"),
				List.of("A9-2-b", "A9-2-h"), List.of("Aanvragers van hulp", "Gezinsleden van aanvragers"),
				List.of(new DataCategory("Identificatie- en gezinsgegevens", false, null),
						new DataCategory("Inkomen en schulden", false, null),
						new DataCategory("Gezondheidsgegevens", true, "10 jaar na afsluiting dossier"),
						new DataCategory("Gerechtelijke gegevens", true, "10 jaar na afsluiting dossier")),
				List.of("POD Maatschappelijke Integratie", "Kruispuntbank van de Sociale Zekerheid"), List.of(),
				"10 jaar na afsluiting van het dossier",
				List.of("Beroepsgeheim van de maatschappelijk werkers", "Toegang alleen voor de behandelende dienst",
						"Logging via de Kruispuntbank"),
				"Sociale dienst (OCMW)", List.of("Sociaal dossier", "KSZ-netwerk"), "De aanvrager, de KSZ",
				"OCMW " + city + ", Bijzonder Comité voor de Sociale Dienst", dpo(city));
	}

	static ActivityContent newsletter(String retention) {
		return new ActivityContent("Abonnees van de nieuwsbrief", "Nieuwsbrief versturen aan wie zich inschreef",
				List.of("A6-1-a"), List.of(), List.of("Abonnees"),
				List.of(new DataCategory("E-mailadres", false, null),
						new DataCategory("Voornaam en taalkeuze", false, null)),
				List.of("Verzenddienst (verwerker)"),
				List.of(new Transfer("US", "Standaardcontractbepalingen en EU-VS-kader")), retention,
				List.of("Dubbele opt-in", "Uitschrijflink in elke mail"), "Communicatie", List.of("Mailingplatform"),
				"De abonnee zelf", "Het Kenniscentrum Vlaamse Steden vzw", "dpo@kenniscentrum.example");
	}

	static ActivityContent platformAccounts(String city) {
		return new ActivityContent("OBMi: accounts en rollen",
				"Aanmelden op het platform OBMi en rechten per bestuur (lezer, bijdrager, redacteur, beheerder, DPO)",
				List.of("A6-1-e"), List.of(), List.of("Medewerkers van het bestuur", "Partners met een account"),
				List.of(new DataCategory("Naam, gebruikersnaam, e-mailadres", false, "Zolang het account bestaat"),
						new DataCategory("Wachtwoordhash, aanmeldpogingen, API-sleutels", false,
								"Zolang het account bestaat")),
				List.of("Hosting van OBMi (verwerker)"), List.of(), "Tot 1 jaar na het afsluiten van het account",
				List.of("Wachtwoordhash (bcrypt)", "Blokkering na mislukte pogingen", "Strikte CSP en HTTPS"),
				"ICT en informatieveiligheid", List.of("OBMi"), "De medewerker, de beheerder van het bestuur",
				controller(city), dpo(city));
	}

	private static ActivityContent contributors(String city) {
		return new ActivityContent("OBMi: bijdragers aan statusrondes en hun mails",
				"Opvolging van het meerjarenplan: bijdragers krijgen taken en herinneringen per e-mail",
				List.of("A6-1-e"), List.of(), List.of("Medewerkers die acties opvolgen"),
				List.of(new DataCategory("Naam en e-mailadres", false, null),
						new DataCategory("Ingediende stand van zaken en opmerkingen", false,
								"Zolang het plan loopt + 6 jaar")),
				List.of("Hosting van OBMi (verwerker)", "Mailserver van het bestuur"), List.of(),
				"Zolang het meerjarenplan loopt, daarna 6 jaar",
				List.of("Meldingen alleen aan de toegewezen bijdrager", "Voorkeuren per gebruiker"),
				"Strategie en beleidsplanning", List.of("OBMi", "Mailserver"),
				"De beheerder en de redacteurs van het plan", controller(city), dpo(city));
	}

	private static ActivityContent auditTrail(String city) {
		return new ActivityContent("OBMi: auditspoor (wie wijzigde wat)",
				"Verantwoording van elke wijziging aan plan, cijfers, accounts en register",
				List.of("A6-1-c", "A6-1-e"), List.of(), List.of("Medewerkers met een account"),
				List.of(new DataCategory("Gebruikersnaam, tijdstip, oude en nieuwe waarde", false, "10 jaar")),
				List.of("Hosting van OBMi (verwerker)", "Interne audit"), List.of(), "10 jaar",
				List.of("Alleen toevoegen, niet wijzigen", "Inzage alleen voor beheerders"),
				"ICT en informatieveiligheid", List.of("OBMi"), "Het platform zelf", controller(city), dpo(city));
	}

}
