package be.obmi.privacy.domain;

/** The part the organisation acting plays in an activity. */
public enum OrganisationRole {

	CONTROLLER, JOINT_CONTROLLER, PROCESSOR, SUB_PROCESSOR;

	public String messageKey() {
		return "privacy.role." + name();
	}

}
