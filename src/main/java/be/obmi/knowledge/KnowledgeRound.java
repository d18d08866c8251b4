package be.obmi.knowledge;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A half-yearly update round of the knowledge bank, as other modules see it: the round in
 * which the cities confirm or change their housing-policy instruments, and in which other
 * modules ask the cities to update their own rows too.
 *
 * @param period the round's period in OBMi's notation ({@code 2026S2}) when its name
 * names one, else null
 * @param deadline the day by which the cities should have answered
 * @param closedAt when it was closed; null while it is open
 */
public record KnowledgeRound(long id, String name, String period, LocalDate deadline, boolean open,
		OffsetDateTime openedAt, OffsetDateTime closedAt, boolean demo) {
}
