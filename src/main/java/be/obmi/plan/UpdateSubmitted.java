package be.obmi.plan;

/**
 * A contributor submitted a status update (on its page or in a status file); it now waits
 * for a plan manager's approval.
 *
 * @param author the user name of who submitted it
 */
public record UpdateSubmitted(long tenantId, long updateId, RoundTask task, String author) {

}
