package be.obmi.rights.dmn;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles the DMN model of a rule version (XML, DMN 1.1–1.5) with the KIE DMN engine
 * into a {@link DmnDecision}; a model that does not parse or compile, has no outcome
 * decision or reads an input the Rechtenverkenner cannot give is refused with the
 * engine's message. Compiled models are kept by the SHA-256 of their XML (a rule version
 * is never changed once stored), so the questionnaire does not compile on every step.
 */
public final class DmnRules {

	/** The decision whose result is the verdict, when a model has more than one. */
	public static final String OUTCOME = "eligible";

	private static final Cache<String, DmnDecision> COMPILED = Caffeine.newBuilder().maximumSize(200).build();

	private DmnRules() {
	}

	/**
	 * The decision of the model; refused (400, the engine's message) when it is not a
	 * usable DMN model.
	 * @param parameters the names of the rule's parameters, which the model may read as
	 * inputs besides {@link DmnInputs#NAMES}
	 */
	public static DmnDecision compile(String xml, Set<String> parameters) {
		if (xml == null || xml.isBlank()) {
			throw new RefusedValueException(Reason.of("rights.refused.dmn", "leeg"));
		}
		String key = sha256(xml) + "|" + String.join(",", parameters.stream().sorted().toList());
		DmnDecision cached = COMPILED.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		DmnDecision compiled = build(xml, parameters);
		COMPILED.put(key, compiled);
		return compiled;
	}

	private static DmnDecision build(String xml, Set<String> parameters) {
		Resource resource = ResourceFactory.newReaderResource(new StringReader(xml), "UTF-8");
		resource.setSourcePath("rule.dmn");
		DMNRuntime runtime;
		try {
			runtime = DMNRuntimeBuilder.fromDefaults()
				.buildConfiguration()
				.fromResources(List.of(resource))
				.getOrElseThrow(ex -> new RefusedValueException(Reason.of("rights.refused.dmn", message(ex))));
		}
		catch (RuntimeException ex) {
			if (ex instanceof RefusedValueException refused) {
				throw refused;
			}
			throw new RefusedValueException(Reason.of("rights.refused.dmn", message(ex)));
		}
		if (runtime.getModels().size() != 1) {
			throw new RefusedValueException(Reason.of("rights.refused.dmn", "models: " + runtime.getModels().size()));
		}
		DMNModel model = runtime.getModels().getFirst();
		List<DMNMessage> errors = model.getMessages(DMNMessage.Severity.ERROR);
		if (model.hasErrors() && !errors.isEmpty()) {
			throw new RefusedValueException(Reason.of("rights.refused.dmn",
					shorten(errors.stream().map(DMNMessage::getText).collect(Collectors.joining("; ")))));
		}
		DecisionNode outcome = model.getDecisionByName(OUTCOME);
		if (outcome == null && model.getDecisions().size() == 1) {
			outcome = model.getDecisions().iterator().next();
		}
		if (outcome == null) {
			throw new RefusedValueException(Reason.of("rights.refused.dmnDecision", OUTCOME));
		}
		for (InputDataNode input : model.getInputs()) {
			if (!DmnInputs.NAMES.containsKey(input.getName()) && !parameters.contains(input.getName())) {
				throw new RefusedValueException(Reason.of("rights.refused.dmnInput", input.getName()));
			}
		}
		return new DmnDecision(runtime, model, outcome);
	}

	private static String message(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
		return shorten(text);
	}

	private static String shorten(String text) {
		return text.length() > 400 ? text.substring(0, 400) + "…" : text;
	}

	/** The SHA-256 of the text, in hex. */
	public static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
