package be.obmi.privacy.domain;

/** What kind of body an organisation linked to a city is. */
public enum OrganisationKind {

	STAD, OCMW, AGB, POLITIEZONE, HULPVERLENINGSZONE, INTERGEMEENTELIJK, VZW, ANDERE;

	public String messageKey() {
		return "privacy.kind." + name();
	}

}
