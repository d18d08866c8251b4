package be.obmi.rights.domain;

/** Social statutes that rights commonly depend on. */
public enum SocialStatute {

	/** Verhoogde tegemoetkoming (increased reimbursement of health care). */
	VERHOOGDE_TEGEMOETKOMING,
	/** Leefloon (integration income) from the OCMW. */
	LEEFLOON,
	/** UiTPAS with kansentarief. */
	UITPAS_KANSENTARIEF,
	/** A recognised disability (inkomensvervangende/integratietegemoetkoming). */
	HANDICAP,
	/** Unemployment benefit. */
	WERKLOOSHEID,
	/** A guaranteed income for the elderly (IGO). */
	IGO;

	public String messageKey() {
		return "rights.statute." + name().toLowerCase().replace("_", "");
	}

}
