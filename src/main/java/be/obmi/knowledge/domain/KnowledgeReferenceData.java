package be.obmi.knowledge.domain;

import java.util.List;

import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;

/**
 * The knowledge bank's reference data, at every start (not only in demo): the themes and
 * the collections the Kenniscentrum keeps, with their field templates. Idempotent: a
 * collection that exists is left as it is (with its template), so editors' changes stay.
 * It does its work once per application: the demo cases and news call it first
 * (initializers within a module run in no set order), later calls return at once.
 */
@Component
public class KnowledgeReferenceData implements ApplicationModuleInitializer {

	private static final String PROVINCES = """
			antwerpen;Antwerpen;Antwerp
			limburg;Limburg;Limburg
			oost-vlaanderen;Oost-Vlaanderen;East Flanders
			vlaams-brabant;Vlaams-Brabant;Flemish Brabant
			west-vlaanderen;West-Vlaanderen;West Flanders
			brussel;Brussels Hoofdstedelijk Gewest;Brussels-Capital Region""";

	private final Themes themes;

	private final Collections collections;

	private boolean done;

	KnowledgeReferenceData(Themes themes, Collections collections) {
		this.themes = themes;
		this.collections = collections;
	}

	/** Ensures the themes and collections, once; later calls return at once. */
	@Override
	public synchronized void initialize() {
		if (done) {
			return;
		}
		List.of(new Theme("wonen", "Wonen", "Housing", 1), new Theme("ruimte", "Ruimte", "Spatial planning", 2),
				new Theme("armoede", "Armoede", "Poverty", 3), new Theme("europa", "Europa", "Europe", 4),
				new Theme("erfgoed", "Erfgoed", "Heritage", 5), new Theme("economie", "Economie", "Economy", 6),
				new Theme("data", "Data en monitoring", "Data and monitoring", 7),
				new Theme("bestuur", "Bestuur", "Governance", 8),
				new Theme("samenleven", "Samenleven", "Living together", 9),
				new Theme("klimaat", "Klimaat", "Climate", 10))
			.forEach(themes::ensure);
		kerken();
		tijdelijkGebruik();
		stadsprojecten();
		verweving();
		europeseProjecten();
		stadsgenoten();
		studies();
		done = true;
	}

	private void kerken() {
		long id = collection("kerken", "Herbestemming van kerken", "Reuse of churches",
				"Inspirerende cases van medegebruik, nevenbestemming en herbestemming van parochiekerken, met haalbaarheidsstudies en eindrapporten van de projectbureaus per provincie.",
				"Inspiring cases of shared use, secondary use and reuse of parish churches, with feasibility studies and end reports.",
				true, 1);
		field(id, "oorspronkelijke_functie", "Oorspronkelijke functie", "Original function", "TEXT", false, false,
				null);
		field(id, "nieuwe_functie", "Nieuwe functie", "New function", "TEXT", true, false, null);
		field(id, "type_hergebruik", "Type hergebruik", "Type of reuse", "CHOICE", true, true, """
				medegebruik;Medegebruik;Shared use
				nevenbestemming;Nevenbestemming;Secondary use
				herbestemming;Herbestemming;Reuse""");
		field(id, "beschermingsstatus", "Beschermingsstatus", "Protection status", "CHOICE", false, true, """
				beschermd-monument;Beschermd monument;Protected monument
				vastgesteld-erfgoed;Vastgesteld bouwkundig erfgoed;Listed architectural heritage
				niet-beschermd;Niet beschermd;Not protected""");
		field(id, "eigenaar", "Eigenaar", "Owner", "TEXT", false, false, null);
		field(id, "kerkfabriek", "Kerkfabriek", "Church council", "TEXT", false, false, null);
		field(id, "jaar", "Jaar", "Year", "NUMBER", false, false, null);
		field(id, "kostprijs", "Kostprijs (euro)", "Cost (euro)", "NUMBER", false, false, null);
		field(id, "lessen", "Lessen", "Lessons", "RICH_TEXT", false, false, null);
		field(id, "haalbaarheidsstudie", "Haalbaarheidsstudie", "Feasibility study", "FILE", false, false, null);
		field(id, "eindrapport", "Eindrapport", "End report", "FILE", false, false, null);
		field(id, "provincie", "Provincie", "Province", "CHOICE", false, true, PROVINCES);
	}

	private void tijdelijkGebruik() {
		long id = collection("tijdelijk-gebruik", "Tijdelijk gebruik", "Temporary use",
				"Leegstaande panden en terreinen die in afwachting van een nieuwe bestemming tijdelijk anders gebruikt worden.",
				"Vacant buildings and sites used differently while they await a new purpose.", true, 2);
		field(id, "site", "Site", "Site", "TEXT", true, false, null);
		field(id, "type", "Type", "Type", "CHOICE", true, true, """
				gebouw;Gebouw;Building
				terrein;Terrein;Site
				openbare-ruimte;Openbare ruimte;Public space
				bedrijfspand;Bedrijfspand;Commercial building""");
		field(id, "start", "Begin", "Start", "DATE", false, false, null);
		field(id, "einde", "Einde", "End", "DATE", false, false, null);
		field(id, "initiatiefnemer", "Initiatiefnemer", "Initiator", "TEXT", false, false, null);
		field(id, "gebruik", "Gebruik", "Use", "TEXT", false, false, null);
	}

