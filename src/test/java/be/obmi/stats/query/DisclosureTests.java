package be.obmi.stats.query;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The suppression rule of {@link DisclosureControl} on small hand-made groups. */
class DisclosureTests {

	@Test
	void smallCountsAreSuppressedButZeroIsShown() {
		Set<String> hidden = DisclosureControl.suppress(Map.of("a", 3.0, "b", 0.0, "c", 4.0, "d", 50.0, "t", 57.0),
				List.of(new DisclosureControl.Group("t", List.of("a", "b", "c", "d"), true)), 5);
		assertThat(hidden).containsExactlyInAnyOrder("a", "c");
	}

	@Test
	void aLoneSuppressedCellTakesItsSmallestNonZeroSiblingAlong() {
		Set<String> hidden = DisclosureControl.suppress(Map.of("a", 3.0, "b", 80.0, "c", 40.0, "z", 0.0, "t", 123.0),
				List.of(new DisclosureControl.Group("t", List.of("a", "b", "c", "z"), true)), 5);
		assertThat(hidden).containsExactlyInAnyOrder("a", "c");
	}

	@Test
	void secondarySuppressionSpreadsOverOverlappingGroupsUntilNoneHasASingleHiddenCell() {
		// sector a is small; sector b (its partner in wijk w1) is also in set member s
		// with sector c
		Map<String, Double> values = Map.of("a", 2.0, "b", 30.0, "c", 40.0, "w1", 32.0, "s", 70.0, "city", 72.0);
		List<DisclosureControl.Group> groups = List.of(new DisclosureControl.Group("w1", List.of("a", "b"), true),
				new DisclosureControl.Group("s", List.of("b", "c"), true),
				new DisclosureControl.Group("city", List.of("w1", "c"), true));
		Set<String> hidden = DisclosureControl.suppress(values, groups, 5);
		for (DisclosureControl.Group group : groups) {
			long count = (hidden.contains(group.total()) ? 1 : 0)
					+ group.parts().stream().filter(hidden::contains).count();
			assertThat(count).as(group.toString()).isNotEqualTo(1);
		}
		assertThat(hidden).contains("a", "b");
	}

	@Test
	void aPublishedTotalThatCannotBeHiddenTakesASecondPart() {
		Set<String> hidden = DisclosureControl.suppress(Map.of("x", 3.0, "y", 100.0, "z", 200.0),
				List.of(new DisclosureControl.Group("c:centrumsteden|", List.of("x", "y", "z"), false)), 5);
		assertThat(hidden).containsExactlyInAnyOrder("x", "y");
	}

	@Test
	void hiddenPartsOfAPublishedTotalAddUpToAtLeastTheThreshold() {
		// a and b are small and hidden; with t published their sum (3) would bound each
		// below the threshold
		Set<String> hidden = DisclosureControl.suppress(
				Map.of("a", 2.0, "b", 1.0, "z", 0.0, "c", 7.0, "d", 90.0, "t", 100.0),
				List.of(new DisclosureControl.Group("t", List.of("a", "b", "z", "c", "d"), true)), 5);
		assertThat(hidden).containsExactlyInAnyOrder("a", "b", "c");
	}

	@Test
	void categoriesOfTwoDimensionsAddUpToTheirMarginsAsStored() {
		Map<String, List<String>> margins = DisclosureControl.byMargin(List.of("", "geslacht=M", "geslacht=V",
				"geslacht=M|leeftijd=0-17", "geslacht=M|leeftijd=18+", "leeftijd=0-17|geslacht=V"));
		assertThat(margins).containsOnlyKeys("\ngeslacht", "geslacht=M\nleeftijd", "geslacht=V\nleeftijd");
		assertThat(margins.get("\ngeslacht")).containsExactly("geslacht=M", "geslacht=V");
		assertThat(margins.get("geslacht=M\nleeftijd")).containsExactly("geslacht=M|leeftijd=0-17",
				"geslacht=M|leeftijd=18+");
		assertThat(margins.get("geslacht=V\nleeftijd")).containsExactly("leeftijd=0-17|geslacht=V");
	}

	@Test
	void noThresholdNoSuppression() {
		assertThat(DisclosureControl.suppress(Map.of("a", 3.0), List.of(), 0)).isEmpty();
	}

}
