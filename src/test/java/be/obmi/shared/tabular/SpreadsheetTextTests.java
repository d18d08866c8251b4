package be.obmi.shared.tabular;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV-injection rule: texts that would run as formulas get an apostrophe, numbers
 * never, and import undoes it.
 */
class SpreadsheetTextTests {

	@Test
	void formulaTextsGetAnApostrophe() {
		for (String formula : new String[] { "=1+1", "+3+4 telefoon", "-2+3 tekst", "@SUM(A1)", "\t=1", "\r=1",
				"=HYPERLINK(\"http://x\",\"klik\")", "-", "+", "=" }) {
			assertThat(SpreadsheetText.neutralised(formula)).as(formula).isEqualTo("'" + formula);
			assertThat(SpreadsheetText.restored(SpreadsheetText.neutralised(formula))).as(formula).isEqualTo(formula);
		}
	}

	@Test
	void numbersAndOrdinaryTextsStayAsTheyAre() {
		for (String text : new String[] { "-12", "+3.5", "-1,25", "1e-3", "-4E+2", "0", "Doel", "'t Stad", "a=b", "",
				null }) {
			assertThat(SpreadsheetText.neutralised(text)).as(text).isEqualTo(text);
			assertThat(SpreadsheetText.restored(text)).as(text).isEqualTo(text);
		}
	}

	@Test
	void importDropsOnlyAnApostropheBeforeAFormulaCharacter() {
		assertThat(SpreadsheetText.restored("'=SOM(A1)")).isEqualTo("=SOM(A1)");
		assertThat(SpreadsheetText.restored("'-12")).isEqualTo("'-12");
		assertThat(SpreadsheetText.restored("'Doel")).isEqualTo("'Doel");
		assertThat(SpreadsheetText.restored("'")).isEqualTo("'");
	}

}
