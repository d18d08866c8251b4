package be.obmi.plan.domain;

import java.util.List;

/**
 * A commitment of the governance agreement (bestuursakkoord) with the plan items that
 * realise it.
 */
public record Commitment(long id, String code, String title, List<PlanItem> items) {

	/** A commitment as a row, without its items. */
	public record Row(long id, String code, String title) {
	}

}
