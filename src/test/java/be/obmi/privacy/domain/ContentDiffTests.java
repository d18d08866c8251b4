package be.obmi.privacy.domain;

import java.util.List;
import java.util.Map;

import be.obmi.shared.RefusedValueException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The field-level diff over JSON, the form lines of an activity and its completeness.
 */
class ContentDiffTests {

	static ActivityContent content(String purpose, String retention) {
		return new ActivityContent("Naam", purpose, List.of("A6-1-e"), List.of(), List.of("Inwoners"),
				List.of(new ActivityContent.DataCategory("Naam", false, "5 jaar")), List.of("Niemand"), List.of(),
				retention, List.of("Toegang per rol"), "Dienst", List.of(), null, "Stad", null);
	}

	@Test
	void onlyChangedFieldsAreListedWithOldAndNewAsTheFormShowsThem() {
		List<ContentDiff.FieldDifference> diff = ContentDiff.between(content("Oud doel", "5 jaar"),
				content("Nieuw doel", "5 jaar"));
		assertThat(diff).extracting(ContentDiff.FieldDifference::field).containsExactly("purpose");
		assertThat(diff.getFirst().beforeText()).isEqualTo("Oud doel");
		assertThat(diff.getFirst().afterText()).isEqualTo("Nieuw doel");
		assertThat(ContentDiff.between(content("x", "5 jaar"), content("x", "5 jaar"))).isEmpty();
	}

	@Test
	void anyJsonObjectIsComparedAndEmptyValuesAreEqual() {
		JsonMapper json = JsonMapper.builder().build();
		var before = json.valueToTree(Map.of("criteria", List.of("a"), "note", ""));
		var after = json.valueToTree(Map.of("criteria", List.of("a", "b")));
		List<ContentDiff.FieldDifference> diff = ContentDiff.between(before, after);
		assertThat(diff).extracting(ContentDiff.FieldDifference::field).containsExactly("criteria");
		assertThat(diff.getFirst().afterText()).isEqualTo("a\nb");
	}

	@Test
	void formLinesBecomeContentAndBack() {
		ActivityForm form = new ActivityForm("Naam", "Doel", List.of("A6-1-e", "A6-1-e"), List.of("A9-2-h"),
				"Inwoners\n\n Personeel ", "Gezondheid;ja;10 jaar\nNaam", "", "us;standaardcontractbepalingen",
				"5 jaar", "Toegang", "Dienst", "", null, "Stad", null, null, null, null, null, null, 0);
		ActivityContent content = form.content();
		assertThat(content.legalBases()).containsExactly("A6-1-e");
		assertThat(content.dataSubjects()).containsExactly("Inwoners", "Personeel");
		assertThat(content.dataCategories()).containsExactly(
				new ActivityContent.DataCategory("Gezondheid", true, "10 jaar"),
				new ActivityContent.DataCategory("Naam", false, null));
		assertThat(content.transfers())
			.containsExactly(new ActivityContent.Transfer("US", "standaardcontractbepalingen"));
		assertThat(Completeness.missing(content)).containsExactly(ActivityField.RECIPIENTS);
		assertThat(Completeness.score(content)).isEqualTo(90);
		ActivityForm back = ActivityForm.of(content, null, null, null, null, 0);
		assertThat(back.dataCategories()).isEqualTo("Gezondheid;ja;10 jaar\nNaam;nee");
		assertThat(back.content()).isEqualTo(content);
	}

	@Test
	void badLinesAndUnknownBasesAreRefused() {
		assertThatThrownBy(() -> new ActivityForm("N", null, List.of("A9-2-a"), null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, 0)
			.content()).isInstanceOf(RefusedValueException.class);
		assertThatThrownBy(() -> new ActivityForm("N", null, null, null, null, null, null, "ZZ;waarborg", null, null,
				null, null, null, null, null, null, null, null, null, null, 0)
			.content()).isInstanceOf(RefusedValueException.class);
		assertThatThrownBy(() -> new ActivityForm("N", null, null, null, null, "Naam;soms", null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, 0)
			.content()).isInstanceOf(RefusedValueException.class);
		assertThat(LegalBasis.A9_2_H.iri()).isEqualTo("https://w3id.org/dpv/legal/eu/gdpr#A9-2-h");
		assertThat(LegalBasis.byCode("a6-1-F")).contains(LegalBasis.A6_1_F);
	}

}
