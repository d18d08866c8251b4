package be.obmi.datasources.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A data source of the Datapedia.
 *
 * @param tenantId null for a platform-level source (Flemish, federal), shared by every
 * city; else the city that owns it
 * @param detailLevel {@code ATOMIC}, {@code SECTOR} or {@code MUNICIPALITY}
 * @param periodicity {@code MONTHLY}, {@code QUARTERLY}, {@code SEMIANNUAL},
 * {@code ANNUAL} or {@code IRREGULAR}
 * @param publicSource anyone sees it (and it is in the DCAT catalogue); else only members
 */
public record Source(long id, Long tenantId, String code, String name, String nameEn, String supplier, String content,
		String contentEn, String detailLevel, String areaCovered, String periodicity, LocalDate nextDelivery,
		String licence, String licenceUrl, String accessConditions, String contact, String qualityIssues, String url,
		boolean publicSource, boolean demo, int version, OffsetDateTime updatedAt) {

	public boolean platform() {
		return tenantId == null;
	}

	/** The English name, or the Dutch one when there is none. */
	public String nameIn(boolean english) {
		return english && nameEn != null && !nameEn.isBlank() ? nameEn : name;
	}

	/** The English content, or the Dutch one when there is none. */
	public String contentIn(boolean english) {
		return english && contentEn != null && !contentEn.isBlank() ? contentEn : content;
	}

}
