package be.obmi.privacy.domain;

/**
 * A risk of a DPIA: likelihood and severity (1–4) before the measures and the residual
 * ones after. {@code title} is the own title of an {@link RiskKind#OTHER} risk (and may
 * refine one of the three feared events).
 */
public record DpiaRisk(long id, long dpiaId, RiskKind kind, String title, String sources, String impacts,
		int likelihood, int severity, int residualLikelihood, int residualSeverity, int version) {

	/** The CNIL's level: likelihood × severity, 1–16. */
	public int level() {
		return likelihood * severity;
	}

	public int residualLevel() {
		return residualLikelihood * residualSeverity;
	}

}
