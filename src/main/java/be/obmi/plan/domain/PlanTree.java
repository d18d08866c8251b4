package be.obmi.plan.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A plan as a tree with its latest status per item and progress rolled up: an action's
 * progress is that of its latest update (0 without one); an action plan's and goal's is
 * the weighted mean of their children's (weights default to 1), and the plan's is the
 * weighted mean of its goals.
 */
public final class PlanTree {

	/** One item with its children, latest update and rolled-up progress. */
	public static final class Node {

		private final PlanItem item;

		private final List<Node> children = new ArrayList<>();

		private final StatusUpdate update;

		private double progress;

		Node(PlanItem item, StatusUpdate update) {
			this.item = item;
			this.update = update;
		}

		public PlanItem item() {
			return item;
		}

		public List<Node> children() {
			return Collections.unmodifiableList(children);
		}

		/** The latest update that counts, or null. */
		public StatusUpdate update() {
			return update;
		}

		public ItemStatus status() {
			return update == null ? null : update.status();
		}

		/** Rolled-up progress in percent, rounded. */
		public int progress() {
			return (int) Math.round(progress);
		}

		/**
		 * Counts of the statuses of the actions under (or at) this node; actions without
		 * update under null.
		 */
		public Map<ItemStatus, Integer> statusCounts() {
			Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
			collect(this, counts);
			return counts;
		}

		public int actionCount() {
			return item.type() == ItemType.AC ? 1 : children.stream().mapToInt(Node::actionCount).sum();
		}

		private static void collect(Node node, Map<ItemStatus, Integer> counts) {
			if (node.item.type() == ItemType.AC) {
				if (node.status() != null) {
					counts.merge(node.status(), 1, Integer::sum);
				}
				return;
			}
			node.children.forEach(child -> collect(child, counts));
		}

		private double rollUp() {
			if (children.isEmpty()) {
				progress = update == null ? 0 : update.progress();
				return progress;
			}
			progress = weightedProgress(children);
			return progress;
		}

	}

	private final List<Node> roots = new ArrayList<>();

	private final Map<Long, Node> byId = new LinkedHashMap<>();

	private double progress;

	/**
	 * @param items all items of one plan, parents before or after children
	 * @param latest the latest update per item id that should count (e.g. only published
	 * ones for the public)
	 */
	public PlanTree(List<PlanItem> items, Map<Long, StatusUpdate> latest) {
		for (PlanItem item : items) {
			byId.put(item.id(), new Node(item, latest.get(item.id())));
		}
		for (Node node : byId.values()) {
			Long parentId = node.item.parentId();
			Node parent = parentId == null ? null : byId.get(parentId);
			if (parent == null) {
				roots.add(node);
			}
			else {
				parent.children.add(node);
			}
		}
		progress = weightedProgress(roots);
	}

	/** The weighted mean progress of the nodes, each rolled up first. */
	private static double weightedProgress(List<Node> nodes) {
		double sum = 0;
		double weights = 0;
		for (Node node : nodes) {
			double p = node.rollUp();
			double w = weightOf(node.item);
			sum += p * w;
			weights += w;
		}
		return weights == 0 ? 0 : sum / weights;
	}

	private static double weightOf(PlanItem item) {
		BigDecimal weight = item.weight();
		return weight == null ? 1 : weight.doubleValue();
	}

	public List<Node> roots() {
		return Collections.unmodifiableList(roots);
	}

	public Node node(long id) {
		return byId.get(id);
	}

	public int progress() {
		return (int) Math.round(progress);
	}

	/** All nodes in tree order (depth first). */
	public List<Node> flatten() {
		List<Node> out = new ArrayList<>();
		roots.forEach(root -> flatten(root, out));
		return out;
	}

	private static void flatten(Node node, List<Node> out) {
		out.add(node);
		node.children.forEach(child -> flatten(child, out));
	}

	/** The nodes matching {@code filter} and all their ancestors, in tree order. */
	public List<Node> matching(Predicate<Node> filter) {
		Map<Long, Boolean> keep = new HashMap<>();
		for (Node node : byId.values()) {
			if (filter.test(node)) {
				PlanItem item = node.item;
				keep.put(item.id(), true);
				Long parent = item.parentId();
				while (parent != null && byId.containsKey(parent)) {
					keep.put(parent, true);
					parent = byId.get(parent).item.parentId();
				}
			}
		}
		return flatten().stream().filter(n -> keep.containsKey(n.item.id())).toList();
	}

	/** The code of the goal (BD) an item belongs to. */
	public Node goalOf(Node node) {
		Node current = node;
		while (current.item.parentId() != null && byId.containsKey(current.item.parentId())) {
			current = byId.get(current.item.parentId());
		}
		return current;
	}

	/** Status counts over all actions of the plan. */
	public Map<ItemStatus, Integer> statusCounts() {
		Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
		roots.forEach(root -> root.statusCounts().forEach((k, v) -> counts.merge(k, v, Integer::sum)));
		return counts;
	}

}
