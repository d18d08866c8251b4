package be.obmi.privacy.domain;

import java.util.List;

/**
 * The content of one version of a processing activity (art. 30 GDPR), kept as JSON in
 * {@code privacy.activity_version.content}. Field names are the codes of
 * {@link ActivityField} (the public field mask, the completeness score, the diff of
 * versions and of templates use them). Lists are never null.
 *
 * @param name the activity's name, e.g. "Bevolkingsregister"
 * @param purpose the purposes (art. 30(1)(b))
 * @param legalBases art. 6 bases as DPV-GDPR codes ({@code A6-1-a} … {@code A6-1-f})
 * @param specialCategoryConditions art. 9(2) conditions as DPV-GDPR codes ({@code A9-2-a}
 * …), empty when no special categories are processed
 * @param dataSubjects categories of data subjects (art. 30(1)(c))
 * @param dataCategories categories of personal data, each with whether it is sensitive
 * (art. 9/10) and its retention period (art. 30(1)(c), (f))
 * @param recipients categories of recipients (art. 30(1)(d))
 * @param transfers transfers outside the EU with their safeguard (art. 30(1)(e)); empty:
 * none
 * @param retention the general retention period (art. 30(1)(f))
 * @param securityMeasures technical and organisational measures (art. 30(1)(g))
 * @param responsibleService the service responsible within the organisation
 * @param systems the systems and applications used
 * @param source where the data come from (art. 14)
 * @param controller the controller's name and contact details (art. 30(1)(a)); for the
 * processor's register the controllers on whose behalf (art. 30(2)(a))
 * @param dpoContact the contact of the data protection officer
 */
public record ActivityContent(String name, String purpose, List<String> legalBases,
		List<String> specialCategoryConditions, List<String> dataSubjects, List<DataCategory> dataCategories,
		List<String> recipients, List<Transfer> transfers, String retention, List<String> securityMeasures,
		String responsibleService, List<String> systems, String source, String controller, String dpoContact) {

	public ActivityContent {
		legalBases = List.copyOf(legalBases == null ? List.of() : legalBases);
		specialCategoryConditions = List
			.copyOf(specialCategoryConditions == null ? List.of() : specialCategoryConditions);
		dataSubjects = List.copyOf(dataSubjects == null ? List.of() : dataSubjects);
		dataCategories = List.copyOf(dataCategories == null ? List.of() : dataCategories);
		recipients = List.copyOf(recipients == null ? List.of() : recipients);
		transfers = List.copyOf(transfers == null ? List.of() : transfers);
		securityMeasures = List.copyOf(securityMeasures == null ? List.of() : securityMeasures);
		systems = List.copyOf(systems == null ? List.of() : systems);
	}

	/**
	 * A category of personal data.
	 *
	 * @param name e.g. "identificatiegegevens"
	 * @param sensitive a special category (art. 9) or criminal data (art. 10)
	 * @param retention its retention period, or null for the activity's general one
	 */
	public record DataCategory(String name, boolean sensitive, String retention) {
	}

	/**
	 * A transfer outside the EU/EEA.
	 *
	 * @param country ISO 3166 alpha-2 code
	 * @param safeguard e.g. "adequacy decision", "standard contractual clauses"
	 */
	public record Transfer(String country, String safeguard) {
	}

}
