package be.obmi.knowledge.demo;

import java.util.List;
import java.util.Map;

import be.obmi.knowledge.demo.KnowledgeCasesDemo.Demo;

/**
 * The demo cases: fictitious but plausible examples in the centrumsteden (names of real
 * places, invented projects and figures).
 */
final class KnowledgeDemoContent {

	private KnowledgeDemoContent() {
	}

	private static Demo d(String city, String title, String summary, double lat, double lon, String status,
			List<String> themes, Map<String, String> values) {
		return new Demo(city, title, summary, "<p>" + summary + "</p>", lat, lon, status, themes, values, null);
	}

	private static Demo r(String city, String title, String summary, double lat, double lon, List<String> themes,
			Map<String, String> values, String report) {
		return new Demo(city, title, summary, "<p>" + summary + "</p>", lat, lon, "PUBLISHED", themes, values, report);
	}

	private static Map<String, String> church(String original, String now, String type, String protection, String year,
			String cost, String province) {
		return Map.of("oorspronkelijke_functie", original, "nieuwe_functie", now, "type_hergebruik", type,
				"beschermingsstatus", protection, "eigenaar", "Kerkfabriek en stad", "kerkfabriek",
				"Kerkfabriek " + original, "jaar", year, "kostprijs", cost, "provincie", province, "lessen",
				"<p>Betrek de buurt vanaf het begin en maak afspraken over het gebruik met de kerkfabriek.</p>");
	}

