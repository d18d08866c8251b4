package be.obmi.privacy.demo;

import java.util.List;

import be.obmi.privacy.domain.ActivityContent;
import be.obmi.privacy.domain.ActivityContent.DataCategory;
import be.obmi.privacy.domain.ActivityContent.Transfer;

/**
 * The contents of the demo register's processing activities ({@link PrivacyRegisterDemo}
 * and the Kenniscentrum's templates): a city's population register, camera surveillance,
 * the OCMW's personnel and social services, the newsletter, and the platform's own
 * accounts, contributors and audit trail, each with the city's controller and DPO.
 */
final class DemoActivities {

	private DemoActivities() {
	}

	static ActivityContent withController(ActivityContent c, String city) {
		return new ActivityContent(c.name(), c.purpose(), c.legalBases(), c.specialCategoryConditions(),
				c.dataSubjects(), c.dataCategories(), c.recipients(), c.transfers(), c.retention(),
				c.securityMeasures(), c.responsibleService(), c.systems(), c.source(), controller(city), dpo(city));
	}

	static String controller(String city) {
		return "Stad " + city + ", college van burgemeester en schepenen, Stadhuis, Grote Markt 1";
	}

	static String dpo(String city) {
		return "Functionaris voor gegevensbescherming van " + city + ", dpo@"
				+ city.toLowerCase().replaceAll("[^a-z]", "") + ".be";
	}

	static ActivityContent population(String city) {
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

	static ActivityContent personnel(String city) {
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

	static ActivityContent socialServices(String city) {
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

	static ActivityContent contributors(String city) {
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

	static ActivityContent auditTrail(String city) {
		return new ActivityContent("OBMi: auditspoor (wie wijzigde wat)",
				"Verantwoording van elke wijziging aan plan, cijfers, accounts en register",
				List.of("A6-1-c", "A6-1-e"), List.of(), List.of("Medewerkers met een account"),
				List.of(new DataCategory("Gebruikersnaam, tijdstip, oude en nieuwe waarde", false, "10 jaar")),
				List.of("Hosting van OBMi (verwerker)", "Interne audit"), List.of(), "10 jaar",
				List.of("Alleen toevoegen, niet wijzigen", "Inzage alleen voor beheerders"),
				"ICT en informatieveiligheid", List.of("OBMi"), "Het platform zelf", controller(city), dpo(city));
	}

}
