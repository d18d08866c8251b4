package be.obmi.plan.web;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import be.obmi.plan.PolicyField;
import be.obmi.plan.PolicyFields;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanTree;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters the dashboard, the action list, the timeline and the map share (GET
 * parameters, all optional): the goal an action belongs to, its political owner
 * (schepen), its administrative owner (department), its beleidsveld and the status it
 * shows. They select <em>actions</em>; the progress of a selection is rolled up by
 * {@link PlanTree} over the selected actions and their ancestors ({@link #scope}).
 */
public record PlanFilter(Long goal, String alderman, String department, String field, ItemStatus status) {

	/** The choices of the filter form, from the actions of a plan. */
	public record Choices(List<PlanItem> goals, List<String> aldermen, List<String> departments,
			List<PolicyField> fields) {

		static Choices of(PlanTree tree, PolicyFields policyFields) {
			List<PlanItem> actions = tree.flatten()
				.stream()
				.map(PlanTree.Node::item)
				.filter(i -> i.type() == ItemType.AC)
				.toList();
			return new Choices(tree.roots().stream().map(PlanTree.Node::item).toList(),
					distinct(actions, PlanItem::politicalOwner), distinct(actions, PlanItem::administrativeOwner),
					distinct(actions, PlanItem::policyField).stream()
						.map(code -> policyFields.byCode(code).orElse(new PolicyField(code, code, "", "")))
						.toList());
		}

		private static List<String> distinct(List<PlanItem> actions, Function<PlanItem, String> value) {
			return actions.stream()
				.map(value)
				.filter(v -> v != null && !v.isBlank())
				.distinct()
				.sorted(Comparator.comparing(String::toLowerCase))
				.toList();
		}

	}

	public PlanFilter {
		alderman = blankToNull(alderman);
		department = blankToNull(department);
		field = blankToNull(field);
	}

	/** No filter: every action. */
	static final PlanFilter NONE = new PlanFilter(null, null, null, null, null);

	public boolean active() {
		return goal != null || alderman != null || department != null || field != null || status != null;
	}

	/** Whether an action passes every filter; goals and action plans never do. */
	boolean matches(PlanTree tree, PlanTree.Node node) {
		PlanItem item = node.item();
		return item.type() == ItemType.AC && (goal == null || goal == tree.goalOf(node).item().id())
				&& (alderman == null || alderman.equals(item.politicalOwner()))
				&& (department == null || department.equals(item.administrativeOwner()))
				&& (field == null || field.equals(item.policyField())) && (status == null || status == node.status());
	}

	/** The matching actions in tree order. */
	List<PlanTree.Node> actions(PlanTree tree) {
		return tree.flatten().stream().filter(n -> matches(tree, n)).toList();
	}

	/**
	 * The items of the selection: the matching actions with their ancestors (every item
	 * without a filter), for a {@link PlanTree} whose roll-up covers only the selection.
	 */
	List<PlanItem> scope(PlanTree tree) {
		List<PlanTree.Node> nodes = active() ? tree.matching(n -> matches(tree, n)) : tree.flatten();
		return nodes.stream().map(PlanTree.Node::item).toList();
	}

	/** This filter with another status (null: any). */
	PlanFilter withStatus(ItemStatus other) {
		return new PlanFilter(goal, alderman, department, field, other);
	}

	/** This filter with another goal (null: any). */
	PlanFilter withGoal(Long other) {
		return new PlanFilter(other, alderman, department, field, status);
	}

	/** A link to {@code path} with this filter's parameters (only those that are set). */
	public String href(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (goal != null) {
			uri.queryParam("goal", goal);
		}
		param(uri, "alderman", alderman);
		param(uri, "department", department);
		param(uri, "field", field);
		if (status != null) {
			uri.queryParam("status", status.name());
		}
		return uri.encode().build().toUriString();
	}

	/** A link to {@code path} with this filter and {@code other} as status. */
	public String href(String path, ItemStatus other) {
		return withStatus(other).href(path);
	}

	/** A link to {@code path} with this filter, {@code goalId} as goal and a status. */
	public String href(String path, Long goalId, ItemStatus other) {
		return withGoal(goalId).withStatus(other).href(path);
	}

	private static void param(UriComponentsBuilder uri, String name, String value) {
		if (value != null) {
			uri.queryParam(name, value);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
