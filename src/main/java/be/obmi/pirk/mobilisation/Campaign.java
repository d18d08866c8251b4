package be.obmi.pirk.mobilisation;

import java.time.OffsetDateTime;

import be.obmi.pirk.domain.ObjectFilter;

/**
 * A mobilisation campaign: a letter or visit round to the owners of the objects of a
 * filter.
 *
 * @param query the filter as a query string ({@link ObjectFilter#queryString()})
 * @param status DRAFT (the objects follow the filter) or SENT (the list is frozen)
 */
public record Campaign(long id, long tenantId, String title, String query, Long savedFilterId, String status,
		OffsetDateTime sentAt, String sentBy, boolean demo, String createdBy, OffsetDateTime createdAt, int version) {

	public boolean sent() {
		return "SENT".equals(status);
	}

}
