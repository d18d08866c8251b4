package be.obmi.buildings.domain;

import java.util.List;

/**
 * The namespaces of the fiches: the Schillenboek's own vocabulary and local extensions
 * ({@link #LOCAL}), the OSLO vocabularies the data elements map to, and the fiche IRIs.
 */
public final class FicheVocabulary {

	/** The Schillenboek's vocabulary and its local extensions of OSLO. */
	public static final String LOCAL = "https://data.obmi.be/ns/schillenboek#";

	/** The base of a fiche's IRI: {@code https://data.obmi.be/schillenboek/<code>}. */
	public static final String FICHES = "https://data.obmi.be/schillenboek/";

	public static final String GEBOUW = "https://data.vlaanderen.be/ns/gebouw#";

	public static final String ADRES = "https://data.vlaanderen.be/ns/adres#";

	public static final String PERCEEL = "https://data.vlaanderen.be/ns/perceel#";

	public static final String XSD = "http://www.w3.org/2001/XMLSchema#";

	/**
	 * The namespaces of OSLO terms: Digitaal Vlaanderen's vocabularies and the ones OSLO
	 * reuses (ADMS, Dublin Core, Person, FOAF, LOCN, PROV, schema.org).
	 */
	public static final List<String> OSLO = List.of("https://data.vlaanderen.be/ns/", "http://data.vlaanderen.be/ns/",
			"http://www.w3.org/ns/adms#", "http://purl.org/dc/terms/", "http://www.w3.org/ns/person#",
			"http://xmlns.com/foaf/0.1/", "http://www.w3.org/ns/locn#", "http://www.w3.org/ns/prov#",
			"http://schema.org/", "https://schema.org/");

	private FicheVocabulary() {
	}

	/** Whether the IRI is in an OSLO namespace. */
	public static boolean oslo(String iri) {
		return iri != null && OSLO.stream().anyMatch(iri::startsWith);
	}

	/** Whether the IRI is a local extension of the Schillenboek. */
	public static boolean local(String iri) {
		return iri != null && iri.startsWith(LOCAL) && iri.length() > LOCAL.length();
	}

	/** The fiche's IRI. */
	public static String fiche(String code) {
		return FICHES + code;
	}

	/** The last part of an IRI (after {@code #} or the last {@code /}). */
	public static String localName(String iri) {
		int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
		return iri.substring(cut + 1);
	}

	/** A short prefixed name of an IRI for people: {@code gebouw:Gebouweenheid}. */
	public static String shortName(String iri) {
		if (iri == null) {
			return "";
		}
		String[][] prefixes = { { GEBOUW, "gebouw:" }, { ADRES, "adres:" }, { PERCEEL, "perceel:" }, { LOCAL, "sb:" },
				{ XSD, "xsd:" }, { "https://data.vlaanderen.be/ns/generiek#", "generiek:" },
				{ "https://data.vlaanderen.be/ns/persoon#", "persoon:" },
				{ "http://data.vlaanderen.be/ns/persoon#", "persoon:" },
				{ "https://data.vlaanderen.be/ns/omgevingsvergunning#", "omgevingsvergunning:" },
				{ "http://www.w3.org/ns/adms#", "adms:" }, { "http://purl.org/dc/terms/", "dcterms:" },
				{ "http://www.w3.org/ns/person#", "person:" }, { "http://xmlns.com/foaf/0.1/", "foaf:" },
				{ "http://www.w3.org/ns/locn#", "locn:" } };
		for (String[] prefix : prefixes) {
			if (iri.startsWith(prefix[0])) {
				return prefix[1] + iri.substring(prefix[0].length());
			}
		}
		return iri;
	}

}
