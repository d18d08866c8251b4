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
 * A plan as a tree with its latest status per item and progress rolled up by the one rule
 * every page, the API and the council report use (docs/modules/plan.md, "Progress"): an
 * action's progress is that of its latest <em>published</em> update; an action without
 * one has no progress and is left out, not counted as 0. An action plan's and goal's
 * progress is the weighted mean of their children that have one (weights default to 1),
 * the plan's the weighted mean of its goals that have one; each says on how many of its
 * actions it is based ({@link Node#countedActions()} of {@link Node#actionCount()}).
 * <p>
 * The status shown next to an item may be a newer, not yet published update (internal
 * pages show submitted ones); it never changes the progress.
 */
public final class PlanTree {

	/** One item with its children, latest update and rolled-up progress. */
	public static final class Node {

		private final PlanItem item;

		private final List<Node> children = new ArrayList<>();

		private final StatusUpdate update;

		private final StatusUpdate published;

		private Double progress;

		private int counted;

		Node(PlanItem item, StatusUpdate update, StatusUpdate published) {
			this.item = item;
			this.update = update;
			this.published = published;
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

		/**
		 * Rolled-up progress in percent, rounded; null when no action under (or at) this
		 * node has a published update.
		 */
		public Integer progress() {
			return progress == null ? null : (int) Math.round(progress);
		}

		/** The latest published update, the basis of the progress, or null. */
		public StatusUpdate published() {
			return published;
		}

		/** How many actions under (or at) this node have a published update. */
		public int countedActions() {
			return counted;
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

		private Double rollUp() {
			if (item.type() == ItemType.AC || children.isEmpty()) {
				boolean counts = published != null && item.type() == ItemType.AC;
				progress = counts ? Double.valueOf(published.progress()) : null;
				counted = counts ? 1 : 0;
				return progress;
			}
			progress = weightedProgress(children);
			counted = children.stream().mapToInt(Node::countedActions).sum();
			return progress;
		}

	}

	private final List<Node> roots = new ArrayList<>();

	private final Map<Long, Node> byId = new LinkedHashMap<>();

	private Double progress;

	/**
	 * A tree whose shown status and progress both come from the published updates (the
	 * public view, the council report).
	 * @param items all items of one plan, parents before or after children
	 * @param published the latest published update per item id
	 */
	public PlanTree(List<PlanItem> items, Map<Long, StatusUpdate> published) {
		this(items, published, published);
	}

	/**
	 * @param items all items of one plan, parents before or after children
	 * @param shown the latest update per item id to show as its status (internal views:
	 * also submitted ones)
	 * @param published the latest published update per item id, the basis of progress
	 */
	public PlanTree(List<PlanItem> items, Map<Long, StatusUpdate> shown, Map<Long, StatusUpdate> published) {
		for (PlanItem item : items) {
			byId.put(item.id(), new Node(item, shown.get(item.id()), published.get(item.id())));
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

	/**
	 * The weighted mean progress of the nodes that have one, each rolled up first; null
	 * when none has one.
	 */
	private static Double weightedProgress(List<Node> nodes) {
		double sum = 0;
		double weights = 0;
		boolean any = false;
		for (Node node : nodes) {
			Double p = node.rollUp();
			if (p == null) {
				continue;
			}
			double w = weightOf(node.item);
			sum += p * w;
			weights += w;
			any = true;
		}
		if (!any) {
			return null;
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

	/**
	 * The plan's progress in percent, rounded; null when no action has a published
	 * update.
	 */
	public Integer progress() {
		return progress == null ? null : (int) Math.round(progress);
	}

	/** How many actions of the plan have a published update (the basis of progress). */
	public int countedActions() {
		return roots.stream().mapToInt(Node::countedActions).sum();
	}

	/** How many actions the plan has. */
	public int actionCount() {
		return roots.stream().mapToInt(Node::actionCount).sum();
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
