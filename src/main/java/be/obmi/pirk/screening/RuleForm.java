package be.obmi.pirk.screening;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of a rule as the page sends them: up to {@link #SLOTS} conditions
 * as parallel lists (kind, operator, threshold as typed; a slot without kind is empty),
 * with the version the editor loaded (0 for a new rule).
 */
public record RuleForm(
		@NotBlank(message = "{pirk.rule.name.required}") @Size(max = 200, message = "{pirk.field.tooLong}") String name,
		@Size(max = 2000, message = "{pirk.field.tooLong}") String description,
		@NotNull(message = "{pirk.rule.combinator.required}") @Pattern(regexp = "AND|OR",
				message = "{pirk.rule.combinator.required}") String combinator,
		@NotNull(message = "{pirk.rule.score.range}") @Min(value = 1, message = "{pirk.rule.score.range}") @Max(
				value = 100, message = "{pirk.rule.score.range}") Integer score,
		@NotNull(message = "{pirk.rule.marks.required}") @Pattern(regexp = "SUSPECTED|ADMINISTRATIVE",
				message = "{pirk.rule.marks.required}") String marks,
		boolean active, @Size(max = SLOTS) List<@Size(max = 40) String> kind,
		@Size(max = SLOTS) List<@Size(max = 20) String> operator,
		@Size(max = SLOTS) List<@Size(max = 40) String> threshold, int version) {

	/** How many condition slots the page offers. */
	public static final int SLOTS = 4;

	public RuleForm {
		kind = kind == null ? List.of() : kind;
		operator = operator == null ? List.of() : operator;
		threshold = threshold == null ? List.of() : threshold;
	}

	public static RuleForm empty() {
		return new RuleForm(null, null, "AND", 50, "SUSPECTED", true, List.of(), List.of(), List.of(), 0);
	}

	public static RuleForm of(Rule rule) {
		List<String> kinds = new ArrayList<>();
		List<String> operators = new ArrayList<>();
		List<String> thresholds = new ArrayList<>();
		for (Rule.Condition c : rule.conditions()) {
			kinds.add(c.kind().name());
			operators.add(c.operator().name());
			thresholds.add(c.threshold() == null ? "" : c.threshold().stripTrailingZeros().toPlainString());
		}
		return new RuleForm(rule.name(), rule.description(), rule.combinator().name(), rule.score(),
				rule.marks().name(), rule.active(), kinds, operators, thresholds, rule.version());
	}

	/** The value of slot {@code i} of a list, "" when absent. */
	public static String slot(List<String> values, int i) {
		return i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
	}

	public String kindAt(int i) {
		return slot(kind, i);
	}

	public String operatorAt(int i) {
		return slot(operator, i);
	}

	public String thresholdAt(int i) {
		return slot(threshold, i);
	}

}
