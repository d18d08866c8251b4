package be.obmi.buildings.domain;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import be.obmi.shared.tabular.ImportError;

/**
 * The rules a fiche's content must meet before it is saved: a process code and names,
 * absolute http(s) IRIs, unique element names, each element an OSLO term or flagged as a
 * local extension under {@link FicheVocabulary#LOCAL} (never both, never neither), steps
 * numbered 1, 2, 3…, and limited text lengths. Each problem is an
 * {@code import.buildings.*} code with the field it concerns as the column.
 */
public final class FicheChecks {

	static final Pattern CODE = Pattern.compile("[a-z0-9-]{2,60}");

	static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,59}");

	static final int MAX_TEXT = 4000;

	static final int MAX_PAYLOAD = 100_000;

	static final int MAX_ITEMS = 200;

	private FicheChecks() {
	}

	/** The problems of the content; empty when it may be saved. */
	public static List<ImportError> problems(FicheContent c) {
		List<ImportError> errors = new ArrayList<>();
		if (c.code() == null || !CODE.matcher(c.code()).matches()) {
			errors.add(error("code", "import.buildings.code", String.valueOf(c.code())));
		}
		required(errors, "titleNl", c.titleNl());
		required(errors, "titleEn", c.titleEn());
		text(errors, "summary", c.summary());
		text(errors, "frequency", c.frequency());
		text(errors, "volume", c.volume());
		if (c.legalBasis() != null) {
			required(errors, "legalBasis", c.legalBasis().title());
			if (!iri(c.legalBasis().url())) {
				errors.add(error("legalBasis", "import.buildings.iri", String.valueOf(c.legalBasis().url())));
			}
		}
		for (List<String> list : List.of(c.triggers(), c.actors(), c.services(), c.qualityProblems(),
				c.bestPractices())) {
			lines(errors, list);
		}
		for (int i = 0; i < c.steps().size(); i++) {
			FicheContent.Step step = c.steps().get(i);
			if (step.number() != i + 1) {
				errors.add(error("steps", "import.buildings.stepNumber", i + 1, step.number()));
			}
			required(errors, "steps", step.text());
		}
		elements(errors, c.elements());
		for (int i = 0; i < c.registers().size(); i++) {
			FicheContent.RegisterInteraction r = c.registers().get(i);
			if (r.number() != i + 1 || r.object() == null || r.mode() == null) {
				errors.add(error("registers", "import.buildings.register", i + 1));
			}
		}
		if (c.examplePayload() != null && c.examplePayload().length() > MAX_PAYLOAD) {
			errors.add(error("examplePayload", "import.buildings.tooLong", MAX_PAYLOAD));
		}
		if (c.elements().size() > MAX_ITEMS || c.steps().size() > MAX_ITEMS) {
			errors.add(error("elements", "import.buildings.tooMany", MAX_ITEMS));
		}
		return errors;
	}

	private static void elements(List<ImportError> errors, List<FicheContent.DataElement> elements) {
		Set<String> keys = new HashSet<>();
		for (FicheContent.DataElement e : elements) {
			String key = String.valueOf(e.key());
			if (e.key() == null || !KEY.matcher(e.key()).matches()) {
				errors.add(error("elements", "import.buildings.elementKey", key));
			}
			else if (!keys.add(e.key())) {
				errors.add(error("elements", "import.buildings.elementDuplicate", key));
			}
			required(errors, "elements", e.label());
			if (e.direction() == null) {
				errors.add(error("elements", "import.buildings.elementDirection", key));
			}
			if (!iri(e.classIri()) || !iri(e.range())) {
				errors.add(error("elements", "import.buildings.elementIri", key));
			}
			if (!iri(e.termIri())) {
				errors.add(error("elements", "import.buildings.elementIri", key));
			}
			else if (e.localExtension() != FicheVocabulary.local(e.termIri())
					|| (!e.localExtension() && !FicheVocabulary.oslo(e.termIri()))) {
				errors.add(error("elements", "import.buildings.elementMapping", key, e.termIri()));
			}
			text(errors, "elements", e.note());
		}
	}

	private static void lines(List<ImportError> errors, List<String> lines) {
		if (lines.size() > MAX_ITEMS) {
			errors.add(error("lines", "import.buildings.tooMany", MAX_ITEMS));
		}
		for (String line : lines) {
			required(errors, "lines", line);
		}
	}

	private static void required(List<ImportError> errors, String field, String value) {
		if (value == null || value.isBlank()) {
			errors.add(error(field, "import.buildings.required", field));
		}
		else {
			text(errors, field, value);
		}
	}

	private static void text(List<ImportError> errors, String field, String value) {
		if (value != null && value.length() > MAX_TEXT) {
			errors.add(error(field, "import.buildings.tooLong", MAX_TEXT));
		}
	}

	/** Whether the value is an absolute http or https IRI. */
	static boolean iri(String value) {
		if (value == null || value.isBlank() || value.length() > 500) {
			return false;
		}
		try {
			URI uri = URI.create(value);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static ImportError error(String field, String code, Object... arguments) {
		return new ImportError(null, field, code, List.of(arguments));
	}

}
