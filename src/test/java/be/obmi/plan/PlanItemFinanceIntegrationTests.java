package be.obmi.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finance block of an item page shows the figures per year and per kind (exploitatie,
 * investering, financiering), not totals only; per year, the kinds add up to the year's
 * figures.
 */
@ObmiIntegrationTest
class PlanItemFinanceIntegrationTests {

	static final String SLUG = "aalst";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	FinancialFigures finance;

	@Test
	void theItemPageShowsFiguresPerYearAndKindThatAddUpToTheYear() {
		Tenant tenant = tenants.require(SLUG);
		Plan plan = plans.current(tenant).orElseThrow();
		PlanItem goal = items.all(plan)
			.stream()
			.filter(i -> i.type() == ItemType.BD && !finance.perYearAndKind(tenant, i.code()).isEmpty())
			.findFirst()
			.orElseThrow();
		List<FinancialFigures.KindAmounts> byKind = finance.perYearAndKind(tenant, goal.code());
		Map<Integer, BigDecimal> estimateByYear = byKind.stream()
			.collect(Collectors.groupingBy(FinancialFigures.KindAmounts::year, Collectors.reducing(BigDecimal.ZERO,
					FinancialFigures.KindAmounts::expenditureEstimate, BigDecimal::add)));
		for (FinancialFigures.Amounts year : finance.perYear(tenant, goal.code())) {
			if (year.year() != null) {
				assertThat(estimateByYear.get(year.year())).as("kinds of " + year.year())
					.isEqualByComparingTo(year.expenditureEstimate());
			}
		}

		Document page = Jsoup
			.parse(PlanHttp.as(port, "lezer." + SLUG).getText("/" + SLUG + "/plan/items/" + goal.id()));
		List<Element> rows = page.select("#finance-by-kind tbody tr");
		assertThat(rows).hasSize(byKind.size());
		for (int i = 0; i < rows.size(); i++) {
			FinancialFigures.KindAmounts amounts = byKind.get(i);
			assertThat(rows.get(i).selectFirst("th").text()).contains(String.valueOf(amounts.year()),
					amounts.kind().toLowerCase(java.util.Locale.ROOT));
		}
	}

}
