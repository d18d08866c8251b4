package be.obmi.plan;

/**
 * A plan manager sent a submitted status update back to its contributor as a concept,
 * with a remark on what to change.
 */
public record UpdateReturned(long tenantId, long updateId, RoundTask task, String remark) {

}
