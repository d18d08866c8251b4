package be.obmi.rights.catalogue;

import java.time.LocalDate;
import java.util.List;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.rights.dmn.DmnRules;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dated versions of a right's rule: an editor saves a version as a draft (its example
 * households are run at once) and publishes it; a publication whose examples fail is
 * refused. Versions are never changed once published: a new dated version replaces an
 * older one from its first day.
 */
@Service
public class RuleVersions {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Publication publication;

	RuleVersions(JdbcClient jdbc, AuditTrail audit, Publication publication) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.publication = publication;
	}

	/** Saves a draft version; refused when the rule is not valid JSON of conditions. */
	@Transactional
	public RuleVersion draft(RightEntry right, LocalDate validFrom, LocalDate validTo, String ruleJson,
			String legalBasis, String user) {
		return draft(right, validFrom, validTo, ruleJson, null, legalBasis, user);
	}

	/**
	 * Saves a draft version decided by a DMN model (XML) besides its conditions; refused
	 * with the engine's message when the model does not parse or compile.
	 */
	@Transactional
	public RuleVersion draft(RightEntry right, LocalDate validFrom, LocalDate validTo, String ruleJson, String dmn,
			String legalBasis, String user) {
		RightForm.plausible(validFrom, validTo);
		if (validFrom == null || (validTo != null && validTo.isBefore(validFrom))) {
			throw new RefusedValueException(Reason.of("rights.refused.dates"));
		}
		String basis = legalBasis == null ? "" : legalBasis.strip();
		if (basis.length() > 500) {
			throw new RefusedValueException(Reason.of("rights.refused.tooLong"));
		}
		String model = dmn == null || dmn.isBlank() ? null : dmn.strip();
		// a DMN version may have no typed conditions at all; a typed one needs its JSON
		boolean noConditions = model != null && (ruleJson == null || ruleJson.isBlank());
		RuleJson.Body body = RuleJson.read(noConditions ? "{}" : ruleJson);
		String normalised = RuleJson.write(body);
		if (model != null) {
			if (model.length() > 500_000) {
				throw new RefusedValueException(Reason.of("rights.refused.tooLong"));
			}
			DmnRules.compile(model, body.parameters().keySet());
		}
		long id = jdbc.sql("""
				insert into rights.rule_version (right_id, valid_from, valid_to, rule, legal_basis, created_by, dmn)
				values (?, ?, ?, ?::jsonb, ?, ?, ?) returning id""")
			.params(right.id(), validFrom, validTo, normalised, basis, user, model)
			.query(Long.class)
			.single();
		audit.updated(right.tenantId(), "right", String.valueOf(right.id()), right.title(), List
			.of(new FieldChange("rule-draft:" + id, null,
					validFrom + " " + normalised + (model == null ? "" : " DMN sha256 " + DmnRules.sha256(model)))));
		return require(right, id);
	}

	public RuleVersion require(RightEntry right, long versionId) {
		return publication.versions(right.id(), false)
			.stream()
			.filter(version -> version.id() == versionId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException(Reason.of("rights.refused.unknownVersion")));
	}

	/**
	 * Publishes a draft version: refused (409) with the failing example households named
	 * when one of them does not get its expected outcome.
	 */
	@Transactional
	public RuleVersion publish(RightEntry right, long versionId) {
		RuleVersion version = require(right, versionId);
		if (version.published()) {
			throw new RefusedStateException(Reason.of("rights.refused.sameState"));
		}
		List<ExampleResult> failing = publication.failingExamples(right, version);
		if (!failing.isEmpty()) {
			throw new ExamplesFailedException(failing);
		}
		jdbc.sql("update rights.rule_version set state = 'PUBLISHED' where id = ?").param(versionId).update();
		audit.updated(right.tenantId(), "right", String.valueOf(right.id()), right.title(),
				List.of(new FieldChange("rule-version:" + versionId, "DRAFT", "PUBLISHED")));
		return require(right, versionId);
	}

}
