package be.obmi.privacy;

import be.obmi.privacy.domain.KboNumber;
import be.obmi.shared.RefusedValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The KBO/BCE enterprise number of a linked organisation: ten digits starting with 0 or
 * 1, the last two 97 minus the first eight modulo 97; typed with or without dots and
 * spaces, shown as {@code 0207.451.227}.
 */
class LinkedOrganisationTests {

	@Test
	void validNumbersAreAcceptedInEveryUsualSpellingAndShownWithDots() {
		assertThat(KboNumber.parse("0207451227").formatted()).isEqualTo("0207.451.227");
		assertThat(KboNumber.parse("0207.451.227").digits()).isEqualTo("0207451227");
		assertThat(KboNumber.parse(" 0207 451 227 ").digits()).isEqualTo("0207451227");
		assertThat(KboNumber.parse("207.451.227").digits()).isEqualTo("0207451227");
		assertThat(KboNumber.parse("0212.554.120").formatted()).isEqualTo("0212.554.120");
		// 02074512 mod 97 = 70, 97 - 70 = 27
		assertThat(KboNumber.valid("0207451227")).isTrue();
	}

	@Test
	void aWrongCheckDigitAWrongFirstDigitOrLengthOrLettersAreRefused() {
		for (String bad : new String[] { "0207451228", "2207451227", "020745122", "02074512277", "0207.451.22A", "",
				null }) {
			assertThatThrownBy(() -> KboNumber.parse(bad)).as(String.valueOf(bad))
				.isInstanceOf(RefusedValueException.class)
				.satisfies(ex -> assertThat(((RefusedValueException) ex).reason().code())
					.isEqualTo("privacy.refused.kbo"));
		}
		assertThat(KboNumber.valid("1000000000")).isFalse();
	}

}
