package be.obmi.finance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
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
		assertThatThrownBy(() -> parse("actie;jaar;bedrag\nAC01;2026;5\n")).isInstanceOfSatisfying(
				ImportRejectedException.class,
				ex -> assertThat(ex.errors()).extracting(ImportError::column)
					.contains("boekjaar", "beleidsveld", "algemene_rekening", "soort", "richting", "raming",
							"realisatie"));
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
