package be.obmi.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import be.obmi.tenancy.Tenant;
import java.math.RoundingMode;

/**
 * What the council report needs from the financial figures, provided by the finance
 * module when it is present: estimated versus realised expenditure and receipts of a
 * year, per plan item (rolled up over its children) and in total. The plan module does
 * not depend on finance; finance implements this.
 */
public interface FinancialFigures {

	/**
	 * @param codes the plan items to report on, in report order
	 * @return empty when the tenant has no financial data for the year
	 */
	Optional<Overview> overview(Tenant tenant, int year, List<String> codes);

	/**
	 * The figures of one item (rolled up over its children) per fiscal year, for the item
	 * page; empty when there are none.
	 */
	List<Amounts> perYear(Tenant tenant, String code);

	/**
	 * The figures of one item (rolled up over its children) per fiscal year and BBC kind
	 * ({@code EXPLOITATIE}, {@code INVESTERING}, {@code FINANCIERING}), years ascending,
	 * kinds in that order, only the combinations with figures; empty when there are none.
	 * Without an implementation that knows kinds: empty.
	 */
	default List<KindAmounts> perYearAndKind(Tenant tenant, String code) {
		return List.of();
	}

	/** The amounts of one fiscal year and BBC kind of an item, in exact euro. */
	record KindAmounts(int year, String kind, BigDecimal expenditureEstimate, BigDecimal expenditureRealisation,
			BigDecimal receiptsEstimate, BigDecimal receiptsRealisation) {

		/**
		 * Realised expenditure as a percentage of the estimate (one decimal), or null
		 * without an estimate.
		 */
		public BigDecimal executionRate() {
			return expenditureEstimate.signum() == 0 ? null : expenditureRealisation.multiply(BigDecimal.valueOf(100))
				.divide(expenditureEstimate, 1, RoundingMode.HALF_UP);
		}

	}

	/**
	 * Amounts of one item (or the total, code null), or of one year in {@link #perYear},
	 * in exact euro.
	 */
	record Amounts(String code, Integer year, BigDecimal expenditureEstimate, BigDecimal expenditureRealisation,
			BigDecimal receiptsEstimate, BigDecimal receiptsRealisation) {

		/**
		 * Realised expenditure as a percentage of the estimate (one decimal), or null
		 * without an estimate.
		 */
		public BigDecimal executionRate() {
			return expenditureEstimate.signum() == 0 ? null : expenditureRealisation.multiply(BigDecimal.valueOf(100))
				.divide(expenditureEstimate, 1, RoundingMode.HALF_UP);
		}

	}

	/**
	 * The year's figures per item and for the whole tenant (all lines, including those
	 * under no policy goal).
	 */
	record Overview(int year, List<Amounts> items, Amounts total) {
	}

}
