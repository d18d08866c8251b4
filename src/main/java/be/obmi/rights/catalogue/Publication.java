package be.obmi.rights.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import be.obmi.rights.domain.Eligibility;
import be.obmi.rights.domain.EligibilityRule;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs a right's example households against its rule (the published versions, with a
 * candidate version that is to be published), on every rule change and before every
 * publication: a publication whose examples fail is refused.
 */
@Service
public class Publication {

	private final JdbcClient jdbc;

	private final ExampleHouseholds examples;

	private final CityParameters cityParameters;

	Publication(JdbcClient jdbc, ExampleHouseholds examples, CityParameters cityParameters) {
		this.jdbc = jdbc;
		this.examples = examples;
		this.cityParameters = cityParameters;
	}

	/** The right's versions, newest start first; only published ones unless asked. */
	public List<RuleVersion> versions(long rightId, boolean publishedOnly) {
		return jdbc
			.sql("select id, right_id, valid_from, valid_to, rule::text as rule, legal_basis, state, "
					+ "created_by, created_at, dmn from rights.rule_version where right_id = ?"
					+ (publishedOnly ? " and state = 'PUBLISHED'" : "") + " order by valid_from desc, id desc")
			.param(rightId)
			.query(RuleVersion.class)
			.list();
	}

	/**
	 * The rule the evaluator uses: the published versions, with the candidate (when
	 * given) taking precedence from its first day; newest start first.
	 */
	public List<EligibilityRule> rule(long rightId, RuleVersion candidate) {
		List<RuleVersion> versions = new ArrayList<>(versions(rightId, true));
		if (candidate != null) {
			versions.removeIf(version -> version.id() == candidate.id());
			versions.add(candidate);
		}
		versions.sort(Comparator.comparing(RuleVersion::validFrom)
			.thenComparing(version -> candidate != null && version.id() == candidate.id())
			.reversed());
		return versions.stream().map(RuleVersion::toRule).toList();
	}

	/** Every example household of the right run against the rule with the candidate. */
	public List<ExampleResult> run(RightEntry right, RuleVersion candidate) {
		List<EligibilityRule> rule = rule(right.id(), candidate);
		List<ExampleResult> results = new ArrayList<>();
		for (ExampleHousehold example : examples.of(right.id())) {
			Map<String, BigDecimal> parameters = right.shared() ? cityParameters.of(example.tenantId(), right.id())
					: Map.of();
			try {
				Eligibility.Outcome outcome = Eligibility.evaluate(rule, parameters,
						RuleJson.answers(example.answers()), example.asOf());
				results.add(new ExampleResult(example, outcome.verdict(), outcome));
			}
			catch (IllegalStateException ex) {
				results.add(new ExampleResult(example, null, null));
			}
		}
		return results;
	}

	/**
	 * The examples that fail with the candidate version (null: the published rule);
	 * refused when the right would have no rule at all.
	 */
	public List<ExampleResult> failingExamples(RightEntry right, RuleVersion candidate) {
		if (candidate == null && versions(right.id(), true).isEmpty()) {
			throw new RefusedStateException(Reason.of("rights.refused.noRule"));
		}
		return run(right, candidate).stream().filter(result -> !result.passed()).toList();
	}

}
