package be.obmi.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan manager opened a status round: published after the round and its items are
 * stored, delivered to listeners after the commit.
 *
 * @param tasks every item of the round, with its contributor (the people concerned)
 */
public record RoundOpened(long tenantId, long roundId, String roundName, LocalDate deadline, List<RoundTask> tasks) {

}
