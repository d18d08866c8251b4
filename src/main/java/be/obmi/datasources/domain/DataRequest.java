package be.obmi.datasources.domain;

import java.time.OffsetDateTime;

/**
 * A joint data request to an external supplier.
 *
 * @param tenantId the city whose data team drafted it
 * @param state {@code DRAFT}, {@code SENT}, {@code ANSWERED}, {@code DELIVERED} or
 * {@code REFUSED}
 * @param periodFrom first period asked for ({@code 2020}, {@code 2024S1}, ...)
 * @param importedAt when the delivered file was imported for the joined cities; null
 * before
 */
public record DataRequest(long id, long tenantId, String title, String supplier, Long sourceId, String description,
		String detailLevel, String periodFrom, String periodTo, String state, OffsetDateTime sentAt,
		OffsetDateTime answeredAt, OffsetDateTime deliveredAt, OffsetDateTime refusedAt, String supplierAnswer,
		OffsetDateTime importStarted, OffsetDateTime importedAt, String createdBy, OffsetDateTime createdAt,
		boolean demo, int version) {

	public boolean draft() {
		return "DRAFT".equals(state);
	}

}
