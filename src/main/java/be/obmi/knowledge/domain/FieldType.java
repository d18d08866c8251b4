package be.obmi.knowledge.domain;

/** The types of a template field; the values a case keeps for it follow the type. */
public enum FieldType {

	TEXT, RICH_TEXT, NUMBER, DATE, CHOICE, MULTI_CHOICE, LINK, LOCATION, AREA, FILE;

	/** Whether the field's values come from its list of choices. */
	public boolean choosing() {
		return this == CHOICE || this == MULTI_CHOICE;
	}

}