	static final List<Demo> CHURCHES = List.of(r("mechelen", "Sint-Jozefkerk Mechelen wordt buurthuis en bibliotheek",
			"De parochiekerk in de Sint-Jozefwijk werd herbestemd tot buurthuis met een bibliotheekfiliaal.", 51.0316,
			4.4881, List.of("erfgoed", "samenleven"),
			church("Parochiekerk Sint-Jozef", "Buurthuis en bibliotheek", "herbestemming", "niet-beschermd", "2021",
					"2450000", "antwerpen"),
			"In het koor kwam een orgelpijpenbibliotheek: de oude orgelkast draagt nu de boekenrekken. De buurt koos zelf de nieuwe functies tijdens drie buurtavonden."),
			r("gent", "Sint-Annakerk Gent: concerten naast de eredienst",
					"Medegebruik van de Sint-Annakerk voor concerten en tentoonstellingen, naast de zondagsmis.",
					51.0466, 3.7347, List.of("erfgoed", "economie"),
					church("Parochiekerk Sint-Anna", "Kerk en culturele zaal", "medegebruik", "beschermd-monument",
							"2019", "380000", "oost-vlaanderen"),
					"Het eindrapport beschrijft de afspraken tussen kerkfabriek, stad en concertorganisator over verwarming, geluid en agenda."),
			d("leuven", "Sint-Antoniuskerk Leuven: ontmoetingsruimte in de zijbeuk",
					"Een zijbeuk van de kerk werd een ontmoetingsruimte voor de wijk (nevenbestemming).", 50.8790,
					4.7040, "PUBLISHED", List.of("erfgoed", "samenleven"),
					church("Parochiekerk Sint-Antonius", "Ontmoetingsruimte", "nevenbestemming", "vastgesteld-erfgoed",
							"2022", "210000", "vlaams-brabant")),
			r("brugge", "Sint-Jozefkerk Brugge wordt woonproject",
					"De kerk werd verkocht en herbestemd tot een project met achttien woningen en een gemeenschappelijke tuin.",
					51.2116, 3.2146, List.of("erfgoed", "wonen"),
					church("Parochiekerk Sint-Jozef", "Woningen", "herbestemming", "niet-beschermd", "2020", "5200000",
							"west-vlaanderen"),
					"De haalbaarheidsstudie vergeleek drie scenario's; het woonscenario bleek het enige dat de restauratie van de toren kon dragen."),
			d("antwerpen", "Sint-Willibrorduskerk Antwerpen: markthal op zaterdag",
					"Nevenbestemming: op zaterdag staan er kramen van lokale producenten in de kerk.", 51.2289, 4.4283,
					"PUBLISHED", List.of("erfgoed", "economie"),
					church("Parochiekerk Sint-Willibrordus", "Overdekte markt", "nevenbestemming",
							"vastgesteld-erfgoed", "2023", "95000", "antwerpen")),
			d("kortrijk", "Sint-Elooiskerk Kortrijk: kinderopvang in de pastorie en de kerk",
					"De kerk en de pastorie werden samen herbestemd tot kinderopvang met een polyvalente zaal.",
					50.8193, 3.2577, "PUBLISHED", List.of("erfgoed", "samenleven"),
					church("Parochiekerk Sint-Elooi", "Kinderopvang en polyvalente zaal", "herbestemming",
							"niet-beschermd", "2018", "1750000", "west-vlaanderen")),
			d("hasselt", "Sint-Catharinakerk Hasselt: stille ruimte en expo",
					"Medegebruik voor tentoonstellingen van de stedelijke musea, met een stille ruimte in het koor.",
					50.9306, 5.3376, "PUBLISHED", List.of("erfgoed"),
					church("Parochiekerk Sint-Catharina", "Kerk en tentoonstellingsruimte", "medegebruik",
							"beschermd-monument", "2020", "140000", "limburg")),
			d("genk", "Sint-Martinuskerk Genk: sportzaal voor de school",
					"De kerk van Winterslag werd een sportzaal voor de naburige school en de wijkverenigingen.",
					50.9763, 5.4853, "REVIEW", List.of("erfgoed", "samenleven"),
					church("Parochiekerk Sint-Martinus", "Sportzaal", "herbestemming", "niet-beschermd", "2024",
							"1980000", "limburg")),
			d("aalst", "Sint-Jobkerk Aalst: repetitieruimte voor muziekverenigingen",
					"Medegebruik door drie muziekverenigingen, met een akoestische studie vooraf.", 50.9420, 4.0445,
					"PUBLISHED", List.of("erfgoed"),
					church("Parochiekerk Sint-Job", "Repetitieruimte", "medegebruik", "niet-beschermd", "2021", "60000",
							"oost-vlaanderen")),
			r("oostende", "Sint-Jozefkerk Oostende: herbestemming tot sportinfrastructuur",
					"De kerk werd een klimzaal: de hoogte van het schip bleek ideaal.", 51.2240, 2.9175,
					List.of("erfgoed", "economie"),
					church("Parochiekerk Sint-Jozef", "Klimzaal", "herbestemming", "niet-beschermd", "2017", "2900000",
							"west-vlaanderen"),
					"Het eindrapport van het projectbureau beschrijft de brandveiligheid en de isolatie van het dak."),
			d("roeselare", "Heilig-Hartkerk Roeselare: nog in onderzoek",
					"De stad en de kerkfabriek onderzoeken een nevenbestemming als stadsarchief.", 50.9401, 3.1274,
					"DRAFT", List.of("erfgoed"),
					church("Parochiekerk Heilig-Hart", "Stadsarchief", "nevenbestemming", "niet-beschermd", "2026", "0",
							"west-vlaanderen")),
			d("sint-niklaas", "Sint-Jozefkerk Sint-Niklaas: zorgcampus",
					"Herbestemming van de kerk tot ontmoetingscentrum van een zorgcampus met assistentiewoningen.",
					51.1594, 4.1436, "PUBLISHED", List.of("erfgoed", "wonen"),
					church("Parochiekerk Sint-Jozef", "Ontmoetingscentrum zorgcampus", "herbestemming",
							"niet-beschermd", "2022", "3400000", "oost-vlaanderen")));

	private static Map<String, String> temporary(String site, String type, String start, String end, String initiator,
			String use) {
		return Map.of("site", site, "type", type, "start", start, "einde", end, "initiatiefnemer", initiator, "gebruik",
				use);
	}

