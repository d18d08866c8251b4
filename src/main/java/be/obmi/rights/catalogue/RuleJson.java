package be.obmi.rights.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.Condition;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a rule's conditions and of an example household's answers, as stored
 * and as editors write them: {@code {"all": [...], "none": [...], "parameters": {...}}}
 * with typed conditions ({@code {"type": "income", "ceiling": {"parameter": "ceiling"},
 * "equivalised": false}}); see docs/formats/rights-rule.md.
 */
public final class RuleJson {

	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private RuleJson() {
	}

	/** Reads a rule; refused (with the reason) when it is not a valid rule. */
	public static Body read(String text) {
		try {
			Body body = JSON.readValue(text == null ? "" : text, Body.class);
			if (body == null) {
				throw new RefusedValueException(Reason.of("rights.refused.ruleJson", "leeg"));
			}
			return body;
		}
		catch (JacksonException ex) {
			throw new RefusedValueException(Reason.of("rights.refused.ruleJson", shortMessage(ex)));
		}
	}

	/** Reads an example household's answers; refused when invalid. */
	public static Answers answers(String text) {
		try {
			Answers answers = JSON.readValue(text == null ? "" : text, Answers.class);
			if (answers == null) {
				throw new RefusedValueException(Reason.of("rights.refused.answersJson", "leeg"));
			}
			return answers;
		}
		catch (JacksonException ex) {
			throw new RefusedValueException(Reason.of("rights.refused.answersJson", shortMessage(ex)));
		}
	}

	public static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	private static String shortMessage(JacksonException ex) {
		String message = ex.getOriginalMessage();
		return message == null ? "?" : message.substring(0, Math.min(160, message.length()));
	}

	/** A rule's conditions and base parameters. */
	public record Body(List<Condition> all, List<Condition> none, Map<String, BigDecimal> parameters) {

		public Body {
			all = all == null ? List.of() : List.copyOf(all);
			none = none == null ? List.of() : List.copyOf(none);
			parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
		}

	}

}
