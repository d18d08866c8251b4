package be.obmi.buildings.domain;

import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads JSON-LD that people upload or type without ever fetching anything: the top-level
 * {@code @context} is replaced by one the platform gives (or, when allowed, a known
 * context address is replaced by its bundled copy), and a document with any other
 * {@code @context} or an {@code @import} is refused, so reading it cannot make the server
 * call another address.
 */
public final class SafeJsonLd {

	/** Why a document cannot be read: a message code and its detail. */
	public static final class Unreadable extends Exception {

		private final String code;

		private final String detail;

		Unreadable(String code, String detail) {
			super(code + ": " + detail);
			this.code = code;
			this.detail = detail;
		}

		public String code() {
			return code;
		}

		public String detail() {
			return detail;
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SafeJsonLd() {
	}

	/**
	 * Parses the document with {@code context} as its top-level context.
	 * @param knownContext an address the document may name as its context (replaced by
	 * {@code context}); null: the document's own context is always replaced
	 */
	public static Model read(String text, Map<String, Object> context, String knownContext) throws Unreadable {
		JsonNode tree;
		try {
			tree = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new Unreadable("import.buildings.notJson", shortly(ex.getOriginalMessage()));
		}
		if (!(tree instanceof ObjectNode root)) {
			throw new Unreadable("import.buildings.notObject", "");
		}
		JsonNode own = root.get("@context");
		if (knownContext != null && own != null && !(own.isString() && knownContext.equals(own.asString()))
				&& !own.isObject()) {
			throw new Unreadable("import.buildings.remoteContext", own.toString());
		}
		if (knownContext == null || own == null || own.isString()) {
			root.set("@context", JSON.valueToTree(context));
		}
		for (JsonNode child : root.properties()
			.stream()
			.filter(e -> !e.getKey().equals("@context"))
			.map(Map.Entry::getValue)
			.toList()) {
			refuseContexts(child);
		}
		if (own != null && own.isObject()) {
			refuseRemote(own);
		}
		Model model = ModelFactory.createDefaultModel();
		try {
			RDFParser.fromString(JSON.writeValueAsString(root), Lang.JSONLD11).lang(Lang.JSONLD11).parse(model);
		}
		catch (RiotException | IllegalArgumentException ex) {
			throw new Unreadable("import.buildings.notJsonLd", shortly(ex.getMessage()));
		}
		return model;
	}

	private static void refuseContexts(JsonNode node) throws Unreadable {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> e : node.properties()) {
				if (e.getKey().equals("@context") || e.getKey().equals("@import")) {
					throw new Unreadable("import.buildings.remoteContext", e.getKey());
				}
				refuseContexts(e.getValue());
			}
		}
		else if (node.isArray()) {
			for (JsonNode item : node) {
				refuseContexts(item);
			}
		}
	}

	/** An inline context may not name another context or import one. */
	private static void refuseRemote(JsonNode context) throws Unreadable {
		for (Map.Entry<String, JsonNode> e : context.properties()) {
			if (e.getKey().equals("@import") || (e.getValue().isObject() && e.getValue().has("@context"))) {
				throw new Unreadable("import.buildings.remoteContext", e.getKey());
			}
		}
	}

	private static String shortly(String message) {
		String text = message == null ? "" : message.replaceAll("\\s+", " ");
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}

}
