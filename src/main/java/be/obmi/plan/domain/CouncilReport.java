package be.obmi.plan.domain;

import java.util.List;
import java.util.Map;
import be.obmi.plan.FinancialFigures;

/**
 * The follow-up report to the council (opvolgingsrapportering) for one round: the status
 * of the priority goals, action plans and actions as of the round, with indicators, and
 * the round's texts on changed assumptions and financial risks. {@code finance} holds
 * estimated versus realised receipts and expenditure of the round's year per priority
 * item and in total, or is null when there are no financial figures.
 */
public record CouncilReport(Plan plan, StatusRound round, PlanTree tree, List<PlanTree.Node> priorityNodes,
		Map<ItemStatus, Integer> priorityStatusCounts, int priorityActionCount,
		Map<Long, List<Indicator.Details>> indicators, FinancialFigures.Overview finance) {

	/** The priority actions (AC) only. */
	public List<PlanTree.Node> priorityActions() {
		return priorityNodes.stream().filter(n -> n.item().type() == ItemType.AC).toList();
	}

	/** Whether the report has financial figures. */
	public boolean financeAvailable() {
		return finance != null;
	}

}
