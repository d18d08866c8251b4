package be.obmi.privacy.domain;

/**
 * The questions of the yearly GDPR maturity self-assessment, three per domain, each
 * answered 0 (absent) to 4 (embedded and reviewed). Texts in the privacy bundle
 * ({@code privacy.maturity.q.<name>}, domains {@code privacy.maturity.domain.<domain>}).
 */
public enum MaturityQuestion {

	GOVERNANCE_DPO(Domain.GOVERNANCE), GOVERNANCE_POLICY(Domain.GOVERNANCE), GOVERNANCE_REPORTING(Domain.GOVERNANCE),
	REGISTER_COMPLETE(Domain.REGISTER), REGISTER_REVIEWED(Domain.REGISTER), REGISTER_AGREEMENTS(Domain.REGISTER),
	RIGHTS_PROCEDURE(Domain.RIGHTS), RIGHTS_DEADLINES(Domain.RIGHTS), RIGHTS_INFORMATION(Domain.RIGHTS),
	SECURITY_ACCESS(Domain.SECURITY), SECURITY_BREACHES(Domain.SECURITY), SECURITY_DPIA(Domain.SECURITY),
	AWARENESS_TRAINING(Domain.AWARENESS), AWARENESS_NEWCOMERS(Domain.AWARENESS), AWARENESS_MANAGEMENT(Domain.AWARENESS);

	/** The five domains of the assessment. */
	public enum Domain {

		GOVERNANCE, REGISTER, RIGHTS, SECURITY, AWARENESS;

		public String messageKey() {
			return "privacy.maturity.domain." + name();
		}

	}

	/** The highest score of a question. */
	public static final int MAX_SCORE = 4;

	private final Domain domain;

	MaturityQuestion(Domain domain) {
		this.domain = domain;
	}

	public Domain domain() {
		return domain;
	}

	public String messageKey() {
		return "privacy.maturity.q." + name();
	}

}
