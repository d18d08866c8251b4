package be.obmi.audit;

/**
 * Domain data of a tenant (or of the platform, {@code tenantId} null) was created,
 * changed or deleted. Published for every line written to the audit history, in the same
 * transaction, so that derived data (the warehouse) can follow without each module
 * announcing its own changes.
 */
public record DataChanged(Long tenantId, String entityType) {
}
