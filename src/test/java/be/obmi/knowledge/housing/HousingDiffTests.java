package be.obmi.knowledge.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.obmi.tenancy.Tenant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diff lists exactly the instruments added, ended or changed (link or note) per city,
 * and nothing for an unchanged one, a changed date or a change to one not in use.
 */
class HousingDiffTests {

	static final Tenant GENT = new Tenant(1, "gent", "Gent", "44021", "#000000", "#ffffff", Tenant.Kind.GEMEENTE, 0,
			true);

	static final HousingInstrument A = instrument("5.A.1");

	static final HousingInstrument B = instrument("5.A.2");

	static final HousingInstrument C = instrument("5.A.3");

	static final HousingInstrument D = instrument("6.A.1");

	static final HousingInstrument E = instrument("6.A.2");

	static final HousingInstrument F = instrument("6.A.3");

	@Test
	void listsExactlyTheAddedEndedAndChangedInstruments() {
		InstrumentState on = new InstrumentState(true, "https://gent.be/a", "noot", LocalDate.of(2020, 1, 1));
		HousingMatrix from = matrix(Map.of("5.A.1", on, "5.A.2", on, "5.A.3", on, "6.A.1", on, "6.A.3",
				new InstrumentState(false, null, "oud", null)));
		HousingMatrix to = matrix(Map.of("5.A.1", on, // unchanged
				"5.A.2", new InstrumentState(false, on.regulationUrl(), on.note(), on.since()), // ended
				"5.A.3", new InstrumentState(true, "https://gent.be/nieuw", "noot", on.since()), // link
																									// changed
				"6.A.1", new InstrumentState(true, on.regulationUrl(), on.note(), LocalDate.of(2024, 1, 1)), // date
																												// only
				"6.A.2", on, // added
				"6.A.3", new InstrumentState(false, null, "nieuw", null))); // not in use
																			// either way
		assertThat(HousingDiff.between(from, to).lines()).extracting(l -> l.instrument().code() + " " + l.kind())
			.containsExactly("5.A.2 ENDED", "5.A.3 CHANGED", "6.A.2 ADDED");
	}

	static HousingMatrix matrix(Map<String, InstrumentState> states) {
		return new HousingMatrix(null, List.of(GENT), List.of(A, B, C, D, E, F), Map.of(GENT.id(), states), false);
	}

	static HousingInstrument instrument(String code) {
		return new HousingInstrument(code, code.substring(0, 1), "H", "C", code.substring(2), code, code);
	}

}
