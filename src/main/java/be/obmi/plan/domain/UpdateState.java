package be.obmi.plan.domain;

import java.util.Locale;

/**
 * Where a status update is in its workflow: concept → ingediend → goedgekeurd →
 * gepubliceerd.
 */
public enum UpdateState {

	CONCEPT, INGEDIEND, GOEDGEKEURD, GEPUBLICEERD;

	public String messageKey() {
		return "plan.state." + name().toLowerCase(Locale.ROOT);
	}

}
