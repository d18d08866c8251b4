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

	/**
	 * The message key of a warning when this status and a progress contradict each other
	 * ("niet gestart" at 62 %, "afgerond" at 40 %, 100 % but not finished), or null. A
	 * warning, not a refusal: the approver sees it and decides.
	 */
	public String mismatch(int progress) {
		if (this == NIET_GESTART && progress > 0) {
			return "plan.mismatch.notStarted";
		}
		if (this == AFGEROND && progress < 100) {
			return "plan.mismatch.finished";
		}
		if (progress >= 100 && this != AFGEROND && this != STOPGEZET) {
			return "plan.mismatch.complete";
		}
		return null;
	}

	/** Whether this status needs attention on the dashboard. */
	public boolean alarming() {
		return this == VERTRAAGD || this == PROBLEEM;
	}

	/**
	 * The traffic-light colour of this status on the dashboard: red (probleem), amber
	 * (vertraagd), green (op schema, afgerond), grey for the rest. Pages show it with the
	 * status text and an icon, never by colour alone.
	 */
	public String rag() {
		return switch (this) {
			case PROBLEEM -> "red";
			case VERTRAAGD -> "amber";
			case OP_SCHEMA, AFGEROND -> "green";
			default -> "grey";
		};
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
