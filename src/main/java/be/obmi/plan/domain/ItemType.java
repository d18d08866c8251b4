package be.obmi.plan.domain;

/** The three levels of a multi-year plan: beleidsdoelstelling, actieplan and actie. */
public enum ItemType {

	BD, AP, AC;

	/**
	 * The type an item of this type must hang under; null for a BD, which has no parent.
	 */
	public ItemType parentType() {
		return switch (this) {
			case BD -> null;
			case AP -> BD;
			case AC -> AP;
		};
	}

	public String messageKey() {
		return "plan.type." + name().toLowerCase();
	}

}
