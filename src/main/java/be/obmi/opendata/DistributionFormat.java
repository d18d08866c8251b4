package be.obmi.opendata;

/**
 * The formats in which a dataset is distributed, with the IANA media type (as the URI
 * DCAT-AP expects in {@code dcat:mediaType}), the EU file type where the authority table
 * has one, and the standard the content follows.
 */
public enum DistributionFormat {

	JSON_STAT("application/json", "JSON", "https://json-stat.org/format/"),
	SDMX_CSV("text/csv", "CSV", "https://github.com/sdmx-twg/sdmx-csv"),
	PX(null, null, "https://www.scb.se/en/services/statistical-programs-for-px-files/px-file-format/"),
	CSV("text/csv", "CSV", null),
	CSVW_METADATA("application/csvm+json", "JSON", "http://www.w3.org/TR/tabular-metadata/"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", null),
	/** Plain JSON (the knowledge bank's published cases). */
	JSON("application/json", "JSON", null);

	private final String mediaType;

	private final String fileType;

	private final String standard;

	DistributionFormat(String mediaType, String fileType, String standard) {
		this.mediaType = mediaType;
		this.fileType = fileType;
		this.standard = standard;
	}

	/** The IANA media type, or null when IANA has none registered (PX). */
	public String mediaType() {
		return this.mediaType;
	}

	/** {@code https://www.iana.org/assignments/media-types/<type>}, or null. */
	public String mediaTypeUri() {
		return this.mediaType == null ? null : "https://www.iana.org/assignments/media-types/" + this.mediaType;
	}

	/** The EU file type URI, or null. */
	public String fileTypeUri() {
		return this.fileType == null ? null
				: "http://publications.europa.eu/resource/authority/file-type/" + this.fileType;
	}

	/** The specification the content conforms to, or null. */
	public String standardUri() {
		return this.standard;
	}

}
