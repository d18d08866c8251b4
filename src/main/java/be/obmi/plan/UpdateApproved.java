package be.obmi.plan;

/**
 * A plan manager approved a submitted status update (one by one, or all of a round at
 * once); it can now be published.
 *
 * @param approvedBy the user name of the plan manager
 */
public record UpdateApproved(long tenantId, long updateId, RoundTask task, String approvedBy) {

}
