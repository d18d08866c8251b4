package be.obmi.rights.lpdc;

import java.time.LocalDate;
import java.util.List;

/**
 * One LPDC instance (a public service of the city in the local product catalogue) as the
 * Rechtenverkenner reads it, its texts in Dutch and without HTML.
 *
 * @param uri the instance's URI: the LPDC id kept on the right
 * @param concept the IPDC concept it follows ({@code dct:source}), or empty
 * @param type the product type's code ({@code FinancieelVoordeel}, …), or empty
 * @param level LOKAAL, VLAAMS, PROVINCIAAL or FEDERAAL (the competent authority level)
 * @param publicationMedia the codes of its publication media ({@code Rechtenverkenner},
 * {@code YourEurope})
 * @param spatial the NIS codes of its territory (empty: not given)
 */
public record LpdcInstance(String uri, String uuid, String concept, String type, String title, String description,
		String level, List<String> themes, List<String> audiences, String conditions, String procedure,
		String documents, String contact, String advantage, String legalUrl, String legalTitle, LocalDate validFrom,
		LocalDate validTo, List<String> publicationMedia, List<String> spatial) {

	/** Whether the city publishes it to the Rechtenverkenner. */
	public boolean forRechtenverkenner() {
		return publicationMedia.contains("Rechtenverkenner");
	}

}
