package be.obmi.buildings.domain;

import java.util.List;

/**
 * The content of one version of a fiche: the process it documents, how it runs, the data
 * elements it reads and writes with their OSLO terms, its use of the building and address
 * registers, and an example payload of its data model. Stored as JSON in
 * {@code buildings.fiche_version}; exchanged as JSON-LD
 * (docs/formats/schillenboek-fiche.md).
 *
 * @param code the process code (also the fiche's code)
 * @param titleNl the process name in Dutch
 * @param titleEn the process name in English
 * @param summary what the process is, in a few sentences
 * @param legalBasis the law or regulation it rests on, with a link
 * @param triggers the events that start the process
 * @param actors the people and services that take part
 * @param services the systems and e-government services used
 * @param steps the steps, in order
 * @param elements the input and output data elements
 * @param registers the interactions with the building and address registers
 * @param frequency how often the process runs
 * @param volume how many cases a city handles
 * @param qualityProblems the known data-quality problems
 * @param bestPractices the best practices
 * @param examplePayload a JSON-LD example of the fiche's data model (without
 * {@code @context}: the generated context is put in to read it)
 * @param publicFiche whether anonymous visitors may read it (else members only)
 * @param demo whether the text is demo content (no real fiche text available)
 */
public record FicheContent(String code, String titleNl, String titleEn, String summary, LegalBasis legalBasis,
		List<String> triggers, List<String> actors, List<String> services, List<Step> steps, List<DataElement> elements,
		List<RegisterInteraction> registers, String frequency, String volume, List<String> qualityProblems,
		List<String> bestPractices, String examplePayload, boolean publicFiche, boolean demo) {

	public FicheContent {
		triggers = triggers == null ? List.of() : List.copyOf(triggers);
		actors = actors == null ? List.of() : List.copyOf(actors);
		services = services == null ? List.of() : List.copyOf(services);
		steps = steps == null ? List.of() : List.copyOf(steps);
		elements = elements == null ? List.of() : List.copyOf(elements);
		registers = registers == null ? List.of() : List.copyOf(registers);
		qualityProblems = qualityProblems == null ? List.of() : List.copyOf(qualityProblems);
		bestPractices = bestPractices == null ? List.of() : List.copyOf(bestPractices);
	}

	/** The law or regulation the process rests on. */
	public record LegalBasis(String title, String url) {
	}

	/** One step of the process, numbered from 1. */
	public record Step(int number, String text, String actor) {
	}

	/** Whether a data element goes into the process or comes out of it. */
	public enum Direction {

		INPUT, OUTPUT

	}

	/**
	 * A data element mapped to a term: an OSLO term, or a local extension under
	 * {@link FicheVocabulary#LOCAL}.
	 *
	 * @param key the element's name in the data model (its JSON-LD term), unique in the
	 * fiche
	 * @param label what it is, in Dutch
	 * @param direction input or output
	 * @param classIri the class of the data model the element belongs to
	 * @param termIri the property's IRI
	 * @param localExtension whether the term is a local extension (no OSLO term exists)
	 * @param range an XSD datatype IRI or a class IRI
	 * @param required whether every instance has it
	 * @param repeated whether it may occur more than once
	 * @param note a remark (optional)
	 */
	public record DataElement(String key, String label, Direction direction, String classIri, String termIri,
			boolean localExtension, String range, boolean required, boolean repeated, String note) {

		/** Whether the range is an XSD datatype (else a class). */
		public boolean literal() {
			return range != null && range.startsWith(FicheVocabulary.XSD);
		}

		/** The class as a prefixed name, for people. */
		public String classShort() {
			return FicheVocabulary.shortName(classIri);
		}

		/** The term as a prefixed name, for people. */
		public String termShort() {
			return FicheVocabulary.shortName(termIri);
		}

		/** The range as a prefixed name, for people. */
		public String rangeShort() {
			return FicheVocabulary.shortName(range);
		}

		/** {@code 1..1}, {@code 0..1}, {@code 1..*} or {@code 0..*}. */
		public String cardinality() {
			return (required ? "1" : "0") + ".." + (repeated ? "*" : "1");
		}

	}

	/** A register object the process reads or writes. */
	public enum RegisterObject {

		BUILDING(FicheVocabulary.GEBOUW + "Gebouw"), BUILDING_UNIT(FicheVocabulary.GEBOUW + "Gebouweenheid"),
		ADDRESS(FicheVocabulary.ADRES + "Adres"), PARCEL(FicheVocabulary.PERCEEL + "Perceel");

		private final String iri;

		RegisterObject(String iri) {
			this.iri = iri;
		}

		public String iri() {
			return iri;
		}

	}

	/** How the process reaches the register. */
	public enum Mode {

		NONE, MANUAL, API

	}

	/**
	 * How the process uses one register object.
	 *
	 * @param number its place in the list, from 1
	 * @param object building, building unit, address or parcel
	 * @param mode none, manual or API
	 * @param reads whether the process reads it
	 * @param writes whether the process writes it
	 * @param note a remark (optional)
	 */
	public record RegisterInteraction(int number, RegisterObject object, Mode mode, boolean reads, boolean writes,
			String note) {
	}

}
