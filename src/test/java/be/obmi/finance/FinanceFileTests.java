package be.obmi.finance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.assertj.core.groups.Tuple;

/**
 * The BBC export format: exact amounts in Belgian and English notation, every error with
 * row and column.
 */
class FinanceFileTests {

	static List<FinanceLine> parse(String csv) {
		return FinanceFile.parse(TableReader.read(csv.getBytes(StandardCharsets.UTF_8)));
	}

	static final String HEADER = "actie;boekjaar;beleidsveld;algemene_rekening;soort;richting;raming;realisatie\n";

	@Test
	void readsLinesWithExactAmountsInEveryNotation() {
		List<FinanceLine> lines = parse(HEADER + "AC01;2026;0200;REK2240000;investering;uitgave;1.234,56;1234.5\n"
				+ "AP01;2027;0410;6130000;Exploitatie;ONTVANGST;1 000 000,10;\n"
				+ ";2026;0020;REK7300;financiering;uitgave;1,234.56;0,01\n");
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0).estimate()).isEqualByComparingTo(new BigDecimal("1234.56"));
		assertThat(lines.get(0).realisation()).isEqualTo(new BigDecimal("1234.50"));
		assertThat(lines.get(1).estimate()).isEqualTo(new BigDecimal("1000000.10"));
		assertThat(lines.get(1).realisation()).isEqualTo(new BigDecimal("0.00"));
		assertThat(lines.get(1).kind()).isEqualTo(FinanceLine.Kind.EXPLOITATIE);
		assertThat(lines.get(1).direction()).isEqualTo(FinanceLine.Direction.ONTVANGST);
		assertThat(lines.get(2).planItemCode()).isNull();
		assertThat(lines.get(2).estimate()).isEqualTo(new BigDecimal("1234.56"));
		assertThat(lines.get(2).account()).isEqualTo("REK7300");
	}

	@Test
	void reportsEveryErrorWithRowAndColumn() {
		assertThatThrownBy(() -> parse(
				HEADER + "AC01;26;02;?;huur;uitgave;1.234;abc\n" + "AC02;2026;0200;REK1;exploitatie;in;10;10\n"))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					ex -> assertThat(ex.errors()).extracting(ImportError::row, ImportError::column)
						.containsExactlyInAnyOrder(Tuple.tuple(2, "boekjaar"), Tuple.tuple(2, "beleidsveld"),
								Tuple.tuple(2, "algemene_rekening"), Tuple.tuple(2, "soort"), Tuple.tuple(2, "raming"),
								Tuple.tuple(2, "realisatie"), Tuple.tuple(3, "algemene_rekening"),
								Tuple.tuple(3, "richting")));
	}

	@Test
	void refusesAFileWithoutTheRequiredColumns() {
		// beleidsveld and algemene_rekening may be left out (issue 13: multi-year
		// investment
		// plans); an amount column may not
		assertThatThrownBy(() -> parse("actie;jaar;bedrag\nAC01;2026;5\n")).isInstanceOfSatisfying(
				ImportRejectedException.class,
				ex -> assertThat(ex.errors()).extracting(ImportError::column)
					.contains("boekjaar", "soort", "richting")
					.doesNotContain("beleidsveld", "algemene_rekening"));
		assertThatThrownBy(() -> parse("actie;boekjaar;soort;richting\nAC01;2026;investering;uitgave\n"))
			.isInstanceOfSatisfying(ImportRejectedException.class,
					ex -> assertThat(ex.errors()).extracting(ImportError::column).containsExactly("raming"));
	}

	@Test
	void aMultiYearInvestmentPlanTakesThePolicyFieldFromThePlanItemAndAnUnknownAccount() {
		String csv = "actie;boekjaar;soort;richting;raming\n" + "AC01;2026;investering;uitgave;250000\n"
				+ "AC01;2027;investering;uitgave;1.250.000\n" + ";2026;investering;uitgave;10\n";
		Table table = TableReader.read(csv.getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> FinanceFile.parse(table, code -> true, code -> "0200", "Gent")).isInstanceOfSatisfying(
				ImportRejectedException.class,
				ex -> assertThat(ex.errors()).extracting(ImportError::row, ImportError::column, ImportError::code)
					.containsExactly(Tuple.tuple(4, "beleidsveld", "import.finance.policyFieldMissing")));
		List<FinanceLine> lines = FinanceFile.parse(
				TableReader.read(csv.replace(";2026;investering;uitgave;10\n", "").getBytes(StandardCharsets.UTF_8)),
				code -> true, code -> "0200", "Gent");
		assertThat(lines).extracting(FinanceLine::policyField, FinanceLine::account, FinanceLine::estimate)
			.containsExactly(Tuple.tuple("0200", FinanceFile.UNKNOWN_ACCOUNT, new BigDecimal("250000.00")),
					Tuple.tuple("0200", FinanceFile.UNKNOWN_ACCOUNT, new BigDecimal("1250000.00")));
		assertThat(lines.getFirst().realisation()).isEqualByComparingTo("0");
	}

	@Test
	void theContentHashIgnoresRowOrder() {
		List<FinanceLine> a = parse(HEADER
				+ "AC01;2026;0200;REK2802;exploitatie;uitgave;1;2\nAC02;2026;0200;REK2802;exploitatie;uitgave;3;4\n");
		List<FinanceLine> b = parse(HEADER
				+ "AC02;2026;0200;REK2802;exploitatie;uitgave;3,00;4\nAC01;2026;0200;REK2802;exploitatie;uitgave;1;2\n");
		assertThat(FinanceImports.hash(a)).isEqualTo(FinanceImports.hash(b));
	}

}
