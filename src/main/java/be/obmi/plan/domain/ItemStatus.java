package be.obmi.plan.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The status an owner gives an item in a status round. */
public enum ItemStatus {

	NIET_GESTART("niet gestart"), OP_SCHEMA("op schema"), VERTRAAGD("vertraagd"), PROBLEEM("probleem"),
	AFGEROND("afgerond"), UITGESTELD("uitgesteld"), STOPGEZET("stopgezet");

	private final String label;

	ItemStatus(String label) {
		this.label = label;
	}

	/** The Dutch word used in files, e.g. {@code op schema}. */
	public String label() {
		return label;
	}

	public String messageKey() {
		return "plan.status." + name().toLowerCase(Locale.ROOT);
	}

	/** Whether this status needs attention on the dashboard. */
	public boolean alarming() {
		return this == VERTRAAGD || this == PROBLEEM;
	}

	/**
	 * Reads a status as written in a file ({@code op schema}, {@code OP_SCHEMA},
	 * {@code Op-schema}).
	 */
	public static Optional<ItemStatus> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String normal = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
		return Arrays.stream(values()).filter(s -> s.label.equals(normal)).findFirst();
	}

}
