package be.obmi.opendata;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a DCAT-AP catalogue says about a city's (or the platform's) open data: the
 * catalogue, its publisher, its datasets with their distributions, and the API as a data
 * service. URIs are absolute.
 *
 * @param licence the catalogue's licence, also used for datasets and distributions
 * without their own; null means {@link #MODELLICENTIE_GRATIS_HERGEBRUIK}
 */
public record CatalogDescription(String uri, LocalizedText title, LocalizedText description, Publisher publisher,
		String homepage, List<String> languages, LocalDate modified, String licence, List<DatasetDescription> datasets,
		DataServiceDescription service) {

	/** The Flemish model licence for free reuse, the default for every dataset. */
	public static final String MODELLICENTIE_GRATIS_HERGEBRUIK = "https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0";

	public CatalogDescription {
		Objects.requireNonNull(uri, "uri");
		Objects.requireNonNull(publisher, "publisher");
		languages = languages == null ? List.of("nl", "en") : List.copyOf(languages);
		licence = licence == null ? MODELLICENTIE_GRATIS_HERGEBRUIK : licence;
		datasets = List.copyOf(datasets);
	}

	/**
	 * The organisation that publishes, identified by its NIS code (e.g. {@code 12025} for
	 * Mechelen).
	 */
	public record Publisher(String uri, LocalizedText name, String nisCode) {
	}

	/** Contact point of a dataset, as a vCard organisation. */
	public record ContactPoint(String uri, String name, String email, String url) {
	}

	/**
	 * One published dataset.
	 *
	 * @param keywords keywords per language
	 * @param themes EU data themes
	 * @param spatial URI of the area covered (e.g. a NIS municipality URI), may be null
	 * @param temporalStart first day covered, may be null
	 * @param temporalEnd last day covered, may be null
	 */
	public record DatasetDescription(String uri, String identifier, LocalizedText title, LocalizedText description,
			List<DataTheme> themes, Map<String, List<String>> keywords, ContactPoint contactPoint,
			LocalDate temporalStart, LocalDate temporalEnd, String spatial, LocalDate modified, String landingPage,
			List<DistributionDescription> distributions) {

		public DatasetDescription {
			themes = List.copyOf(themes);
			keywords = keywords == null ? Map.of() : Map.copyOf(keywords);
			distributions = List.copyOf(distributions);
		}

	}

	/**
	 * One way to get a dataset: a format with its access URL (the API call) and download
	 * URL.
	 */
	public record DistributionDescription(String uri, LocalizedText title, DistributionFormat format, String accessUrl,
			String downloadUrl) {
	}

	/** The public API, serving every dataset of the catalogue. */
	public record DataServiceDescription(String uri, LocalizedText title, LocalizedText description, String endpointUrl,
			String endpointDescription) {
	}

}
