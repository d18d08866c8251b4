package be.obmi.privacy.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A risk as typed on the DPIA page, with the version the editor loaded (0 for a new one).
 */
public record RiskForm(@NotNull(message = "{privacy.dpia.risk.kind.required}") RiskKind kind,
		@Size(max = 300) String title, @Size(max = 10000) String sources, @Size(max = 10000) String impacts,
		@Min(value = 1, message = "{privacy.dpia.risk.scale}") @Max(value = 4,
				message = "{privacy.dpia.risk.scale}") int likelihood,
		@Min(value = 1, message = "{privacy.dpia.risk.scale}") @Max(value = 4,
				message = "{privacy.dpia.risk.scale}") int severity,
		@Min(value = 1, message = "{privacy.dpia.risk.scale}") @Max(value = 4,
				message = "{privacy.dpia.risk.scale}") int residualLikelihood,
		@Min(value = 1, message = "{privacy.dpia.risk.scale}") @Max(value = 4,
				message = "{privacy.dpia.risk.scale}") int residualSeverity,
		int version) {
}
