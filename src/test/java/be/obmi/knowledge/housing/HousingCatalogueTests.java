package be.obmi.knowledge.housing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import be.obmi.shared.tabular.TableReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controlled list on the class path: eight chapters, unique codes, both languages
 * filled, and the codes the issue names.
 */
class HousingCatalogueTests {

	@Test
	void theListHasEightChaptersUniqueCodesAndBothLanguages() {
		List<HousingInstrument> list = HousingCatalogue.read(TableReader.reference(HousingCatalogue.LIST));
		assertThat(list).hasSizeGreaterThanOrEqualTo(24);
		assertThat(list.stream().map(HousingInstrument::chapter).distinct()).containsExactly("1", "2", "3", "4", "5",
				"6", "7", "8");
		Set<String> codes = new HashSet<>();
		list.forEach(i -> assertThat(codes.add(i.code())).as("unique " + i.code()).isTrue());
		assertThat(list).allSatisfy(i -> {
			assertThat(i.labelNl()).isNotBlank();
			assertThat(i.labelEn()).isNotBlank();
			assertThat(i.chapterNl()).isNotBlank();
			assertThat(i.chapterEn()).isNotBlank();
			assertThat(i.code()).matches("[1-8]\\.[A-Z]\\.[0-9]");
		});
		assertThat(list).extracting(i -> i.code() + " " + i.labelNl())
			.contains("5.A.1 Preventie", "5.A.2 Aanvullende gemeentelijke reglementering", "5.A.3 Kwaliteitsonderzoek");
		assertThat(list.getFirst().chapterLabel(null)).isEqualTo("1. Woonoverleg en regie");
	}

	@Test
	void onlyWebLinksAreRegulationLinks() {
		assertThat(CityInstruments.webLink("https://www.gent.be/reglement")).isTrue();
		assertThat(CityInstruments.webLink("HTTP://gent.be")).isTrue();
		assertThat(CityInstruments.webLink("javascript:alert(1)")).isFalse();
		assertThat(CityInstruments.webLink("ftp://gent.be/x")).isFalse();
		assertThat(CityInstruments.webLink("www.gent.be")).isFalse();
		assertThat(CityInstruments.webLink("https:///pad")).isFalse();
	}

}
