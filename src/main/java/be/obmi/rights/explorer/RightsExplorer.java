package be.obmi.rights.explorer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.obmi.rights.catalogue.CityParameters;
import be.obmi.rights.catalogue.Publication;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.Condition;
import be.obmi.rights.domain.Eligibility;
import be.obmi.rights.domain.EligibilityRule;
import be.obmi.rights.domain.Question;

import org.springframework.stereotype.Service;

/**
 * Evaluates a city's published rights (its own and the shared ones, with its top-up) on a
 * person's answers as of a day; stores nothing.
 */
@Service
public class RightsExplorer {

	private final Rights rights;

	private final Publication publication;

	private final CityParameters parameters;

	RightsExplorer(Rights rights, Publication publication, CityParameters parameters) {
		this.rights = rights;
		this.publication = publication;
		this.parameters = parameters;
	}

	/** The three groups and the open questions for the answers in the city. */
	public Exploration explore(long tenantId, Answers answers, LocalDate asOf) {
		List<Exploration.Finding> eligible = new ArrayList<>();
		List<Exploration.Finding> maybe = new ArrayList<>();
		List<Exploration.Finding> notEligible = new ArrayList<>();
		List<Eligibility.Outcome> outcomes = new ArrayList<>();
		for (RightEntry right : offered(tenantId, asOf)) {
			List<EligibilityRule> rule = publication.rule(right.id(), null);
			Eligibility.Outcome outcome = Eligibility.evaluate(rule,
					right.shared() ? parameters.of(tenantId, right.id()) : Map.of(), answers, asOf);
			Exploration.Finding finding = new Exploration.Finding(right, outcome);
			switch (outcome.verdict()) {
				case ELIGIBLE -> eligible.add(finding);
				case MAYBE -> maybe.add(finding);
				case NOT_ELIGIBLE -> notEligible.add(finding);
				case NOT_IN_FORCE -> {
				}
			}
			outcomes.add(outcome);
		}
		Set<Question> open = Eligibility.openQuestions(outcomes);
		List<Question> ordered = new ArrayList<>();
		for (Question question : Question.values()) {
			if (open.contains(question)) {
				ordered.add(question);
			}
		}
		return new Exploration(eligible, maybe, notEligible, ordered);
	}

	/**
	 * The wijken and sectors that the city's published rules name (the choices of the
	 * residence question), as {@code WIJK:code} and {@code SECTOR:code}.
	 */
	public Set<String> areaChoices(long tenantId, LocalDate asOf) {
		Set<String> choices = new LinkedHashSet<>();
		for (RightEntry right : offered(tenantId, asOf)) {
			for (EligibilityRule rule : publication.rule(right.id(), null)) {
				List<Condition> conditions = new ArrayList<>(rule.all());
				conditions.addAll(rule.none());
				for (Condition condition : conditions) {
					if (condition instanceof Condition.LivesIn area
							&& area.level() != Condition.LivesIn.AreaLevel.CITY) {
						area.codes().stream().sorted().forEach(code -> choices.add(area.level() + ":" + code));
					}
				}
			}
		}
		return choices;
	}

	private List<RightEntry> offered(long tenantId, LocalDate asOf) {
		return rights.visibleTo(tenantId)
			.stream()
			.filter(RightEntry::published)
			.filter(right -> right.validFrom() == null || !asOf.isBefore(right.validFrom()))
			.filter(right -> right.validTo() == null || !asOf.isAfter(right.validTo()))
			.toList();
	}

}
