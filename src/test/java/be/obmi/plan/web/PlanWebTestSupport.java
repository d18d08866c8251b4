package be.obmi.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.plan.domain.Assignments;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.plan.domain.UpdateAttachments;
import be.obmi.plan.domain.UpdateState;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.unit.DataSize;

import static org.mockito.Mockito.when;

/**
 * Mechelen's current plan as the mocked plan services answer it: one goal with one action
 * plan and two actions, one of which has an approved update ("op schema", 60 %).
 */
abstract class PlanWebTestSupport extends WebSliceSupport {

	static final Plan PLAN = new Plan(3, MECHELEN.id(), "Meerjarenplan 2026-2031", 2026, 2031, 2, false, 0);

	static final PlanItem GOAL = item(100, null, ItemType.BD, "BD1", "Een veilige stad");

	static final PlanItem ACTION_PLAN = item(110, 100L, ItemType.AP, "AP1.1", "Veilige schoolomgevingen");

	static final PlanItem ACTION = item(111, 110L, ItemType.AC, "AC1.1.1", "Schoolstraten invoeren");

	static final PlanItem OTHER_ACTION = item(112, 110L, ItemType.AC, "AC1.1.2", "Fietspaden markeren");

	static final StatusUpdate UPDATE = new StatusUpdate(500, 20, ACTION.id(), ItemStatus.OP_SCHEMA, 60,
			"Vier schoolstraten ingevoerd.", null, null, UpdateState.GOEDGEKEURD, null, "bijdrager.mechelen", null,
			null, null, null, 1, "Voorjaar 2026", LocalDate.of(2026, 3, 31));

	/**
	 * The latest published update of the action, in the round before: the basis of
	 * progress (issue 13's one rule), while the status shown is the newer one.
	 */
	static final StatusUpdate PUBLISHED = new StatusUpdate(499, 19, ACTION.id(), ItemStatus.VERTRAAGD, 40,
			"Twee schoolstraten ingevoerd.", null, null, UpdateState.GEPUBLICEERD, null, "bijdrager.mechelen", null,
			null, null, null, 1, "Winter 2025", LocalDate.of(2025, 12, 31));

	@Autowired
	Plans plans;

	@Autowired
	PlanItems items;

	@Autowired
	StatusRounds rounds;

	@Autowired
	Assignments assignments;

	@Autowired
	UpdateAttachments attachments;

	@BeforeEach
	void mechelensPlan() {
		when(attachments.maxSize()).thenReturn(DataSize.ofMegabytes(10));
		when(plans.current(MECHELEN)).thenReturn(Optional.of(PLAN));
		when(items.all(PLAN)).thenReturn(List.of(GOAL, ACTION_PLAN, ACTION, OTHER_ACTION));
		when(rounds.latest(PLAN, false)).thenReturn(Map.of(ACTION.id(), UPDATE));
		when(rounds.latest(PLAN, true)).thenReturn(Map.of(ACTION.id(), PUBLISHED));
		for (PlanItem item : List.of(GOAL, ACTION_PLAN, ACTION, OTHER_ACTION)) {
			when(items.byId(MECHELEN, item.id())).thenReturn(Optional.of(item));
			when(items.byCode(PLAN, item.code())).thenReturn(Optional.of(item));
		}
	}

	/** The codes of the tree nodes in a model attribute, in order. */
	@SuppressWarnings("unchecked")
	static List<String> codes(MvcResult result, String attribute) {
		List<PlanTree.Node> nodes = (List<PlanTree.Node>) result.getModelAndView().getModel().get(attribute);
		return nodes.stream().map(node -> node.item().code()).toList();
	}

	static PlanItem item(long id, Long parentId, ItemType type, String code, String title) {
		return new PlanItem(id, PLAN.id(), parentId, type, code, title, null, false, "0400", "Schepen Peeters",
				"Mobiliteitsdienst", type == ItemType.AC ? "bijdrager.mechelen" : null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2031, 12, 31), null, null, null, null, BigDecimal.ONE, 0, 1);
	}

}
