package be.obmi.pirk;

import java.util.Map;

import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.VacancyClass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter of list, map, exports and campaigns read from and written to a query. */
class ObjectFilterTests {

	@Test
	void aQueryRoundTrips() {
		ObjectFilter filter = new ObjectFilter("VERWAARLOZING", VacancyClass.ADMINISTRATIVE, 12, "WONEN", "1202501",
				"12025A00-", 50, RealEstateKind.BUILDING, "Bruul 12");
		assertThat(ObjectFilter.from(filter.toQuery())).isEqualTo(filter);
		assertThat(filter.queryString()).isEqualTo(
				"register=VERWAARLOZING&klasse=ADMINISTRATIVE&duur=12&functie=WONEN&wijk=1202501&sector=12025A00-&score=50&soort=BUILDING&q=Bruul%2012");
		assertThat(ObjectFilter.NONE.toQuery()).isEmpty();
		assertThat(ObjectFilter.NONE.isEmpty()).isTrue();
	}

	@Test
	void unreadableValuesAreLeftOut() {
		ObjectFilter filter = ObjectFilter.from(Map.of("register", "GEEN", "klasse", "x", "duur", "99999999999999",
				"score", "-3", "soort", "kasteel", "q", "  \u0000 ", "wijk", "\u0000"));
		assertThat(filter).isEqualTo(ObjectFilter.NONE);
		assertThat(ObjectFilter.from(Map.of("q", "x".repeat(500))).text()).hasSize(200);
	}

}
