package be.obmi.privacy.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * The field-level difference between two JSON objects: the content of two versions of an
 * activity, or of two versions of a template (of any kind). Only the top-level fields are
 * compared, each as a whole; a field missing on one side counts as empty. The texts are
 * as the forms show them: a list one item per line, an item with parts as
 * {@code part;part} (a boolean {@code ja}/{@code nee}, the format of the forms).
 */
public final class ContentDiff {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ContentDiff() {
	}

	/**
	 * One changed field.
	 *
	 * @param field the field's code ({@link ActivityField#code()} for an activity)
	 * @param before its value before, never null ({@link NullNode} when absent)
	 * @param after its value after, never null
	 */
	public record FieldDifference(String field, JsonNode before, JsonNode after) {

		public String beforeText() {
			return text(before);
		}

		public String afterText() {
			return text(after);
		}

		/** The label's message key when the field is one of an activity's. */
		public String messageKey() {
			return "privacy.field." + field;
		}

	}

	/**
	 * The fields of two records or JSON trees that differ, in the order of their fields.
	 */
	public static List<FieldDifference> between(Object before, Object after) {
		JsonNode a = tree(before);
		JsonNode b = tree(after);
		Set<String> fields = new LinkedHashSet<>();
		fields.addAll(a.propertyNames());
		fields.addAll(b.propertyNames());
		List<FieldDifference> differences = new ArrayList<>();
		for (String field : fields) {
			JsonNode x = value(a, field);
			JsonNode y = value(b, field);
			if (!empty(x) || !empty(y)) {
				if (!Objects.equals(normal(x), normal(y))) {
					differences.add(new FieldDifference(field, x, y));
				}
			}
		}
		return differences;
	}

	/** A record or tree as a JSON object; null as an empty one. */
	public static JsonNode tree(Object value) {
		if (value == null) {
			return JSON.createObjectNode();
		}
		return value instanceof JsonNode node ? node : JSON.valueToTree(value);
	}

	/** Every top-level field of a record or tree with its text as the forms show it. */
	public static Map<String, String> texts(Object content) {
		Map<String, String> texts = new LinkedHashMap<>();
		tree(content).properties().forEach(e -> texts.put(e.getKey(), text(e.getValue())));
		return texts;
	}

	/** The value as the forms show it. */
	public static String text(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return "";
		}
		if (value.isArray()) {
			List<String> lines = new ArrayList<>();
			value.forEach(item -> lines.add(text(item)));
			return String.join("\n", lines);
		}
		if (value.isObject()) {
			return value.properties().stream().map(e -> text(e.getValue())).collect(Collectors.joining(";"));
		}
		if (value.isBoolean()) {
			return value.booleanValue() ? "ja" : "nee";
		}
		return value.asString();
	}

	/** Whether a value is empty: absent, null, a blank text, an empty list. */
	public static boolean empty(JsonNode value) {
		return value == null || value.isNull() || value.isMissingNode()
				|| (value.isString() && value.asString().isBlank())
				|| ((value.isArray() || value.isObject()) && value.isEmpty());
	}

	private static JsonNode value(JsonNode object, String field) {
		JsonNode value = object.get(field);
		return value == null ? NullNode.getInstance() : value;
	}

	/** Empty values are equal, whatever their JSON. */
	private static JsonNode normal(JsonNode value) {
		return empty(value) ? NullNode.getInstance() : value;
	}

}
