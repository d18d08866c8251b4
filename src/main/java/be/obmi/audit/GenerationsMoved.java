package be.obmi.audit;

/**
 * The {@link DataGenerations} moved on after a committed change (of this instance or of
 * another one): caches that keep answers may render the scope's pages again.
 *
 * @param tenantId the tenant whose data changed, or null for platform data
 * @param platformWide whether what every tenant shows changed
 * @param addsOnly whether the change only added to the public side (a publication)
 */
public record GenerationsMoved(Long tenantId, boolean platformWide, boolean addsOnly) {
}
