package be.obmi.privacy.domain;

/**
 * The three feared events of the CNIL method, or a risk with its own title.
 */
public enum RiskKind {

	ILLEGITIMATE_ACCESS, UNWANTED_MODIFICATION, DISAPPEARANCE, OTHER;

	public String messageKey() {
		return "privacy.dpia.risk.kind." + name();
	}

}
