package be.obmi.plan.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What changed between the previous and the latest round with published updates, for a
 * selection of items: the status counts of the actions and the progress, both as of each
 * round from the published updates only (that round or earlier), rolled up by
 * {@link PlanTree}. {@code previous} is null when there is only one such round.
 */
public record RoundChange(StatusRound latest, StatusRound previous, List<StatusCount> statuses, Integer latestProgress,
		Integer previousProgress) {

	/** How many actions had a status as of each round. */
	public record StatusCount(ItemStatus status, int latest, int previous) {

		public int difference() {
			return latest - previous;
		}

	}

	static RoundChange of(StatusRound latest, PlanTree latestTree, StatusRound previous, PlanTree previousTree) {
		Map<ItemStatus, Integer> now = latestTree.statusCounts();
		Map<ItemStatus, Integer> before = previousTree == null ? Map.of() : previousTree.statusCounts();
		List<StatusCount> counts = Arrays.stream(ItemStatus.values())
			.map(s -> new StatusCount(s, now.getOrDefault(s, 0), before.getOrDefault(s, 0)))
			.toList();
		return new RoundChange(latest, previous, counts, latestTree.progress(),
				previousTree == null ? null : previousTree.progress());
	}

	/**
	 * The change of progress in percentage points; null without a previous round or when
	 * either round has no progress.
	 */
	public Integer progressDifference() {
		return latestProgress == null || previousProgress == null ? null : latestProgress - previousProgress;
	}

}