	static final List<Demo> TEMPORARY_USE = List.of(
			d("gent", "De Site: stadslandbouw op een braakliggend terrein",
					"Tijdelijke moestuinen en een buurtkeuken op een terrein dat wacht op een woonproject.", 51.0402,
					3.7514, "PUBLISHED", List.of("ruimte", "samenleven"),
					temporary("Terrein Rerum Novarumplein", "terrein", "2015-04-01", "2025-12-31", "Stad Gent",
							"Moestuinen, buurtkeuken")),
			d("antwerpen", "Leegstaand kantoor als atelierhuis",
					"Een leegstaand kantoorgebouw biedt drie jaar ateliers aan jonge kunstenaars.", 51.2167, 4.4200,
					"PUBLISHED", List.of("ruimte", "economie"),
					temporary("Kantoorgebouw Kievitwijk", "gebouw", "2023-01-01", "2026-01-01", "Vzw Ateliers",
							"Ateliers")),
			d("kortrijk", "Pop-upwinkels in de binnenstad",
					"Leegstaande winkelpanden worden tijdelijk verhuurd aan starters.", 50.8280, 3.2650, "PUBLISHED",
					List.of("economie"),
					temporary("Winkelpanden Lange Steenstraat", "bedrijfspand", "2022-03-01", "2024-03-01",
							"Stad Kortrijk", "Pop-upwinkels")),
			d("leuven", "Tijdelijk park op de oude bedrijfssite",
					"Een verharde bedrijfssite werd tijdelijk een speel- en ontmoetingsplek.", 50.8870, 4.7100,
					"PUBLISHED", List.of("ruimte", "klimaat"),
					temporary("Bedrijfssite Vaartkom", "openbare-ruimte", "2021-06-01", "2024-09-30", "Stad Leuven",
							"Park en speelplek")),
			d("mechelen", "Jeugdhuis in een leegstaande school",
					"Een school die verhuisde, biedt tijdelijk plaats aan een jeugdhuis.", 51.0260, 4.4770, "DRAFT",
					List.of("samenleven"),
					temporary("Oude school Nekkerspoel", "gebouw", "2025-09-01", "2027-06-30", "Jeugddienst",
							"Jeugdhuis")),
			d("genk", "Evenementen op het oude mijnterrein",
					"Zomerevenementen en een tijdelijke markt op een deel van het mijnterrein.", 50.9580, 5.5060,
					"PUBLISHED", List.of("economie", "erfgoed"), temporary("Mijnterrein Waterschei", "terrein",
							"2019-05-01", "2023-10-31", "Stad Genk", "Evenementen en markt")));

	static final List<Demo> URBAN_PROJECTS = List.of(
			d("antwerpen", "Nieuw Zuid", "Een nieuwe stadswijk op een voormalig spoorwegemplacement.", 51.1960, 4.3870,
					"PUBLISHED", List.of("ruimte", "wonen"),
					Map.of("fase", "uitvoering", "oppervlakte", "24", "partners", "Stad, AG Vespa, ontwikkelaars")),
			d("gent", "Oude Dokken", "Herontwikkeling van de oude havendokken tot woon- en werkwijk.", 51.0620, 3.7290,
					"PUBLISHED", List.of("ruimte", "wonen"),
					Map.of("fase", "uitvoering", "oppervlakte", "35,5", "partners", "Stad, sogent, ontwikkelaars")),
			d("leuven", "Hertogensite", "Het voormalige ziekenhuisterrein wordt een gemengde wijk.", 50.8740, 4.7110,
					"PUBLISHED", List.of("ruimte"), Map.of("fase", "planning", "oppervlakte", "6")),
			d("hasselt", "Blauwe Boulevard", "Een nieuwe stadsas langs het kanaal.", 50.9390, 5.3240, "REVIEW",
					List.of("ruimte", "economie"), Map.of("fase", "opgeleverd", "oppervlakte", "30")));

	static final List<Demo> MIXED_USE = List.of(
			d("gent", "Bedrijvenverzamelgebouw met woningen",
					"Ambachtelijke ateliers op de begane grond, woningen erboven.", 51.0550, 3.7400, "PUBLISHED",
					List.of("economie", "ruimte"),
					Map.of("projectzone", "Dok Noord", "functies", "wonen|productie", "toolbox",
							"https://www.vlaanderen.be/ruimte")),
			d("antwerpen", "Stapelen van logistiek en kantoren", "Een stadsdistributiecentrum met kantoren bovenop.",
					51.2400, 4.4150, "PUBLISHED", List.of("economie"),
					Map.of("projectzone", "Slachthuissite", "functies", "productie|kantoren")),
			d("kortrijk", "Gemengde werklocatie aan het kanaal", "Kleine bedrijven naast woningen en een buurtpark.",
					50.8350, 3.2700, "PUBLISHED", List.of("economie", "wonen"),
					Map.of("projectzone", "Kanaalzone", "functies", "wonen|productie|voorzieningen")),
			d("turnhout", "Maakbedrijven in de binnenstad", "Een voormalige drukkerij biedt plaats aan maakbedrijven.",
					51.3210, 4.9450, "DRAFT", List.of("economie"),
					Map.of("projectzone", "Stationsomgeving", "functies", "productie|handel")));

