package be.obmi.rights.domain;

import be.obmi.shared.Reason;

/**
 * The verdict of one condition on the answers: met, failed or unknown, in plain words (a
 * message code with arguments, resolved in the reader's language), and for a failed one
 * what would change it (e.g. the income ceiling), when a change is possible.
 *
 * @param change what would meet the condition, or null
 */
public record Check(Condition condition, State state, Reason reason, Reason change) {

	static Check met(Condition condition, String code, Object... arguments) {
		return new Check(condition, State.MET, Reason.of(code, arguments), null);
	}

	static Check failed(Condition condition, String code, Object... arguments) {
		return new Check(condition, State.FAILED, Reason.of(code, arguments), null);
	}

	static Check unknown(Condition condition, String code, Object... arguments) {
		return new Check(condition, State.UNKNOWN, Reason.of(code, arguments), null);
	}

	/** The same verdict with what would change it. */
	Check changedBy(String code, Object... arguments) {
		return new Check(condition, state, reason, Reason.of(code, arguments));
	}

	/** Whether the condition holds, fails or cannot be told yet. */
	public enum State {

		MET, FAILED, UNKNOWN

	}

}
