package be.obmi.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import be.obmi.plan.FinancialFigures;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Component;

/**
 * Gives the plan's council report its legal section "geraamde versus gerealiseerde
 * ontvangsten en uitgaven": per reported plan item (rolled up) and in total, from the
 * version in force of the year; and an item's figures per year (the last entry, with year
 * null, is the whole period) and per year and kind for the item page.
 */
@Component
class CouncilReportFigures implements FinancialFigures {

	private final FinanceFigures figures;

	CouncilReportFigures(FinanceFigures figures) {
		this.figures = figures;
	}

	@Override
	public Optional<Overview> overview(Tenant tenant, int year, List<String> codes) {
		FinanceFigures.Summary total = figures.summary(tenant, null, year);
		if (total.isEmpty()) {
			return Optional.empty();
		}
		List<Amounts> items = new ArrayList<>();
		for (String code : codes) {
			items.add(amounts(figures.summary(tenant, code, year)));
		}
		return Optional.of(new Overview(year, items, amounts(total)));
	}

	@Override
	public List<Amounts> perYear(Tenant tenant, String code) {
		List<Amounts> years = new ArrayList<>();
		for (Integer year : figures.years(tenant)) {
			FinanceFigures.Summary summary = figures.summary(tenant, code, year);
			if (!summary.isEmpty()) {
				years.add(amounts(summary));
			}
		}
		if (!years.isEmpty()) {
			years.add(amounts(figures.summary(tenant, code, null)));
		}
		return years;
	}

	@Override
	public List<KindAmounts> perYearAndKind(Tenant tenant, String code) {
		return figures.byYearAndKind(tenant, code)
			.stream()
			.map(k -> new KindAmounts(k.year(), k.kind(), k.expenditureEstimate(), k.expenditureRealisation(),
					k.receiptsEstimate(), k.receiptsRealisation()))
			.toList();
	}

	private static Amounts amounts(FinanceFigures.Summary s) {
		return new Amounts(s.code(), s.year(), s.expenditureEstimate(), s.expenditureRealisation(),
				s.receiptsEstimate(), s.receiptsRealisation());
	}

}
