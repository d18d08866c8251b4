package be.obmi.finance;

/** A tenant's financial figures changed: an import was stored or undone. */
public record FinanceFiguresChanged(long tenantId, long importId) {
}
