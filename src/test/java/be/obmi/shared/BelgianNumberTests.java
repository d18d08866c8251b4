package be.obmi.shared;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every form {@link BelgianNumber} reads, and what it refuses. */
class BelgianNumberTests {

	@ParameterizedTest(name = "''{0}'' is {1}")
	@CsvSource(delimiter = '|',
			value = { "1234,5|1234.5", "1234.5|1234.5", "1.234,5|1234.5", "1,234.5|1234.5", "1.234.567|1234567",
					"1,234,567|1234567", "1.234.567,89|1234567.89", "1,234,567.89|1234567.89", "1 234,5|1234.5",
					"1\u00a0234,5|1234.5", "1\u202f234,5|1234.5", "' 12 '|12", "-1.234,5|-1234.5",
					"\u22121234,5|-1234.5", "+7|7", "0,5|0.5", ",5|0.5", "12,|12", "1.234|1.234", "1,234|1.234",
					"1,5e3|1500", "2E-3|0.002", "0|0", })
	void reads(String text, String expected) {
		assertThat(BelgianNumber.parse(text))
			.hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(expected)));
	}

	@ParameterizedTest(name = "''{0}'' is no number")
	@ValueSource(strings = { "", " ", "abc", "12abc", "1.23,5", "1,23.5", "1.2345,6", "12.34.5", "1,234,56", "1..2",
			"1,,2", "--1", "1-", "1.234,5,6", "NaN", "Infinity", "0x10", "12%", "1e", "e5", "." })
	void refuses(String text) {
		assertThat(BelgianNumber.parse(text)).isEmpty();
	}

	@ParameterizedTest(name = "''{0}'' is no double")
	@ValueSource(strings = { "1e400", "-1e400", "1e-400", "abc" })
	void refusesAsDoubleWhatADoubleCannotHold(String text) {
		assertThat(BelgianNumber.parseDouble(text)).isNull();
	}

	@ParameterizedTest(name = "''{0}'' is {1}")
	@CsvSource(delimiter = '|', value = { "1.234,5|1234.5", "0e-400|0", "1e300|1e300" })
	void readsDoubles(String text, double expected) {
		assertThat(BelgianNumber.parseDouble(text)).isEqualTo(expected);
	}

}
