package be.obmi.audit;

/**
 * Domain data of a tenant (or of the platform, {@code tenantId} null) was created,
 * changed or deleted. Published for every line written to the audit history, in the same
 * transaction, so that derived data (the warehouse) can follow without each module
 * announcing its own changes.
 * <p>
 * {@code addsOnly}: the change only added to what the public side shows (a publication,
 * {@link AuditTrail#published}); what was shown before is still true, only incomplete.
 * Every other change (unpublish, import, undo, deletion, any change whose kind is not
 * known) is not.
 */
public record DataChanged(Long tenantId, String entityType, boolean addsOnly) {

	public DataChanged(Long tenantId, String entityType) {
		this(tenantId, entityType, false);
	}

}
