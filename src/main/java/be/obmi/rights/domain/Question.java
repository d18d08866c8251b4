package be.obmi.rights.domain;

/**
 * What the questionnaire can ask. Each condition of a rule needs the answer to one
 * question; a question is asked only while a right that is still undecided needs it.
 */
public enum Question {

	/** Where the person lives: postcode or address, giving the city, wijk and sector. */
	RESIDENCE,
	/** The person's age (or birth date). */
	AGE,
	/** Who lives in the household: adults, children and their ages, single parent. */
	HOUSEHOLD,
	/** The household's yearly taxable income. */
	INCOME,
	/** The social statutes the person or household has (verhoogde tegemoetkoming, …). */
	STATUTES,
	/** How the household lives: social tenant, private tenant, owner, homeless. */
	HOUSING;

	public String messageKey() {
		return "rights.question." + name().toLowerCase();
	}

}
