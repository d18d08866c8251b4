package be.obmi.shared;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every notation {@link Period} reads, its code and its days. */
class PeriodTests {

	@ParameterizedTest(name = "''{0}'' is {1}")
	@CsvSource({ "2024,2024,2024-01-01,2024-12-31", "2024A1,2024,2024-01-01,2024-12-31",
			"2024S1,2024S1,2024-01-01,2024-06-30", "2024-S2,2024S2,2024-07-01,2024-12-31",
			"2024H1,2024S1,2024-01-01,2024-06-30", "2024Q3,2024Q3,2024-07-01,2024-09-30",
			"2024-Q3,2024Q3,2024-07-01,2024-09-30", "2024K3,2024Q3,2024-07-01,2024-09-30",
			"2024q1,2024Q1,2024-01-01,2024-03-31", "2024-06,2024-06,2024-06-01,2024-06-30",
			"2024M6,2024-06,2024-06-01,2024-06-30", "2024M06,2024-06,2024-06-01,2024-06-30",
			"2024-02,2024-02,2024-02-01,2024-02-29", "' 2023 ',2023,2023-01-01,2023-12-31" })
	void reads(String text, String code, LocalDate start, LocalDate end) {
		Period period = Period.parse(text).orElseThrow();
		assertThat(period.code()).isEqualTo(code);
		assertThat(period.start()).isEqualTo(start);
		assertThat(period.end()).isEqualTo(end);
		assertThat(Period.parse(period.code())).contains(period);
	}

	@ParameterizedTest(name = "''{0}'' is no period")
	@ValueSource(strings = { "", "24", "20245", "2024S3", "2024Q5", "2024K0", "2024-13", "2024M0", "1899", "2201",
			"2024-1-1", "Q3 2024", "abc" })
	void refuses(String text) {
		assertThat(Period.parse(text)).isEmpty();
	}

}
