package be.obmi.privacy.domain;

/**
 * The nine criteria of the Article 29 Working Party's DPIA guidelines (WP248 rev.01),
 * also the OSLO Toestemming code list <em>Verwerkingstypes</em>: a processing that meets
 * two or more likely needs a DPIA. Their texts are in the privacy bundle
 * ({@code privacy.dpia.criterion.<name>}).
 */
public enum Wp248Criterion {

	EVALUATION_SCORING, AUTOMATED_DECISION, SYSTEMATIC_MONITORING, SENSITIVE_DATA, LARGE_SCALE, MATCHING_DATASETS,
	VULNERABLE_SUBJECTS, INNOVATIVE_TECHNOLOGY, PREVENTS_RIGHTS;

	/** From two criteria on, a DPIA is required (WP248, section III.B.a). */
	public static final int THRESHOLD = 2;

	public String messageKey() {
		return "privacy.dpia.criterion." + name();
	}

}
