package be.obmi.finance;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of a finance import: {@code status} is {@code CREATED} for a new version,
 * {@code UNCHANGED} when the file equals the version in force for its years (nothing
 * stored).
 */
public record FinanceImportSummary(Long importId, String status, int lines, List<Integer> fiscalYears,
		BigDecimal totalEstimate, BigDecimal totalRealisation) {
}
