package be.obmi.plan.web;

import java.util.Objects;
import java.util.Set;

import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.PlanTree;

/**
 * The filters of the public plan portal, all optional (GET parameters {@code doel},
 * {@code beleidsveld}, {@code status}, {@code wijk}, {@code q}). They apply to actions
 * with a published update only; the status is that of the published update.
 */
record PortalFilter(Long doel, String beleidsveld, ItemStatus status, String wijk, String q) {

	public boolean active() {
		return doel != null || filled(beleidsveld) || status != null || filled(wijk) || filled(q);
	}

	public boolean searching() {
		return filled(q);
	}

	/**
	 * Whether a published action matches.
	 * @param found the actions the search found (used only when {@link #searching()})
	 */
	boolean matches(PlanTree tree, PlanTree.Node action, Set<Long> found) {
		if (doel != null && tree.goalOf(action).item().id() != doel) {
			return false;
		}
		if (filled(beleidsveld) && !beleidsveld.equals(action.item().policyField())) {
			return false;
		}
		if (status != null && action.published().status() != status) {
			return false;
		}
		if (filled(wijk) && !Objects.equals(wijk, action.item().wijk())) {
			return false;
		}
		return !searching() || found.contains(action.item().id());
	}

	private static boolean filled(String value) {
		return value != null && !value.isBlank();
	}

}
