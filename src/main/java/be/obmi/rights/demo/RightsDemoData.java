package be.obmi.rights.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

import be.obmi.rights.catalogue.CityParameters;
import be.obmi.rights.catalogue.ExampleHouseholds;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RightForm;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;

/**
 * Demo rights (only with {@code obmi.demo.enabled=true}), marked as sample data, through
 * the module's own services: three shared rights (verhoogde tegemoetkoming, the
 * Groeipakket's school allowance, a leisure participation allowance with a Gent top-up)
 * and local rights of Gent (limited to two statistical sectors) and Mechelen, each with
 * its rule and example households. Amounts and ceilings are illustrative. Loaded once: a
 * right whose code exists is skipped.
 */
@Component
class RightsDemoData implements ApplicationModuleInitializer {

	static final LocalDate FROM = LocalDate.of(2025, 1, 1);

	private final Rights rights;

	private final RuleVersions versions;

	private final ExampleHouseholds examples;

	private final CityParameters parameters;

	private final Tenants tenants;

	private final boolean enabled;

	RightsDemoData(Rights rights, RuleVersions versions, ExampleHouseholds examples, CityParameters parameters,
			Tenants tenants, @Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.rights = rights;
		this.versions = versions;
		this.examples = examples;
		this.parameters = parameters;
		this.tenants = tenants;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		Tenant gent = tenants.bySlug("gent").orElse(null);
		Tenant mechelen = tenants.bySlug("mechelen").orElse(null);
		load(null, new RightForm("verhoogde-tegemoetkoming", "Verhoogde tegemoetkoming",
				"Een hogere terugbetaling van doktersbezoeken en geneesmiddelen en een lager remgeld.", "FEDERAAL",
				"Gezondheid", "Gezinnen met een laag inkomen",
				"Uw gezinsinkomen ligt onder het plafond (verhoogd per bijkomend gezinslid), of u hebt leefloon of IGO.",
				"Vraag het aan bij uw ziekenfonds met een verklaring op erewoord.",
				"Identiteitskaart; aanslagbiljet van de personenbelasting van alle gezinsleden.", "Uw ziekenfonds",
				"Lager remgeld en een maximumfactuur",
				"https://www.riziv.fgov.be/nl/thema-s/betaalbaarheid-van-de-zorg/verhoogde-tegemoetkoming",
				"RIZIV: verhoogde tegemoetkoming", null, null), """
						{"all": [{"type": "income", "ceiling": {"parameter": "plafond"}, "equivalised": false,
						  "perDependant": {"parameter": "perGezinslid"}}],
						 "parameters": {"plafond": 26205.84, "perGezinslid": 4851.48}}""", null,
				new Example("Alleenstaande met laag inkomen",
						"{\"adults\": 1, \"childAges\": [], \"yearlyIncome\": 19000}", "ELIGIBLE"),
				new Example("Koppel boven het plafond", "{\"adults\": 2, \"childAges\": [], \"yearlyIncome\": 42000}",
						"NOT_ELIGIBLE"));
		load(null, new RightForm("groeipakket-schooltoeslag", "Schooltoeslag (Groeipakket)",
				"Een jaarlijkse toeslag voor schoolgaande kinderen in gezinnen met een bescheiden inkomen.", "VLAAMS",
				"Onderwijs", "Gezinnen met schoolgaande kinderen",
				"Minstens een kind jonger dan 25 dat naar school gaat; een gezinsinkomen onder het plafond.",
				"U hoeft niets te doen: uw uitbetaler van het Groeipakket kent de toeslag automatisch toe.", "Geen.",
				"Uw uitbetaler van het Groeipakket", "Een bedrag per kind per schooljaar",
				"https://www.groeipakket.be/schooltoeslag", "Decreet van 27 april 2018 (Groeipakket)", null, null), """
						{"all": [{"type": "children", "underAge": 25, "count": 1},
						  {"type": "income", "ceiling": {"parameter": "plafond"}, "equivalised": false}],
						 "parameters": {"plafond": 38000, "bedrag": 120}}""", null,
				new Example("Gezin met twee kinderen en laag inkomen",
						"{\"adults\": 2, \"childAges\": [6, 10], \"yearlyIncome\": 30000}", "ELIGIBLE"),
				new Example("Gezin zonder kinderen", "{\"adults\": 2, \"childAges\": [], \"yearlyIncome\": 30000}",
						"NOT_ELIGIBLE"));
		RightEntry leisure = load(null, new RightForm("vrijetijdsparticipatie", "Tegemoetkoming vrije tijd",
				"Een tegemoetkoming in de kosten van sport, cultuur en jeugdwerk.", "VLAAMS", "Vrije tijd",
				"Mensen in armoede", "U hebt de verhoogde tegemoetkoming, leefloon of een UiTPAS met kansentarief.",
				"Vraag het aan bij de sociale dienst of het UiTPAS-punt van uw stad.",
				"Identiteitskaart; bewijs van uw statuut.", "Sociale dienst van uw stad", "Een jaarlijks bedrag",
				"https://www.vlaanderen.be/participatie", "Decreet lokaal vrijetijdsbeleid", null, null),
				"""
						{"all": [{"type": "statute", "anyOf": ["VERHOOGDE_TEGEMOETKOMING", "LEEFLOON", "UITPAS_KANSENTARIEF"]}],
						 "parameters": {"bedrag": 50}}""",
				gent,
				new Example("Gentenaar met leefloon",
						"{\"statutes\": {\"VERHOOGDE_TEGEMOETKOMING\": false, \"LEEFLOON\": true, \"UITPAS_KANSENTARIEF\": false}}",
						"ELIGIBLE"));
		if (gent != null && leisure != null && parameters.of(gent.id(), leisure.id()).isEmpty()) {
			parameters.set(gent.id(), leisure, "bedrag", BigDecimal.valueOf(100));
		}
		if (gent != null) {
			load(gent.id(),
					new RightForm("energiepremie-huurders", "Gentse energiepremie voor huurders",
							"Een premie voor huurders op de private markt in de twee wijken van het energieproject.",
							"LOKAAL", "Wonen en energie", "Private huurders",
							"U huurt op de private markt, woont in het projectgebied en "
									+ "uw gezinsinkomen ligt onder het plafond.",
							"Aanvragen bij het Energiecentrum met het formulier op de website van de stad.",
							"Huurcontract; aanslagbiljet.", "Energiecentrum Gent, 09 266 52 00",
							"Premie tot 250 euro per jaar", "https://stad.gent/nl/wonen-bouwen/energiepremie",
							"Gemeenteraadsbesluit energiepremie", null, null),
					"""
							{"all": [{"type": "housing", "anyOf": ["PRIVATE_TENANT"]},
							  {"type": "area", "level": "SECTOR", "codes": ["44021A001", "44021A002"]},
							  {"type": "income", "ceiling": {"parameter": "plafond"}, "equivalised": false}],
							 "parameters": {"plafond": 35000, "bedrag": 250}}""", gent,
					new Example("Huurder in het projectgebied",
							"{\"sector\": \"44021A001\", \"housing\": \"PRIVATE_TENANT\", \"yearlyIncome\": 24000}",
							"ELIGIBLE"),
					new Example("Huurder in een naburige sector",
							"{\"sector\": \"44021A003\", \"housing\": \"PRIVATE_TENANT\", \"yearlyIncome\": 24000}",
							"NOT_ELIGIBLE"));
		}
		if (mechelen != null) {
			load(mechelen.id(), new RightForm("schoolpremie-mechelen", "Mechelse schoolpremie",
					"Een bijdrage in de schoolkosten van kinderen tot 18 jaar.", "LOKAAL", "Onderwijs",
					"Gezinnen met kinderen", "Minstens een kind jonger dan 18; een gezinsinkomen onder het plafond.",
					"Aanvragen bij het Sociaal Huis met het aanvraagformulier.", "Identiteitskaart; aanslagbiljet.",
					"Sociaal Huis Mechelen, 015 44 51 00", "75 euro per kind per schooljaar",
					"https://www.mechelen.be/schoolpremie", "Reglement schoolpremie", null, null), """
							{"all": [{"type": "children", "underAge": 18, "count": 1},
							  {"type": "income", "ceiling": {"parameter": "plafond"}, "equivalised": false}],
							 "parameters": {"plafond": 32000, "bedrag": 75}}""", mechelen,
					new Example("Alleenstaande moeder met een kind",
							"{\"adults\": 1, \"childAges\": [7], \"singleParent\": true, \"yearlyIncome\": 21000}",
							"ELIGIBLE"));
		}
	}

	private RightEntry load(Long tenantId, RightForm form, String rule, Tenant exampleCity, Example... cases) {
		if (rights.byCode(tenantId, form.code()).isPresent()) {
			return rights.byCode(tenantId, form.code()).get();
		}
		RightEntry right = rights.create(tenantId, form, true);
		for (Example example : cases) {
			examples.save(right, exampleCity == null ? null : exampleCity.id(), example.name(), example.answers(),
					FROM.plusMonths(6), example.expected());
		}
		RuleVersion version = versions.draft(right, FROM, null, rule, form.legalUrl(), "demo");
		versions.publish(right, version.id());
		return rights.publish(right);
	}

	record Example(String name, String answers, String expected) {

	}

}
