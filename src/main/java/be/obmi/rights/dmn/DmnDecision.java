package be.obmi.rights.dmn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.Check;
import be.obmi.rights.domain.Condition;
import be.obmi.rights.domain.Decision;
import be.obmi.rights.domain.Question;
import be.obmi.shared.Reason;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.RuleAnnotation;

/**
 * A compiled DMN model as a {@link Decision} of a rule version. While an input the model
 * reads is unknown, the decision is undecided: one unknown check per question it still
 * needs (so the questionnaire asks it). With every input known, the outcome decision
 * ({@value DmnRules#OUTCOME}) gives a boolean, or a context with {@code eligible}
 * (boolean), {@code reason} (plain Dutch) and numeric outputs (e.g. {@code bedrag}, shown
 * as the amount); no matching rule means not eligible. Every check names the decision
 * table and the rule (number and annotation) that decided, as the Utrecht Virtueel
 * Inkomstenloket does.
 */
public final class DmnDecision implements Decision {

	private final DMNRuntime runtime;

	private final DMNModel model;

	private final DecisionNode outcome;

	/** The decision-table rules selected in this thread's evaluation. */
	private static final ThreadLocal<List<AfterEvaluateDecisionTableEvent>> SELECTED = ThreadLocal
		.withInitial(ArrayList::new);

	DmnDecision(DMNRuntime runtime, DMNModel model, DecisionNode outcome) {
		this.runtime = runtime;
		this.model = model;
		this.outcome = outcome;
		runtime.addListener(new DMNRuntimeEventListener() {
			@Override
			public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
				SELECTED.get().add(event);
			}
		});
	}

	@Override
	public String name() {
		return model.getName() + " / " + outcome.getName();
	}

	/** The names of the inputs the model reads. */
	public Set<String> inputs() {
		return model.getInputs()
			.stream()
			.map(InputDataNode::getName)
			.sorted()
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	@Override
	public Result decide(Answers answers, Map<String, BigDecimal> parameters) {
		DMNContext context = runtime.newContext();
		Set<Question> missing = new LinkedHashSet<>();
		for (String input : inputs()) {
			if (DmnInputs.NAMES.containsKey(input)) {
				Object value = DmnInputs.NAMES.get(input).value().apply(answers);
				if (value == null) {
					missing.add(DmnInputs.question(input, answers));
				}
				context.set(input, value);
			}
			else {
				context.set(input, parameters.get(input));
			}
		}
		if (!missing.isEmpty()) {
			List<Check> unknown = missing.stream()
				.map(question -> new Check(new Condition.Decided(name(), question), Check.State.UNKNOWN,
						Reason.of("rights.dmn.unknown", name()), null))
				.toList();
			return new Result(unknown, Map.of());
		}
		SELECTED.get().clear();
		DMNResult result = runtime.evaluateByName(model, context, outcome.getName());
		List<AfterEvaluateDecisionTableEvent> selected = List.copyOf(SELECTED.get());
		SELECTED.get().clear();
		if (result.hasErrors()) {
			throw new IllegalStateException("DMN " + name() + ": "
					+ result.getMessages(DMNMessage.Severity.ERROR)
						.stream()
						.map(DMNMessage::getText)
						.collect(Collectors.joining("; ")));
		}
		DMNDecisionResult decided = result.getDecisionResultByName(outcome.getName());
		Object value = decided == null ? null : decided.getResult();
		Boolean eligible = null;
		String reason = "";
		Map<String, BigDecimal> outputs = new LinkedHashMap<>();
		if (value instanceof Boolean flag) {
			eligible = flag;
		}
		else if (value instanceof Map<?, ?> map) {
			if (map.get(DmnRules.OUTCOME) instanceof Boolean flag) {
				eligible = flag;
			}
			if (map.get("reason") instanceof String text) {
				reason = text;
			}
			map.forEach((key, output) -> {
				if (output instanceof BigDecimal number) {
					outputs.put(String.valueOf(key), number);
				}
			});
		}
		String rule = ruleUsed(selected);
		Condition.Decided condition = new Condition.Decided(name(), Question.RESIDENCE);
		if (value == null) {
			return new Result(List
				.of(new Check(condition, Check.State.FAILED, Reason.of("rights.dmn.noRule", outcome.getName()), null)),
					outputs);
		}
		if (eligible == null) {
			throw new IllegalStateException("DMN " + name() + ": no boolean outcome but " + value);
		}
		Reason because = Reason.of(eligible ? "rights.dmn.met" : "rights.dmn.failed", outcome.getName(), rule, reason);
		return new Result(List.of(new Check(condition, eligible ? Check.State.MET : Check.State.FAILED, because, null)),
				outputs);
	}

	/** "table, rule n (annotation)" of the rules selected. */
	private String ruleUsed(List<AfterEvaluateDecisionTableEvent> events) {
		List<String> used = new ArrayList<>();
		for (AfterEvaluateDecisionTableEvent event : events) {
			for (int index : event.getSelected()) {
				String annotation = annotation(event.getNodeName(), index);
				used.add(event.getDecisionTableName() + " #" + index
						+ (annotation.isEmpty() ? "" : " (" + annotation + ")"));
			}
		}
		return used.isEmpty() ? "-" : String.join(", ", used);
	}

	private String annotation(String decisionName, int index) {
		DecisionNode node = model.getDecisionByName(decisionName);
		if (node == null || !(node.getDecision().getExpression() instanceof DecisionTable table) || index < 1
				|| index > table.getRule().size()) {
			return "";
		}
		DecisionRule rule = table.getRule().get(index - 1);
		String text = rule.getAnnotationEntry()
			.stream()
			.map(RuleAnnotation::getText)
			.filter(entry -> entry != null && !entry.isBlank())
			.collect(Collectors.joining("; "));
		if (text.isEmpty() && rule.getDescription() != null) {
			text = rule.getDescription();
		}
		return text.strip();
	}

}
