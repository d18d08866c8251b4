package be.obmi.plan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A beleidsdoelstelling, actieplan or actie of a plan. {@code contributor} is the user
 * name of the person who reports on it in status rounds; {@code weight} is its weight in
 * the roll-up of progress to its parent.
 */
public record PlanItem(long id, long planId, Long parentId, ItemType type, String code, String title,
		String description, boolean priority, String policyField, String politicalOwner, String administrativeOwner,
		String contributor, LocalDate startDate, LocalDate endDate, String tags, String wijk, Double latitude,
		Double longitude, BigDecimal weight, int sortOrder, int version) {

	public boolean located() {
		return latitude != null && longitude != null;
	}

}
