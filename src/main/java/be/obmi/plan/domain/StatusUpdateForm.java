package be.obmi.plan.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What an owner fills in for one item in a round. */
public record StatusUpdateForm(@NotNull(message = "Kies een status.") ItemStatus status,
		@Min(value = 0, message = "Voortgang ligt tussen 0 en 100.") @Max(value = 100, message = "Voortgang ligt tussen 0 en 100.") int progress,
		String narrative, String bottlenecks, String nextSteps, int version) {

	public static StatusUpdateForm of(StatusUpdate update) {
		return update == null ? new StatusUpdateForm(ItemStatus.OP_SCHEMA, 0, null, null, null, -1)
				: new StatusUpdateForm(update.status(), update.progress(), update.narrative(), update.bottlenecks(),
						update.nextSteps(), update.version());
	}

}
