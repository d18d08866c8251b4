package be.obmi.finance;

import java.math.BigDecimal;

/**
 * One line of a BBC export: what was estimated and realised on one general-ledger account
 * for one plan item (or none: {@code planItemCode} null for lines under no policy goal)
 * in one fiscal year. Amounts are exact euro.
 */
public record FinanceLine(int row, String planItemCode, int fiscalYear, String policyField, String account, Kind kind,
		Direction direction, BigDecimal estimate, BigDecimal realisation) {

	/** The BBC kind of a line. */
	public enum Kind {

		EXPLOITATIE, INVESTERING, FINANCIERING

	}

	/** Expenditure or receipt. */
	public enum Direction {

		UITGAVE, ONTVANGST

	}

	/** The line without its row number, to compare versions of a file. */
	String contentKey() {
		return String.join("|", planItemCode == null ? "" : planItemCode, String.valueOf(fiscalYear), policyField,
				account, kind.name(), direction.name(), estimate.toPlainString(), realisation.toPlainString());
	}

}
