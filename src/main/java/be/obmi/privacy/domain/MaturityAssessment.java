package be.obmi.privacy.domain;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A city's self-assessment of one year with its scores (unanswered questions are absent
 * from {@code scores}).
 */
public record MaturityAssessment(long id, int year, OffsetDateTime closedAt, String closedBy, int version,
		Map<MaturityQuestion, Integer> scores) {

	public boolean closed() {
		return closedAt != null;
	}

	/**
	 * The maturity index 0–100: the sum of the scores over the highest possible sum, an
	 * unanswered question counting as 0, rounded half up.
	 */
	public int index() {
		return index(scores);
	}

	public static int index(Map<MaturityQuestion, Integer> scores) {
		int sum = scores.values().stream().mapToInt(Integer::intValue).sum();
		int max = MaturityQuestion.values().length * MaturityQuestion.MAX_SCORE;
		return (int) Math.round(100.0 * sum / max);
	}

	public int answered() {
		return scores.size();
	}

}
