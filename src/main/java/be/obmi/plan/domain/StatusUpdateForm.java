package be.obmi.plan.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an owner fills in for one item in a round. */
public record StatusUpdateForm(@NotNull(message = "{plan.update.status.required}") ItemStatus status,
		@Min(value = 0, message = "{plan.update.progress.range}") @Max(value = 100,
				message = "{plan.update.progress.range}") int progress,
		@Size(max = 10000) String narrative, @Size(max = 10000) String bottlenecks, @Size(max = 10000) String nextSteps,
		int version) {

	public static StatusUpdateForm of(StatusUpdate update) {
		return update == null ? new StatusUpdateForm(ItemStatus.OP_SCHEMA, 0, null, null, null, -1)
				: new StatusUpdateForm(update.status(), update.progress(), update.narrative(), update.bottlenecks(),
						update.nextSteps(), update.version());
	}

}
