package be.obmi.privacy.domain;

/** What a Kenniscentrum template is a model of. */
public enum TemplateKind {

	ACTIVITY, AGREEMENT, DPIA;

	public String messageKey() {
		return "privacy.templateKind." + name();
	}

}
