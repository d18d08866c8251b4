package be.obmi.pirk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateDraft;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.importing.IndicationImport;
import be.obmi.pirk.register.ExemptionForm;
import be.obmi.pirk.register.InclusionForm;
import be.obmi.pirk.register.VacancyCases;
import be.obmi.pirk.register.VacancyLevies;
import be.obmi.pirk.screening.RuleForm;
import be.obmi.pirk.screening.Rules;
import be.obmi.pirk.screening.Screening;
import be.obmi.pirk.screening.VisitForm;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo screening for Mechelen and Leuven (only with {@code obmi.demo.enabled}), all
 * marked demo ("voorbeeldgegevens"): six objects of its own, the indications file
 * {@code pirk/demo/screening/indicaties.csv} read through the import, three rules, two
 * visits (one confirmed, one dismissed) and two leegstandsregister cases dated from
 * today, so the appeal clock, a levy year, an exemption and a removal check show on the
 * deadlines page. Everything goes through the services the pages use.
 */
@Component
class ScreeningDemoData implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(ScreeningDemoData.class);

	static final String ACTOR = "demo";

	/** Streets and points (longitude, latitude) inside each city. */
	static final Map<String, List<Object[]>> PLACES = Map.of("mechelen",
			List.of(new Object[] { "Bruul", "112", "2800", 4.4790, 51.0260 },
					new Object[] { "Adegemstraat", "33", "2800", 4.4842, 51.0301 },
					new Object[] { "Hoogstraat", "58", "2800", 4.4745, 51.0222 },
					new Object[] { "Nekkerspoel", "140", "2800", 4.4935, 51.0312 },
					new Object[] { "Lange Schipstraat", "21", "2800", 4.4801, 51.0302 },
					new Object[] { "Leuvensesteenweg", "77", "2800", 4.4858, 51.0155 }),
			"leuven",
			List.of(new Object[] { "Diestsestraat", "90", "3000", 4.7085, 50.8810 },
					new Object[] { "Tiensestraat", "41", "3000", 4.7052, 50.8768 },
					new Object[] { "Brusselsestraat", "120", "3000", 4.6930, 50.8790 },
					new Object[] { "Naamsestraat", "64", "3000", 4.7010, 50.8735 },
					new Object[] { "Mechelsestraat", "18", "3000", 4.6995, 50.8830 },
					new Object[] { "Tervuursestraat", "150", "3000", 4.6890, 50.8735 }));

	private final Tenants tenants;

	private final RealEstates objects;

	private final IndicationImport imports;

	private final Rules rules;

	private final Screening screening;

	private final VacancyCases cases;

	private final VacancyLevies levies;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	ScreeningDemoData(Tenants tenants, RealEstates objects, IndicationImport imports, Rules rules, Screening screening,
			VacancyCases cases, VacancyLevies levies, JdbcClient jdbc, TransactionTemplate transaction,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.tenants = tenants;
		this.objects = objects;
		this.imports = imports;
		this.rules = rules;
		this.screening = screening;
		this.cases = cases;
		this.levies = levies;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		for (String slug : List.of("mechelen", "leuven")) {
			tenants.bySlug(slug).filter(this::withoutDemo).ifPresent(tenant -> {
				transaction.executeWithoutResult(status -> create(tenant));
				log.info("PIRK demo screening made for {}", slug);
			});
		}
	}

	private boolean withoutDemo(Tenant tenant) {
		return !jdbc.sql("select count(*) > 0 from pirk.rule where tenant_id = ? and demo")
			.param(tenant.id())
			.query(Boolean.class)
			.single();
	}

	private void create(Tenant tenant) {
		List<Long> ids = new ArrayList<>();
		int n = 1;
		for (Object[] place : PLACES.get(tenant.slug())) {
			String point = "{\"type\":\"Point\",\"coordinates\":[" + place[3] + "," + place[4] + "]}";
			ids.add(objects
				.create(tenant,
						new RealEstateDraft(RealEstateKind.BUILDING_UNIT, null, null, null, "P2DEMO-" + n++, null,
								new RealEstate.Address((String) place[0], (String) place[1], null, (String) place[2],
										tenant.name()),
								"WONEN", point, true))
				.id());
		}
		rules.create(tenant, new RuleForm("Geen inwoner en bijna geen water",
				"Geen ingeschreven inwoner sinds minstens 12 maanden en minder dan 10 m³ water per jaar (voorbeeld).",
				"AND", 60, "ADMINISTRATIVE", true, List.of("NO_RESIDENT", "WATER"), List.of("GE", "LT"),
				List.of("12", "10"), 0), true);
		rules.create(tenant, new RuleForm("Laag elektriciteitsverbruik", "Minder dan 500 kWh per jaar (voorbeeld).",
				"AND", 20, "SUSPECTED", true, List.of("ELECTRICITY"), List.of("LT"), List.of("500"), 0), true);
		rules.create(tenant,
				new RuleForm("Melding of vaststelling",
						"Een melding van een stadsdienst of een vaststelling op het terrein (voorbeeld).", "OR", 30,
						"SUSPECTED", true, List.of("SERVICE_REPORT", "FIELD_OBSERVATION"),
						List.of("PRESENT", "PRESENT"), List.of("", ""), 0),
				true);
		imports.importFile(tenant, "indicaties.csv", demoFile(), ACTOR, true);
		LocalDate today = LocalDate.now();
		visit(tenant, ids.get(0), today.minusDays(50), "CONFIRMED", "Rolluiken dicht, geen meubilair zichtbaar.");
		visit(tenant, ids.get(1), today.minusDays(800), "CONFIRMED", "Woning onbewoonbaar, ramen dichtgetimmerd.");
		visit(tenant, ids.get(3), today.minusDays(20), "DISMISSED",
				"Winkel met woonst: nieuwe huurder, nog niet ingeschreven.");
		RealEstate first = objects.find(tenant, ids.get(0)).orElseThrow();
		cases.include(tenant, new InclusionForm(first.id(), "LEEGSTAND_WONINGEN", "LR-" + today.getYear() + "-001",
				today.minusDays(40), first.vacantSince(), today.minusDays(25)), ACTOR, true);
		long second = cases.include(tenant,
				new InclusionForm(ids.get(1), "LEEGSTAND_WONINGEN", "LR-" + today.minusYears(2).getYear() + "-014",
						today.minusYears(2).minusDays(-10), today.minusYears(4), today.minusYears(2).minusDays(-14)),
				ACTOR, true);
		levies.assess(tenant, second, 1, new BigDecimal("1080.00"), today.minusYears(1).plusDays(12), ACTOR);
		levies.addExemption(tenant, second, new ExemptionForm("RENOVATION", today.minusMonths(10), today.plusDays(20),
				"Renovatie met omgevingsvergunning (voorbeeld)."), ACTOR);
		cases.decideRemoval(tenant, second, today.minusMonths(5).minusDays(20), today.minusDays(2), -1, ACTOR);
	}

	private void visit(Tenant tenant, long id, LocalDate on, String outcome, String note) {
		screening.recordVisit(tenant, id, new VisitForm(on, "Team leegstand", outcome, null, note,
				objects.find(tenant, id).orElseThrow().version()), ACTOR);
	}

	private static byte[] demoFile() {
		try (InputStream in = new ClassPathResource("pirk/demo/screening/indicaties.csv").getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
