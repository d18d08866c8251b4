package be.obmi.population.importing;

import be.obmi.population.ResidentGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * National register numbers are recognised in every notation, for people born before and
 * from 2000, and numbers that only look like one (wrong check digits, other lengths, the
 * generator's keys, coordinates) are not.
 */
class NationalNumbersTests {

	static String number(String yymmdd, String serial, boolean from2000) {
		return ResidentGenerator.nationalNumber(yymmdd, serial, from2000);
	}

	@Test
	void recognisesTheNumberInEveryNotation() {
		String n = number("850730", "033", false);
		assertThat(NationalNumbers.contains(n)).isTrue();
		String dotted = n.substring(0, 2) + "." + n.substring(2, 4) + "." + n.substring(4, 6) + "-" + n.substring(6, 9)
				+ "." + n.substring(9);
		assertThat(NationalNumbers.contains(dotted)).isTrue();
		assertThat(NationalNumbers.contains(n.substring(0, 6) + " " + n.substring(6, 9) + " " + n.substring(9)))
			.isTrue();
		assertThat(NationalNumbers.contains("rrn: " + n + " (kopie)")).isTrue();
		assertThat(NationalNumbers.contains(number("050101", "123", true))).isTrue();
	}

	@Test
	void leavesOtherNumbersAlone() {
		String n = number("850730", "033", false);
		String wrong = n.substring(0, 9) + String.format("%02d", (Integer.parseInt(n.substring(9)) + 1) % 100);
		assertThat(NationalNumbers.contains(wrong)).isFalse();
		assertThat(NationalNumbers.contains("1" + n)).isFalse();
		assertThat(NationalNumbers.contains("P00012345")).isFalse();
		assertThat(NationalNumbers.contains("153245,12")).isFalse();
		assertThat(NationalNumbers.contains("2024-01-01")).isFalse();
		assertThat(NationalNumbers.contains(null)).isFalse();
	}

}