	static final List<Demo> EUROPEAN_PROJECTS = List.of(
			d("gent", "Energiearmoede aanpakken in sociale huurwoningen",
					"Renovatie en begeleiding van huurders in energiearmoede.", 51.0500, 3.7300, "PUBLISHED",
					List.of("europa", "klimaat", "armoede"),
					Map.of("programma", "efro", "start", "2023-01-01", "einde", "2026-12-31", "budget", "3200000",
							"partners", "Stad, OCMW, sociale huisvestingsmaatschappij", "rol_stad", "lead")),
			d("antwerpen", "Jongeren aan het werk", "Begeleiding van jongeren zonder diploma naar werk.", 51.2200,
					4.4000, "PUBLISHED", List.of("europa", "armoede"),
					Map.of("programma", "esf-plus", "start", "2022-07-01", "einde", "2025-06-30", "budget", "1850000",
							"rol_stad", "lead")),
			d("leuven", "Netwerk van slimme steden", "Uitwisseling over data en stedelijke diensten.", 50.8800, 4.7000,
					"PUBLISHED", List.of("europa", "data"),
					Map.of("programma", "urbact", "start", "2023-06-01", "einde", "2026-05-31", "budget", "750000",
							"partners", "Negen Europese steden", "rol_stad", "partner")),
			d("kortrijk", "Grensoverschrijdende groene as", "Een fiets- en groene as over de grens met Frankrijk.",
					50.8200, 3.2600, "REVIEW", List.of("europa", "klimaat"), Map.of("programma", "interreg", "start",
							"2024-01-01", "einde", "2027-12-31", "budget", "4100000", "rol_stad", "partner")));

	static final List<Demo> STADSGENOTEN = List.of(
			d("mechelen", "Buddy's voor nieuwkomers", "Vrijwilligers begeleiden nieuwkomers het eerste jaar.", 51.0280,
					4.4800, "PUBLISHED", List.of("samenleven"),
					Map.of("doelgroep", "Nieuwkomers", "contact", "Dienst samenleven")),
			d("genk", "Buurtsport als ontmoeting", "Sport op pleinen om buurtbewoners samen te brengen.", 50.9650,
					5.5000, "PUBLISHED", List.of("samenleven"), Map.of("doelgroep", "Jongeren en buurtbewoners")),
			d("sint-niklaas", "Taalcafé in de bibliotheek", "Nederlands oefenen in een informele sfeer.", 51.1650,
					4.1400, "PUBLISHED", List.of("samenleven"), Map.of("doelgroep", "Anderstaligen")),
			d("vgc", "Brede school in Brussel", "Scholen, jeugdwerk en buurt werken samen.", 50.8500, 4.3500, "DRAFT",
					List.of("samenleven"), Map.of("doelgroep", "Kinderen en ouders")));

	static final List<Demo> STUDIES = List.of(new Demo(null, "Leegstand en herbestemming",
			"Verkennend onderzoek naar leegstand en herbestemming in de centrumsteden.",
			"<p>Het onderzoek bundelt cijfers en cases over leegstand en de moeilijke herbestemming van kerkgebouwen.</p>",
			50.8466, 4.3528, "PUBLISHED", List.of("ruimte", "erfgoed"),
			Map.of("type", "studie", "jaar", "2013", "auteurs", "Kenniscentrum Vlaamse Steden"),
			"De steden zien leegstand als kans: tijdelijk gebruik en verweving zijn strategie\u00ebn om panden in gebruik te houden."),
			new Demo(null, "Slim verdichten", "Studie over verdichting in de centrumsteden.",
					"<p>Hoe steden kwaliteitsvol kunnen verdichten.</p>", 50.8466, 4.3528, "PUBLISHED",
					List.of("ruimte", "wonen"),
					Map.of("type", "studie", "jaar", "2015", "auteurs", "Kenniscentrum Vlaamse Steden"),
					"Verdichting vraagt een visie op open ruimte, mobiliteit en woonkwaliteit."),
			new Demo(null, "Toekomstgericht herbestemmen (presentatie)",
					"Presentatie op de studiedag over herbestemming van religieus erfgoed.",
					"<p>Presentatie van de studiedag.</p>", 50.8466, 4.3528, "PUBLISHED", List.of("erfgoed"),
					Map.of("type", "presentatie", "jaar", "2016", "auteurs", "Kenniscentrum Vlaamse Steden"),
					"Medegebruik en herbestemming vragen een dialoog met de kerkelijke instanties."));

}
