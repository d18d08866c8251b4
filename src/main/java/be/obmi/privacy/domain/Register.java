package be.obmi.privacy.domain;

/**
 * The register an activity belongs to: the controller's (art. 30(1) GDPR) or the
 * processor's, for processing done on behalf of others (art. 30(2)).
 */
public enum Register {

	CONTROLLER, PROCESSOR;

	public String messageKey() {
		return "privacy.register." + name();
	}

}
