package be.obmi.plan.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import be.obmi.plan.FinancialFigures;
import org.springframework.beans.factory.ObjectProvider;

/** Builds the council follow-up report of a round. */
@Service
public class CouncilReports {

	private final Plans plans;

	private final PlanItems items;

	private final StatusRounds rounds;

	private final Indicators indicators;

	private final ObjectProvider<FinancialFigures> finance;

	CouncilReports(Plans plans, PlanItems items, StatusRounds rounds, Indicators indicators,
			ObjectProvider<FinancialFigures> finance) {
		this.finance = finance;
		this.plans = plans;
		this.items = items;
		this.rounds = rounds;
		this.indicators = indicators;
	}

	@Transactional(readOnly = true)
	public CouncilReport of(Tenant tenant, StatusRound round) {
		Plan plan = plans.current(tenant).orElseThrow();
		PlanTree tree = new PlanTree(items.all(plan), rounds.asOf(plan, round, false), rounds.asOf(plan, round, true));
		List<PlanTree.Node> priority = tree.matching(n -> n.item().priority() && n.item().type() == ItemType.AC);
		Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
		int actions = 0;
		for (PlanTree.Node node : priority) {
			if (node.item().type() == ItemType.AC) {
				actions++;
				if (node.status() != null) {
					counts.merge(node.status(), 1, Integer::sum);
				}
			}
		}
		Map<Long, List<Indicator.Details>> byItem = indicators.ofItems(tenant.id(),
				priority.stream().map(n -> n.item().id()).toList());
		int year = round.referenceDate().getYear();
		List<String> codes = priority.stream().map(n -> n.item().code()).toList();
		FinancialFigures figures = finance.getIfAvailable();
		FinancialFigures.Overview overview = figures == null ? null
				: figures.overview(tenant, year, codes).orElse(null);
		return new CouncilReport(plan, round, tree, priority, counts, actions, byItem, overview);
	}

}
