package be.obmi.pirk.mobilisation;

/** Why owner data were read: the purpose of the screen or export that showed them. */
public enum OwnerAccessPurpose {

	/** The list of mobilisation cases with the owners' names. */
	CASE_LIST,
	/** One case with its owners and notes. */
	CASE_VIEW,
	/** The owners' addresses of a campaign's letters. */
	CAMPAIGN_LETTERS;

	public String messageKey() {
		return "pirk.owner.purpose." + name().toLowerCase();
	}

}
