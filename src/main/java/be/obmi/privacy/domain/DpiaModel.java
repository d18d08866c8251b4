package be.obmi.privacy.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DPIA model (reference data, {@code privacy.dpia_model}): the WP248 criteria it
 * answers "yes" when a DPIA starts from it, and its typical risks and measures with their
 * texts in Dutch and English. Its name is the bundle's {@code privacy.dpia.model.<code>}.
 */
public record DpiaModel(String code, List<Wp248Criterion> criteria, List<Risk> risks, List<Measure> measures) {

	public String messageKey() {
		return "privacy.dpia.model." + code;
	}

	/** A typical risk of the model. */
	public record Risk(RiskKind kind, Map<String, String> title, Map<String, String> sources,
			Map<String, String> impacts, int likelihood, int severity, int residualLikelihood, int residualSeverity) {
	}

	/** A typical measure of the model. */
	public record Measure(Map<String, String> title, Map<String, String> description) {
	}

	/** The text in the language of {@code locale}, Dutch when it has none in it. */
	public static String text(Map<String, String> texts, Locale locale) {
		if (texts == null) {
			return null;
		}
		return texts.getOrDefault(locale.getLanguage(), texts.get("nl"));
	}

}
