package be.obmi.stats.importing;

import java.util.Optional;

import be.obmi.opendata.Cell;
import be.obmi.opendata.CellStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The period notations of statistics offices and their missing-value symbols as OBMi
 * reads them.
 */
class CubeObservationsTests {

	@Test
	void periodsOfStatisticsOfficesBecomeOBMiPeriods() {
		assertThat(CubeObservations.period("2024")).contains("2024");
		assertThat(CubeObservations.period("2024-Q3")).contains("2024Q3");
		assertThat(CubeObservations.period("2024K3")).contains("2024Q3");
		assertThat(CubeObservations.period("2024q1")).contains("2024Q1");
		assertThat(CubeObservations.period("2024-S2")).contains("2024S2");
		assertThat(CubeObservations.period("2024H1")).contains("2024S1");
		assertThat(CubeObservations.period("2024M06")).contains("2024-06");
		assertThat(CubeObservations.period("2024M6")).contains("2024-06");
		assertThat(CubeObservations.period("2024-11")).contains("2024-11");
		assertThat(CubeObservations.period(" 2023 ")).contains("2023");
		for (String bad : new String[] { "2024M13", "2024-00", "2024Q5", "24", "2024 vår", "2023/2024", "ABCD" }) {
			assertThat(CubeObservations.period(bad)).as(bad).isEqualTo(Optional.empty());
		}
	}

	@Test
	void missingSymbolsBecomeReasonsNeverZeros() {
		assertThat(CubeObservations.missingReason(Cell.missing(".."))).isEqualTo("onbekend");
		assertThat(CubeObservations.missingReason(Cell.missing("..."))).isEqualTo("gecensureerd");
		assertThat(CubeObservations.missingReason(Cell.missing("."))).isEqualTo("niet_van_toepassing");
		assertThat(CubeObservations.missingReason(Cell.missing("M"))).isEqualTo("niet_van_toepassing");
		assertThat(CubeObservations.missingReason(Cell.missing("-"))).isEqualTo("leeg");
		assertThat(CubeObservations.missingReason(Cell.suppressed())).isEqualTo("gecensureerd");
		assertThat(CubeObservations.missingReason(new Cell(CellStatus.MISSING, 0, "x"))).isEqualTo("onbekend");
	}

}
