package be.obmi.knowledge.housing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A half-yearly update round of the cities' housing-policy instruments.
 *
 * @param period the round's period in OBMi's notation ({@code 2026S2}) when its name
 * names one, else null
 */
public record HousingRound(long id, String name, String period, LocalDate deadline, String state, String openedBy,
		OffsetDateTime openedAt, String closedBy, OffsetDateTime closedAt, boolean demo, int version) {

	public boolean open() {
		return "OPEN".equals(state);
	}

}