	private void stadsprojecten() {
		long id = collection("stadsprojecten", "Complexe stadsprojecten", "Complex urban projects",
				"Complexe stadsprojecten, bijgehouden door een redactieteam van de steden.",
				"Complex urban projects, kept by an editorial team of the cities.", true, 3);
		field(id, "fase", "Fase", "Phase", "CHOICE", false, true, """
				visie;Visievorming;Vision
				planning;Planning;Planning
				uitvoering;Uitvoering;Implementation
				opgeleverd;Opgeleverd;Completed""");
		field(id, "oppervlakte", "Oppervlakte (ha)", "Area (ha)", "NUMBER", false, false, null);
		field(id, "partners", "Partners", "Partners", "TEXT", false, false, null);
		field(id, "website", "Website", "Website", "LINK", false, false, null);
	}

	private void verweving() {
		long id = collection("verweving", "Verweving", "Mixed-use work locations",
				"Verweving van wonen en werken: projectzones en de toolbox voor gemengde werklocaties.",
				"Mixing housing and work: project zones and the toolbox for mixed-use work locations.", true, 4);
		field(id, "projectzone", "Projectzone", "Project zone", "TEXT", true, false, null);
		field(id, "functies", "Functies", "Functions", "MULTI_CHOICE", false, true, """
				wonen;Wonen;Housing
				productie;Productie;Production
				kantoren;Kantoren;Offices
				handel;Handel;Retail
				voorzieningen;Voorzieningen;Facilities""");
		field(id, "toolbox", "Toolbox", "Toolbox", "LINK", false, false, null);
	}

	private void europeseProjecten() {
		long id = collection("europese-projecten", "Europese projecten", "European projects",
				"De Europese projecten van de steden, halfjaarlijks bijgewerkt door de Europa-ambtenaren.",
				"The cities' European projects, updated half-yearly by their Europe officers.", true, 5);
		field(id, "programma", "Programma", "Programme", "CHOICE", true, true, """
				efro;EFRO;ERDF
				esf-plus;ESF+;ESF+
				interreg;Interreg;Interreg
				horizon;Horizon Europe;Horizon Europe
				urbact;URBACT;URBACT
				uia;Urban Innovative Actions / EUI;Urban Innovative Actions / EUI
				life;LIFE;LIFE""");
		field(id, "start", "Begin", "Start", "DATE", false, false, null);
		field(id, "einde", "Einde", "End", "DATE", false, false, null);
		field(id, "budget", "Budget (euro)", "Budget (euro)", "NUMBER", false, false, null);
		field(id, "partners", "Partners", "Partners", "TEXT", false, false, null);
		field(id, "rol_stad", "Rol van de stad", "City role", "CHOICE", false, true, """
				lead;Hoofdpartner;Lead partner
				partner;Partner;Partner
				geassocieerd;Geassocieerde partner;Associated partner""");
	}

	private void stadsgenoten() {
		long id = collection("stadsgenoten", "Stadsgenoten", "Stadsgenoten",
				"Fiches van Stadsgenoten: hoe steden samenleven in diversiteit organiseren.",
				"Stadsgenoten fiches: how cities organise living together in diversity.", true, 6);
		field(id, "doelgroep", "Doelgroep", "Target group", "TEXT", false, false, null);
		field(id, "aanpak", "Aanpak", "Approach", "RICH_TEXT", false, false, null);
		field(id, "contact", "Contact", "Contact", "TEXT", false, false, null);
	}

	private void studies() {
		long id = collection("studies", "Studies en presentaties", "Studies and presentations",
				"De rapporten en presentaties van het Kenniscentrum, elk met zijn pdf.",
				"The Kenniscentrum's reports and presentations, each with its PDF.", false, 7);
		field(id, "type", "Type", "Type", "CHOICE", true, true, """
				studie;Studie;Study
				presentatie;Presentatie;Presentation""");
		field(id, "jaar", "Jaar", "Year", "NUMBER", false, false, null);
		field(id, "auteurs", "Auteurs", "Authors", "TEXT", false, false, null);
		field(id, "pdf", "Pdf", "PDF", "FILE", false, false, null);
	}

	private long collection(String code, String nl, String en, String descriptionNl, String descriptionEn,
			boolean citiesContribute, int position) {
		if (collections.byCode(code).isPresent()) {
			return 0;
		}
		return collections.ensureCollection(
				new Collection(0, code, nl, en, descriptionNl, descriptionEn, citiesContribute, position, 0));
	}

	private void field(long collectionId, String code, String nl, String en, String type, boolean required,
			boolean facet, String choices) {
		if (collectionId == 0) {
			return;
		}
		collections.ensureField(collectionId, new FieldForm(code, nl, en, type, choices, required, facet));
	}

}
