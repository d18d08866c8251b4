package be.obmi.stats.query;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import be.obmi.plan.web.PlanNumbers;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one number format of the site: Belgian Dutch and English on the pages, the
 * indicator's decimals, and decimal commas without grouping in the site's CSV.
 */
class StatsFormatTests {

	static final Locale DUTCH = Locale.forLanguageTag("nl-BE");

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void dutchPagesGroupWithPointsAndUseADecimalComma() {
		assertThat(StatsFormat.format(88_500.0, 0, DUTCH)).isEqualTo("88.500");
		assertThat(StatsFormat.format(6_436.0, 0, DUTCH)).as("a count has no decimals").isEqualTo("6.436");
		assertThat(StatsFormat.format(20.14, 1, DUTCH)).isEqualTo("20,1");
		assertThat(StatsFormat.format(2.0, 2, Locale.forLanguageTag("nl"))).isEqualTo("2,00");
		assertThat(StatsFormat.format(null, 1, DUTCH)).isEmpty();
	}

	@Test
	void englishPagesUseEnglishFormatting() {
		assertThat(StatsFormat.format(88_500.0, 0, Locale.ENGLISH)).isEqualTo("88,500");
		assertThat(StatsFormat.format(20.14, 1, Locale.forLanguageTag("en-US"))).isEqualTo("20.1");
	}

	@Test
	void theSitesCsvWritesADecimalCommaWithoutGrouping() {
		assertThat(StatsFormat.csv(1234.5)).isEqualTo("1234,5");
		assertThat(StatsFormat.csv(6436.0)).isEqualTo("6436");
		assertThat(StatsFormat.csv(-15.0)).isEqualTo("-15");
		assertThat(StatsFormat.csv(1_234_567.0)).isEqualTo("1234567");
		assertThat(StatsFormat.csv(0.000125)).isEqualTo("0,000125");
		assertThat(StatsFormat.csv(null)).isEmpty();
	}

	@Test
	void aStoredDecimalLosesTheZerosOfItsStorage() {
		// a stored decimal is written by the shared formatter (plan's pages through
		// PlanNumbers)
		StatsFormat format = new StatsFormat();
		PlanNumbers plan = new PlanNumbers();
		LocaleContextHolder.setLocale(DUTCH);
		assertThat(plan.decimal(new BigDecimal("43.0000"))).isEqualTo("43");
		assertThat(plan.decimal(new BigDecimal("1234.5000"))).isEqualTo("1.234,5");
		assertThat(plan.decimal(new BigDecimal("1E+3"))).isEqualTo("1.000");
		assertThat(plan.decimal(null)).isEqualTo("—");
		assertThat(format.number(88_500.0, 0)).isEqualTo("88.500");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(plan.decimal(new BigDecimal("1234.5000"))).isEqualTo("1,234.5");
	}

}
