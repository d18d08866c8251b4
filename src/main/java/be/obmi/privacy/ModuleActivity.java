package be.obmi.privacy;

import java.util.List;

/**
 * A processing activity another module's data make, as that module proposes it for a
 * tenant's register of processing activities (art. 30 GDPR). The register's DPO completes
 * what the module cannot know (controller, DPO contact, security measures) and publishes
 * it.
 *
 * @param key the module's own key, unique per tenant, e.g. {@code pirk.owner-contacts}; a
 * second proposal with the same key changes nothing
 * @param name the activity's name as the register shows it
 * @param purpose the purposes (art. 30(1)(b))
 * @param legalBases art. 6 bases as DPV-GDPR codes ({@code A6-1-e} …)
 * @param dataSubjects the categories of data subjects
 * @param dataCategories the categories of personal data (not sensitive)
 * @param recipients the categories of recipients
 * @param retention the retention period
 * @param responsibleService the service responsible within the city
 * @param systems the systems used, e.g. {@code OBMi — PIRK}
 * @param source where the data come from (art. 14)
 */
public record ModuleActivity(String key, String name, String purpose, List<String> legalBases,
		List<String> dataSubjects, List<String> dataCategories, List<String> recipients, String retention,
		String responsibleService, List<String> systems, String source) {

	public ModuleActivity {
		legalBases = List.copyOf(legalBases == null ? List.of() : legalBases);
		dataSubjects = List.copyOf(dataSubjects == null ? List.of() : dataSubjects);
		dataCategories = List.copyOf(dataCategories == null ? List.of() : dataCategories);
		recipients = List.copyOf(recipients == null ? List.of() : recipients);
		systems = List.copyOf(systems == null ? List.of() : systems);
	}

}
