package be.obmi.rights.explorer;

import java.util.List;
import java.util.Set;

import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.domain.Eligibility;
import be.obmi.rights.domain.Question;

/**
 * The answer of the questionnaire so far: the rights in three groups, and the questions
 * that can still change an outcome (the next one first).
 */
public record Exploration(List<Finding> eligible, List<Finding> maybe, List<Finding> notEligible, List<Question> open) {

	/** The next question to ask, null when none can change an outcome any more. */
	public Question next() {
		return open.isEmpty() ? null : open.getFirst();
	}

	public boolean asks(Question question) {
		return open.contains(question);
	}

	public Set<Question> openSet() {
		return Set.copyOf(open);
	}

	/** One right with its outcome and the city's amount or advantage. */
	public record Finding(RightEntry right, Eligibility.Outcome outcome) {

	}

}
