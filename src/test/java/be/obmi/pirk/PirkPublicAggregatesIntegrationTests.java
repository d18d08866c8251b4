package be.obmi.pirk;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.publication.VacancyFigures;
import be.obmi.pirk.publication.VacancyIndicators;
import be.obmi.shared.Period;
import be.obmi.stats.TenantFigures;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Acceptance 4 of issue #17, first half: the public vacancy figures are the tenant's own
 * Stad in cijfers indicators with the statistics' disclosure control — a sector with
 * fewer vacant units than the threshold is hidden — and the public page and API show
 * counts per area, never an address. A tenant of its own (Olen) keeps the counts exact;
 * its objects get their sector and vacancy the way the screening would set them.
 */
@ObmiIntegrationTest
class PirkPublicAggregatesIntegrationTests {

	static final String CENTRE = PirkFixtures.OLEN_CENTRE;

	static final String SMALL = PirkFixtures.OLEN_SMALL;

	static final String EMPTY = PirkFixtures.OLEN_EMPTY;

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	RealEstates objects;

	@Autowired
	VacancyFigures figures;

	@Autowired
	VacancyIndicators indicators;

	@Autowired
	TenantFigures stats;

	@Autowired
	JdbcClient jdbc;

	Tenant olen;

	@BeforeEach
	void inventory() {
		olen = PirkFixtures.olen(tenants, objects, jdbc, indicators);
	}

	@Test
	void theCountsFollowTheVacancyPeriods() {
		Map<String, VacancyFigures.AreaCounts> first = byCode(figures.of(olen, Period.parse("2025S1").orElseThrow()));
		assertThat(first.get(CENTRE).stock()).isEqualTo(7);
		assertThat(first.get(CENTRE).inflow()).isEqualTo(7);
		assertThat(first.get(SMALL).stock()).isEqualTo(2);
		assertThat(first.get(EMPTY).stock()).as("an area with objects but no vacancy counts 0").isZero();
		assertThat(first.get("13029").stock()).isEqualTo(9);
		Map<String, VacancyFigures.AreaCounts> second = byCode(figures.of(olen, Period.parse("2025S2").orElseThrow()));
		assertThat(second.get(CENTRE).outflow()).isEqualTo(1);
		assertThat(second.get(CENTRE).stock()).isEqualTo(6);
		assertThat(second.get("13029").averageMonths()).as("days vacant at 31/12/2025 over 30.4375, averaged")
			.isBetween(9.0, 11.0);
	}

	@Test
	void thePublicSectorIndicatorHidesCellsUnderTheThreshold() {
		List<TenantFigures.PublicCell> sectors = stats.publicCells(olen, VacancyIndicators.UNITS, "statsec", "2025S1");
		TenantFigures.PublicCell small = sectors.stream()
			.filter(c -> c.areaCode().equals(SMALL))
			.findFirst()
			.orElseThrow();
		assertThat(small.suppressed()).as("2 vacant units, threshold 5").isTrue();
		assertThat(small.value()).isNull();
		assertThat(stats.publicCells(olen, VacancyIndicators.UNITS, "gemeente", "2025S1")).singleElement()
			.satisfies(total -> assertThat(total.value()).isEqualTo(9.0));
		assertThat(stats.publicCells(olen, VacancyIndicators.DURATION, "statsec", "2025S1"))
			.as("no average of fewer units than the threshold")
			.noneMatch(c -> c.areaCode().equals(SMALL) && c.value() != null);
	}

	@Test
	void aHiddenSectorCannotBeRecomputedFromTheTotalAndTheOtherSectors() {
		List<TenantFigures.PublicCell> sectors = stats.publicCells(olen, VacancyIndicators.UNITS, "statsec", "2025S1");
		double total = stats.publicCells(olen, VacancyIndicators.UNITS, "gemeente", "2025S1").getFirst().value();
		double visible = sectors.stream().filter(c -> c.value() != null).mapToDouble(c -> c.value()).sum();
		long hidden = sectors.stream().filter(TenantFigures.PublicCell::suppressed).count();
		assertThat(hidden)
			.as("total %s, visible sectors %s: one hidden sector would be their difference", total, visible)
			.isNotEqualTo(1);
	}

	@Test
	void anAnonymousVisitorSeesCountsPerAreaButNoAddress() throws Exception {
		MockHttpServletResponse page = mvc
			.perform(get("/olen/pirk/publiek").param("niveau", "statsec").param("periode", "2025S1"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		assertThat(html).contains("Olen-Centrum").contains("afgeschermd");
		MockHttpServletResponse api = mvc
			.perform(get("/api/v1/olen/pirk/publiek").param("niveau", "statsec").param("periode", "2025S1"))
			.andReturn()
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(200);
		String json = api.getContentAsString();
		assertThat(json).contains("\"areaCode\":\"" + SMALL + "\"").contains("\"unitsHidden\":true");
		for (String text : List.of(html, json)) {
			assertThat(text).doesNotContain("Leegstraat-");
		}
	}

	private static Map<String, VacancyFigures.AreaCounts> byCode(List<VacancyFigures.AreaCounts> counts) {
		return counts.stream().collect(Collectors.toMap(VacancyFigures.AreaCounts::code, c -> c, (a, b) -> a));
	}

}
