package be.obmi.privacy.domain;

/**
 * Where a processing activity stands: drafted by a service, completed (every mandatory
 * field filled, the service says it is done), checked by the tenant's DPO. Only a checked
 * activity can be published.
 */
public enum ActivityState {

	DRAFT, COMPLETED, CHECKED;

	public String messageKey() {
		return "privacy.state." + name();
	}

}
