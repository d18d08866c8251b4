package be.obmi.privacy.domain;

/**
 * Where a DPIA stands: written by an evaluator (DRAFT), submitted for validation, then
 * validated or sent back (REJECTED: changes asked, editable again).
 */
public enum DpiaState {

	DRAFT, SUBMITTED, VALIDATED, REJECTED;

	/** Whether the evaluator may still change its content. */
	public boolean editable() {
		return this == DRAFT || this == REJECTED;
	}

	public String messageKey() {
		return "privacy.dpia.state." + name();
	}

}
