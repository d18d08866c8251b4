package be.obmi.pirk.screening;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.audit.FieldChange;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A city's screening rules, made and changed on a page without code; every change is
 * audited and re-evaluates the rules on all objects ({@link RuleEvaluation}).
 */
@Service
public class Rules {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final RuleEvaluation evaluation;

	private final RuleReader reader;

	Rules(JdbcClient jdbc, AuditTrail audit, RuleEvaluation evaluation, RuleReader reader) {
		this.jdbc = jdbc;
		this.reader = reader;
		this.audit = audit;
		this.evaluation = evaluation;
	}

	/** The tenant's rules by name. */
	public List<Rule> of(Tenant tenant) {
		return reader.of(tenant);
	}

	public Optional<Rule> find(Tenant tenant, long id) {
		return of(tenant).stream().filter(r -> r.id() == id).findFirst();
	}

	/**
	 * Adds a rule and evaluates the rules again.
	 * @throws RefusedValueException when a condition is incomplete or the name is taken
	 */
	@Transactional
	public long create(Tenant tenant, RuleForm form, boolean demo) {
		List<Rule.Condition> conditions = conditions(form);
		long id;
		try {
			id = jdbc.sql("""
					insert into pirk.rule (tenant_id, name, description, combinator, score, marks, active, demo)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(tenant.id(), form.name().strip(), blankToNull(form.description()), form.combinator(),
						form.score(), form.marks(), form.active(), demo)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new RefusedValueException(Reason.of("pirk.refused.ruleNameTaken", form.name().strip()));
		}
		storeConditions(id, conditions);
		audit.created(tenant.id(), "pirk-regel", String.valueOf(id), form.name().strip(),
				AuditFields.of(FieldChange.between("regel", null, text(form.combinator(), conditions)),
						FieldChange.between("score", null, String.valueOf(form.score()))));
		evaluation.evaluate(tenant);
		return id;
	}

	/**
	 * Changes a rule (optimistic lock on its version) and evaluates the rules again.
	 * @throws ConcurrentChangeException when someone else saved it meanwhile
	 */
	@Transactional
	public void update(Tenant tenant, long id, RuleForm form) {
		Rule old = find(tenant, id).orElseThrow(() -> new ConcurrentChangeException(Reason.of("pirk.refused.stale")));
		List<Rule.Condition> conditions = conditions(form);
		int changed;
		try {
			changed = jdbc.sql("""
					update pirk.rule set name = ?, description = ?, combinator = ?, score = ?, marks = ?, active = ?,
					    version = version + 1
					where tenant_id = ? and id = ? and version = ?""")
				.params(form.name().strip(), blankToNull(form.description()), form.combinator(), form.score(),
						form.marks(), form.active(), tenant.id(), id, form.version())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new RefusedValueException(Reason.of("pirk.refused.ruleNameTaken", form.name().strip()));
		}
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("pirk.refused.stale"));
		}
		jdbc.sql("delete from pirk.rule_condition where rule_id = ?").param(id).update();
		storeConditions(id, conditions);
		List<FieldChange> changes = Changes.between(summary(old),
				summary(new Rule(id, form.name().strip(), blankToNull(form.description()),
						Rule.Combinator.valueOf(form.combinator()), form.score(), VacancyClass.valueOf(form.marks()),
						form.active(), conditions, old.demo(), 0)));
		audit.updated(tenant.id(), "pirk-regel", String.valueOf(id), form.name().strip(), changes);
		evaluation.evaluate(tenant);
	}

	/** Deletes a rule, with what it fired on, and evaluates the rules again. */
	@Transactional
	public void delete(Tenant tenant, long id) {
		Rule old = find(tenant, id).orElseThrow(() -> new ConcurrentChangeException(Reason.of("pirk.refused.stale")));
		jdbc.sql("delete from pirk.rule where tenant_id = ? and id = ?").params(tenant.id(), id).update();
		audit.deleted(tenant.id(), "pirk-regel", String.valueOf(id), old.name(),
				AuditFields.of(FieldChange.between("regel", text(old.combinator().name(), old.conditions()), null)));
		evaluation.evaluate(tenant);
	}

	/** The rule's fields as audited. */
	record Summary(String name, String description, String rule, int score, String marks, boolean active) {
	}

	private static Summary summary(Rule r) {
		return new Summary(r.name(), r.description(), text(r.combinator().name(), r.conditions()), r.score(),
				r.marks().name(), r.active());
	}

	/** The conditions as one line, e.g. {@code GEEN_INWONER >= 12 AND WATER < 10}. */
	public static String text(String combinator, List<Rule.Condition> conditions) {
		return conditions.stream()
			.map(c -> c.kind().code() + (c.operator() == Rule.Operator.PRESENT ? ""
					: " " + c.operator().symbol() + " " + c.threshold().stripTrailingZeros().toPlainString()))
			.collect(Collectors.joining(" " + combinator + " "));
	}

	/**
	 * The filled condition slots of a form.
	 * @throws RefusedValueException naming the first incomplete slot (1-based)
	 */
	static List<Rule.Condition> conditions(RuleForm form) {
		List<Rule.Condition> conditions = new ArrayList<>();
		int slots = Math.max(form.kind().size(), Math.max(form.operator().size(), form.threshold().size()));
		for (int slot = 0; slot < Math.min(slots, RuleForm.SLOTS); slot++) {
			int i = slot;
			String kindText = RuleForm.slot(form.kind(), i);
			String operatorText = RuleForm.slot(form.operator(), i);
			String thresholdText = RuleForm.slot(form.threshold(), i);
			if (kindText.isEmpty()) {
				if (!thresholdText.isEmpty()) {
					throw new RefusedValueException(Reason.of("pirk.refused.conditionKind", i + 1));
				}
				continue;
			}
			IndicationKind kind = IndicationKind.parse(kindText)
				.orElseThrow(() -> new RefusedValueException(Reason.of("pirk.refused.conditionKind", i + 1)));
			Rule.Operator operator;
			try {
				operator = Rule.Operator.valueOf(operatorText);
			}
			catch (IllegalArgumentException ex) {
				throw new RefusedValueException(Reason.of("pirk.refused.conditionOperator", i + 1));
			}
			BigDecimal threshold = null;
			if (operator != Rule.Operator.PRESENT) {
				threshold = BelgianNumber.parse(thresholdText)
					.filter(t -> t.signum() >= 0 && t.compareTo(new BigDecimal("1000000000")) < 0)
					.orElseThrow(() -> new RefusedValueException(Reason.of("pirk.refused.conditionThreshold", i + 1)));
			}
			conditions.add(new Rule.Condition(kind, operator, threshold));
		}
		if (conditions.isEmpty()) {
			throw new RefusedValueException(Reason.of("pirk.refused.noCondition"));
		}
		return conditions;
	}

	private void storeConditions(long ruleId, List<Rule.Condition> conditions) {
		for (int i = 0; i < conditions.size(); i++) {
			Rule.Condition c = conditions.get(i);
			jdbc.sql(
					"insert into pirk.rule_condition (rule_id, position, kind, operator, threshold) values (?, ?, ?, ?, ?)")
				.params(ruleId, i + 1, c.kind().name(), c.operator().name(), c.threshold())
				.update();
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
