package be.obmi.plan;

import java.time.LocalDate;

/**
 * One item a status round asks an update for, as the plan's events carry it: the round
 * (name and deadline), the item (code and title) and its contributor, the user name of
 * the person who reports on it ({@code null} when the item names nobody).
 */
public record RoundTask(long roundId, String roundName, LocalDate deadline, long itemId, String itemCode,
		String itemTitle, String contributor) {

}
