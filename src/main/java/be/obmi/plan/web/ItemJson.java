package be.obmi.plan.web;

import java.time.LocalDate;

import be.obmi.plan.domain.PlanTree;

/**
 * A plan item as the API returns it, with its latest status and rolled-up progress: null
 * without a published update under it, and on how many of its actions it is based
 * ({@code progressActions} of {@code actionCount}); see docs/modules/plan.md.
 */
record ItemJson(long id, String code, String type, String parentCode, String title, String description,
		boolean priority, String policyField, String politicalOwner, String administrativeOwner, LocalDate startDate,
		LocalDate endDate, String status, Integer progress, int progressActions, int actionCount) {

	static ItemJson of(PlanTree.Node node, String parentCode) {
		var item = node.item();
		return new ItemJson(item.id(), item.code(), item.type().name(), parentCode, item.title(), item.description(),
				item.priority(), item.policyField(), item.politicalOwner(), item.administrativeOwner(),
				item.startDate(), item.endDate(), node.status() == null ? null : node.status().name(), node.progress(),
				node.countedActions(), node.actionCount());
	}

}
