package be.obmi.stats.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why an observation has no value (never a zero): its code is stored in
 * {@code stats.observation.missing_reason} and written in the long import format's
 * {@code reden} column; the Swing format writes it as a number.
 */
public enum MissingReason {

	ONBEKEND("onbekend", "-99999"), GECENSUREERD("gecensureerd", "-99997"),
	NIET_VAN_TOEPASSING("niet_van_toepassing", "-99998"), LEEG("leeg", "-99996");

	private final String code;

	private final String swingCode;

	MissingReason(String code, String swingCode) {
		this.code = code;
		this.swingCode = swingCode;
	}

	public String code() {
		return code;
	}

	/** The reason a text names ({@code niet van toepassing} too), if any. */
	public static Optional<MissingReason> parse(String text) {
		String code = text.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
		return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
	}

	/** The reason of a Swing missing-value number ({@code -99999} … {@code -99996}). */
	public static Optional<MissingReason> ofSwing(String number) {
		return Arrays.stream(values()).filter(r -> r.swingCode.equals(number)).findFirst();
	}

}
