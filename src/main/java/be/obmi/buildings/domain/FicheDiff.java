package be.obmi.buildings.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a fiche, per part (title, steps, data elements,
 * register interactions, …): the lines of the older version no longer there and the new
 * lines. Each part is written as lines (a step, an element with its term and range, …),
 * so a change of one element shows as one line out and one line in.
 */
public final class FicheDiff {

	/** A part that changed, with its lines removed and added. */
	public record Change(String part, List<String> removed, List<String> added) {
	}

	private FicheDiff() {
	}

	/** The changes from {@code before} (null: nothing) to {@code after}. */
	public static List<Change> between(FicheContent before, FicheContent after) {
		Map<String, List<String>> old = before == null ? Map.of() : lines(before);
		List<Change> changes = new ArrayList<>();
		lines(after).forEach((part, now) -> {
			List<String> was = old.getOrDefault(part, List.of());
			List<String> removed = was.stream().filter(l -> !now.contains(l)).toList();
			List<String> added = now.stream().filter(l -> !was.contains(l)).toList();
			if (!removed.isEmpty() || !added.isEmpty()) {
				changes.add(new Change(part, removed, added));
			}
		});
		return changes;
	}

	/** The content as lines per part (the part names are message-key suffixes). */
	static Map<String, List<String>> lines(FicheContent c) {
		Map<String, List<String>> parts = new LinkedHashMap<>();
		parts.put("title", List.of(c.titleNl(), c.titleEn()));
		parts.put("summary", one(c.summary()));
		parts.put("legalBasis", c.legalBasis() == null ? List.of()
				: List.of(c.legalBasis().title() + " <" + c.legalBasis().url() + ">"));
		parts.put("triggers", c.triggers());
		parts.put("actors", c.actors());
		parts.put("services", c.services());
		parts.put("steps",
				c.steps()
					.stream()
					.map(s -> s.number() + ". " + s.text() + (s.actor() == null ? "" : " (" + s.actor() + ")"))
					.toList());
		parts.put("elements",
				c.elements()
					.stream()
					.map(e -> e.key() + " — " + e.label() + " — " + e.direction() + " — "
							+ FicheVocabulary.shortName(e.classIri()) + " / " + FicheVocabulary.shortName(e.termIri())
							+ (e.localExtension() ? " (lokaal)" : "") + " → " + FicheVocabulary.shortName(e.range())
							+ " " + (e.required() ? "1" : "0") + ".." + (e.repeated() ? "*" : "1")
							+ (e.note() == null ? "" : " — " + e.note()))
					.toList());
		parts.put("registers",
				c.registers()
					.stream()
					.map(r -> r.number() + ". " + r.object() + " " + r.mode() + (r.reads() ? " R" : "")
							+ (r.writes() ? " W" : "") + (r.note() == null ? "" : " — " + r.note()))
					.toList());
		parts.put("frequency", one(c.frequency()));
		parts.put("volume", one(c.volume()));
		parts.put("qualityProblems", c.qualityProblems());
		parts.put("bestPractices", c.bestPractices());
		parts.put("example", one(c.examplePayload()));
		parts.put("visibility", List.of(c.publicFiche() ? "PUBLIC" : "MEMBERS"));
		return parts;
	}

	private static List<String> one(String value) {
		return value == null || value.isBlank() ? List.of() : List.of(value);
	}

}
