package be.obmi.plan.domain;

import java.util.List;
import java.util.Map;

/**
 * The follow-up report to the council (opvolgingsrapportering) for one round: the status of the priority goals,
 * action plans and actions as of the round, with indicators, and the round's texts on changed assumptions and
 * financial risks. Financial figures come from the finance module once it exists ({@code financeAvailable}).
 */
public record CouncilReport(Plan plan, StatusRound round, PlanTree tree, List<PlanTree.Node> priorityNodes,
		Map<ItemStatus, Integer> priorityStatusCounts, int priorityActionCount,
		Map<Long, List<Indicator.Details>> indicators, boolean financeAvailable) {

	/** The priority actions (AC) only. */
	public List<PlanTree.Node> priorityActions() {
		return priorityNodes.stream().filter(n -> n.item().type() == ItemType.AC).toList();
	}

}
