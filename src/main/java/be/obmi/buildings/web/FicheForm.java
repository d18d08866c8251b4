package be.obmi.buildings.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Size;

import be.obmi.buildings.domain.Fiche;
import be.obmi.buildings.domain.FicheContent;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Kenniscentrum edits of a fiche on its page: the texts, one list item per line
 * (a step as {@code text | actor}), the example payload and the visibility. The data
 * elements and register interactions come with the fiche's JSON-LD import and are kept.
 * {@code version} is the fiche's version the editor loaded (optimistic lock).
 */
record FicheForm(@Size(max = 300) String titleNl, @Size(max = 300) String titleEn, @Size(max = 4000) String summary,
		@Size(max = 500) String legalTitle, @Size(max = 500) String legalUrl, @Size(max = 20000) String triggers,
		@Size(max = 20000) String actors, @Size(max = 20000) String services, @Size(max = 40000) String steps,
		@Size(max = 1000) String frequency, @Size(max = 1000) String volume, @Size(max = 20000) String qualityProblems,
		@Size(max = 20000) String bestPractices, @Size(max = 100000) String examplePayload, Boolean publicFiche,
		Integer version) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static FicheForm of(Fiche fiche) {
		FicheContent c = fiche.latest();
		return new FicheForm(c.titleNl(), c.titleEn(), c.summary(),
				c.legalBasis() == null ? "" : c.legalBasis().title(),
				c.legalBasis() == null ? "" : c.legalBasis().url(), String.join("\n", c.triggers()),
				String.join("\n", c.actors()), String.join("\n", c.services()),
				String.join("\n",
						c.steps().stream().map(s -> s.text() + (s.actor() == null ? "" : " | " + s.actor())).toList()),
				c.frequency(), c.volume(), String.join("\n", c.qualityProblems()), String.join("\n", c.bestPractices()),
				FichePages.pretty(c.examplePayload()), c.publicFiche(), fiche.version());
	}

	/** The content of the form over the latest version's elements and registers. */
	FicheContent content(FicheContent latest) {
		List<FicheContent.Step> stepList = new ArrayList<>();
		for (String line : lines(steps)) {
			int bar = line.lastIndexOf('|');
			String text = bar < 0 ? line : line.substring(0, bar).strip();
			String actor = bar < 0 ? null : blankToNull(line.substring(bar + 1).strip());
			stepList.add(new FicheContent.Step(stepList.size() + 1, text, actor));
		}
		String legal = blankToNull(legalTitle);
		return new FicheContent(latest.code(), strip(titleNl), strip(titleEn), blankToNull(summary),
				legal == null && blankToNull(legalUrl) == null ? null
						: new FicheContent.LegalBasis(legal, blankToNull(legalUrl)),
				lines(triggers), lines(actors), lines(services), stepList, latest.elements(), latest.registers(),
				blankToNull(frequency), blankToNull(volume), lines(qualityProblems), lines(bestPractices),
				compact(examplePayload), Boolean.TRUE.equals(publicFiche), latest.demo());
	}

	/** The example as compact JSON when it is JSON (as the import stores it). */
	private static String compact(String json) {
		String text = blankToNull(json);
		if (text == null) {
			return null;
		}
		try {
			return JSON.readTree(text).toString();
		}
		catch (RuntimeException ex) {
			return text;
		}
	}

	static List<String> lines(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
	}

	private static String strip(String text) {
		return text == null ? null : text.strip();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
