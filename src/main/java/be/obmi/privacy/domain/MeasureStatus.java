package be.obmi.privacy.domain;

/** How far a DPIA measure is carried out. */
public enum MeasureStatus {

	PLANNED, IN_PROGRESS, DONE;

	public String messageKey() {
		return "privacy.dpia.measure.status." + name();
	}

}
