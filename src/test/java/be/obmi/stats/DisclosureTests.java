package be.obmi.stats;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Primary and secondary suppression of small counts. */
class DisclosureTests {

	@Test
	void smallCountsAreSuppressedButZeroIsShown() {
		Set<Long> hidden = Disclosure.suppressed(List.of(new Disclosure.Input(1, 10L, 3.0),
				new Disclosure.Input(2, 10L, 0.0), new Disclosure.Input(3, 10L, 4.0), new Disclosure.Input(4, 10L, 50.0)),
				5);
		assertThat(hidden).containsExactlyInAnyOrder(1L, 3L);
	}

	@Test
	void aLoneSuppressedCellTakesItsSmallestSiblingAlong() {
		Set<Long> hidden = Disclosure.suppressed(List.of(new Disclosure.Input(1, 10L, 3.0),
				new Disclosure.Input(2, 10L, 80.0), new Disclosure.Input(3, 10L, 40.0), new Disclosure.Input(4, 11L, 2.0),
				new Disclosure.Input(5, 11L, 9.0), new Disclosure.Input(6, 12L, 70.0)), 5);
		assertThat(hidden).containsExactlyInAnyOrder(1L, 3L, 4L, 5L);
	}

	@Test
	void noThresholdNoSuppression() {
		assertThat(Disclosure.suppressed(List.of(new Disclosure.Input(1, 10L, 3.0)), 0)).isEmpty();
	}

}
