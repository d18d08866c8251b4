package be.obmi.pirk;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateDraft;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.pirk.importing.IndicationImport;
import be.obmi.pirk.screening.Indications;
import be.obmi.pirk.screening.RuleEvaluation;
import be.obmi.pirk.screening.RuleForm;
import be.obmi.pirk.screening.Rules;
import be.obmi.pirk.screening.Screening;
import be.obmi.pirk.screening.VisitForm;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Acceptance 2 of issue #17: a rule "no resident ≥ 12 months AND water < 10 m³" marks
 * exactly the fixture objects that satisfy it (boundaries included), each showing the
 * rule that fired; confirming one after a visit moves it from administrative to verified
 * vacancy. Also: the indications file of docs/formats/pirk-indications.md imported twice
 * changes nothing, a changed row changes the outcome, a wrong file is refused whole. Runs
 * in a tenant of its own (Boom), so the rule sees only these objects.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PirkScreeningIntegrationTests {

	static final String RULE = "Geen inwoner en weinig water";

	@Autowired
	Tenants tenants;

	@Autowired
	RealEstates objects;

	@Autowired
	IndicationImport imports;

	@Autowired
	Indications indications;

	@Autowired
	Rules rules;

	@Autowired
	RuleEvaluation evaluation;

	@Autowired
	Screening screening;

	Tenant boom;

	/** Fixture objects by name: a, e satisfy the rule; b, c, d, f do not. */
	Map<String, Long> ids;

	@BeforeAll
	void fixture() {
		boom = tenants.bySlug("boom").orElseGet(() -> tenants.add("11005", null));
		ids = Map.of("a", object("Kerkstraat", "1"), "b", object("Kerkstraat", "2"), "c", object("Kerkstraat", "3"),
				"d", object("Kerkstraat", "4"), "e", object("Kerkstraat", "5"), "f", object("Kerkstraat", "6"));
		imports.importFile(boom, "indicaties.csv", file(25), "redacteur.boom", false);
		rules.create(boom, new RuleForm(RULE, "Acceptatie 2", "AND", 60, "ADMINISTRATIVE", true,
				List.of("NO_RESIDENT", "WATER", "", ""), List.of("GE", "LT", "", ""), List.of("12", "10", "", ""), 0),
				false);
	}

	long object(String street, String number) {
		return objects
			.create(boom,
					new RealEstateDraft(RealEstateKind.BUILDING_UNIT, null, null, null, "test-" + street + number, null,
							new RealEstate.Address(street, number, null, "2850", "Boom"), "WONEN", null, false))
			.id();
	}

	/** The documented format; {@code waterB} is object b's water use. */
	byte[] file(int waterB) {
		String csv = """
				object_id;soort;van;tot;waarde;bron;opmerking
				%d;GEEN_INWONER;01/01/2025;01/03/2026;14;bevolkingsregister;
				%d;WATER;2025-01-01;2025-12-31;3;Water-link;
				%d;GEEN_INWONER;01/01/2025;01/03/2026;14;bevolkingsregister;
				%d;WATER;2025-01-01;2025-12-31;%d;Water-link;
				%d;GEEN_INWONER;01/07/2025;01/03/2026;8;bevolkingsregister;
				%d;WATER;2025-01-01;2025-12-31;2;Water-link;
				%d;WATER;2025-01-01;2025-12-31;5;Water-link;
				%d;GEEN_INWONER;01/03/2025;01/03/2026;;bevolkingsregister;maanden uit de periode
				%d;WATER;2025-01-01;2025-12-31;9,99;Water-link;
				%d;GEEN_INWONER;01/03/2024;01/03/2026;24;bevolkingsregister;
				%d;WATER;2025-01-01;2025-12-31;10;Water-link;
				""".formatted(ids.get("a"), ids.get("a"), ids.get("b"), ids.get("b"), waterB, ids.get("c"),
				ids.get("c"), ids.get("d"), ids.get("e"), ids.get("e"), ids.get("f"), ids.get("f"));
		return csv.getBytes(StandardCharsets.UTF_8);
	}

	RealEstate get(String name) {
		return objects.find(boom, ids.get(name)).orElseThrow();
	}

	@Test
	void theRuleMarksExactlyTheObjectsThatSatisfyItEachShowingTheRule() {
		assertThat(ids.keySet().stream().filter(n -> get(n).vacancyClass() == VacancyClass.ADMINISTRATIVE))
			.containsExactlyInAnyOrder("a", "e");
		for (String n : List.of("a", "e")) {
			assertThat(screening.fired(boom, ids.get(n))).singleElement().satisfies(fired -> {
				assertThat(fired.name()).isEqualTo(RULE);
				assertThat(fired.text()).isEqualTo("GEEN_INWONER >= 12 AND WATER < 10");
				assertThat(fired.marks()).isEqualTo(VacancyClass.ADMINISTRATIVE);
			});
			assertThat(get(n).suspicionScore()).isEqualTo(60);
		}
		for (String n : List.of("c", "d", "f")) {
			assertThat(screening.fired(boom, ids.get(n))).as(n).isEmpty();
			assertThat(get(n).vacancyClass()).as(n).isEqualTo(VacancyClass.NONE);
			assertThat(get(n).suspicionScore()).as(n).isZero();
		}
		assertThat(screening.fired(boom, ids.get("a")).getFirst().values()).extracting(Screening.Value::value)
			.containsExactly("14", "3");
		assertThat(get("a").vacantSince()).as("14 months before the end of the period")
			.isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(get("e").vacantSince()).as("months derived from the period").isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(screening.queue(boom, null, LocalDate.of(2026, 3, 1), 100)).extracting(Screening.Candidate::id)
			.containsExactlyInAnyOrder(ids.get("a"), ids.get("e"));
		assertThat(screening.queue(boom, null, LocalDate.of(2026, 3, 1), 100)).filteredOn(c -> c.id() == ids.get("a"))
			.singleElement()
			.satisfies(c -> assertThat(c.months()).as("duration in months").isEqualTo(14));
	}

	@Test
	void confirmingAfterAVisitMovesAnObjectFromAdministrativeToVerifiedVacancy() {
		long c = object("Kerkstraat", "7");
		imports.importFile(boom, "c.csv", """
				object_id;soort;van;tot;waarde
				%d;GEEN_INWONER;01/01/2024;01/01/2026;24
				%d;WATER;01/01/2025;31/12/2025;1
				""".formatted(c, c).getBytes(StandardCharsets.UTF_8), "redacteur.boom", false);
		RealEstate before = objects.find(boom, c).orElseThrow();
		assertThat(before.vacancyClass()).isEqualTo(VacancyClass.ADMINISTRATIVE);

		screening.recordVisit(boom, c, new VisitForm(LocalDate.of(2026, 2, 10), "Inspecteur Peeters", "CONFIRMED", null,
				"Rolluiken dicht, brievenbus vol", before.version()), "redacteur.boom");

		RealEstate after = objects.find(boom, c).orElseThrow();
		assertThat(after.vacancyClass()).isEqualTo(VacancyClass.VERIFIED);
		assertThat(after.vacantSince()).isEqualTo(LocalDate.of(2024, 1, 1));
		assertThat(screening.visits(boom, c)).singleElement().satisfies(v -> {
			assertThat(v.classBefore()).isEqualTo(VacancyClass.ADMINISTRATIVE);
			assertThat(v.classAfter()).isEqualTo(VacancyClass.VERIFIED);
			assertThat(v.visitor()).isEqualTo("Inspecteur Peeters");
			assertThat(v.recordedBy()).isEqualTo("redacteur.boom");
		});
		evaluation.evaluate(boom);
		assertThat(objects.find(boom, c).orElseThrow().vacancyClass()).as("a visit's finding is never overwritten")
			.isEqualTo(VacancyClass.VERIFIED);
		assertThat(screening.fired(boom, c)).as("the rule still shows").hasSize(1);
	}

	@Test
	void aDismissedObjectStaysDismissedUntilNewerIndicationsAndPartlyVacantIsItsOwnClass() {
		long d = object("Kerkstraat", "8");
		imports.importFile(boom, "d.csv", """
				object_id;soort;van;tot;waarde
				%d;GEEN_INWONER;01/01/2024;01/01/2026;24
				%d;WATER;01/01/2025;31/12/2025;1
				""".formatted(d, d).getBytes(StandardCharsets.UTF_8), "redacteur.boom", false);
		screening.recordVisit(boom, d, new VisitForm(LocalDate.of(2026, 2, 1), "Inspecteur Peeters", "DISMISSED", null,
				"Bewoond door student", objects.find(boom, d).orElseThrow().version()), "redacteur.boom");
		assertThat(objects.find(boom, d).orElseThrow().vacancyClass()).isEqualTo(VacancyClass.DISMISSED);
		assertThat(objects.find(boom, d).orElseThrow().vacantSince()).isNull();
		evaluation.evaluate(boom);
		assertThat(objects.find(boom, d).orElseThrow().vacancyClass()).isEqualTo(VacancyClass.DISMISSED);

		imports.importFile(boom, "d2.csv", """
				object_id;soort;van;tot;waarde
				%d;GEEN_INWONER;01/01/2024;01/06/2026;29
				""".formatted(d).getBytes(StandardCharsets.UTF_8), "redacteur.boom", false);
		assertThat(objects.find(boom, d).orElseThrow().vacancyClass()).as("newer indications than the visit")
			.isEqualTo(VacancyClass.ADMINISTRATIVE);

		screening.recordVisit(boom, d, new VisitForm(LocalDate.of(2026, 6, 2), "Inspecteur Peeters", "PARTLY_VACANT",
				40, "Bovenverdieping leeg", objects.find(boom, d).orElseThrow().version()), "redacteur.boom");
		assertThat(objects.find(boom, d).orElseThrow().vacancyClass()).isEqualTo(VacancyClass.PARTLY_VACANT);
		assertThat(screening.visits(boom, d).getFirst().vacantShare()).isEqualTo(40);
	}

	@Test
	void theSameFileTwiceChangesNothingAndAChangedRowChangesTheOutcome() {
		int before = indications.of(boom, ids.get("b")).size();
		IndicationImport.Summary again = imports.importFile(boom, "indicaties.csv", file(25), "redacteur.boom", false);
		assertThat(again.status()).isEqualTo("UNCHANGED");
		assertThat(again.created() + again.updated()).isZero();
		assertThat(indications.of(boom, ids.get("b"))).hasSize(before);
		assertThat(get("b").vacancyClass()).isEqualTo(VacancyClass.NONE);

		IndicationImport.Summary changed = imports.importFile(boom, "indicaties.csv", file(4), "redacteur.boom", false);
		assertThat(changed.updated()).isEqualTo(1);
		assertThat(changed.created()).isZero();
		assertThat(get("b").vacancyClass()).isEqualTo(VacancyClass.ADMINISTRATIVE);
		assertThat(screening.fired(boom, ids.get("b"))).extracting(Screening.FiredRule::name).containsExactly(RULE);

		imports.importFile(boom, "indicaties.csv", file(25), "redacteur.boom", false);
		assertThat(get("b").vacancyClass()).as("back to no vacancy when the rule no longer fires")
			.isEqualTo(VacancyClass.NONE);
		assertThat(screening.fired(boom, ids.get("b"))).isEmpty();
	}

	@Test
	void aWrongFileIsRefusedWholeWithRowColumnAndReason() {
		int before = indications.of(boom, ids.get("a")).size();
		String csv = """
				object_id;soort;van;tot;waarde
				%d;GEEN_INWONER;01/01/2025;01/03/2026;30
				%d;KOFFIE;01/01/2025;01/03/2026;1
				999999999;WATER;31/02/2025;01/03/2026;x
				""".formatted(ids.get("a"), ids.get("a"));
		assertThatThrownBy(() -> imports.importFile(boom, "fout.csv", csv.getBytes(StandardCharsets.UTF_8),
				"redacteur.boom", false))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					ex -> assertThat(ex.errors()).extracting(ImportError::row, ImportError::column, ImportError::code)
						.containsExactly(tuple(3, "soort", "import.pirk.indication.kindUnknown"),
								tuple(4, "object_id", "import.pirk.indication.objectUnknown"),
								tuple(4, "van", "import.pirk.indication.dateInvalid"),
								tuple(4, "waarde", "import.pirk.indication.valueInvalid")));
		assertThat(indications.of(boom, ids.get("a"))).hasSize(before);
	}

	@Test
	void anIncompleteConditionIsRefused() {
		assertThatThrownBy(
				() -> rules.create(boom,
						new RuleForm("Onvolledig", null, "OR", 10, "SUSPECTED", true, List.of("WATER"), List.of("LT"),
								List.of(""), 0),
						false))
			.isInstanceOf(RefusedValueException.class)
			.hasMessageContaining("1");
	}

}
