package be.obmi.rights.lpdc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The LPDC fixtures (built from the IPDC-LPDC model) and the demo file read through Jena:
 * the fiche from requirements, evidence, procedures, costs, advantages, contact points
 * and legal resources; refusals with the reason.
 */
class LpdcReaderTests {

	static byte[] fixture(String name) throws IOException {
		return LpdcReaderTests.class.getResourceAsStream("/rights/lpdc/" + name).readAllBytes();
	}

	@Test
	void anInstanceBecomesAFicheInDutchWithoutHtml() throws IOException {
		List<LpdcInstance> instances = LpdcReader.read(fixture("kortrijk-instances.jsonld"));
		assertThat(instances).hasSize(3);
		LpdcInstance energy = instances.stream()
			.filter(instance -> instance.title().equals("Energiepremie voor huurders"))
			.findFirst()
			.orElseThrow();
		assertThat(energy.uri())
			.isEqualTo("http://data.lblod.info/id/public-service/1e2f0a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b");
		assertThat(energy.type()).isEqualTo("FinancieelVoordeel");
		assertThat(energy.forRechtenverkenner()).isTrue();
		assertThat(energy.description()).startsWith("Huur je een woning").doesNotContain("<");
		assertThat(energy.conditions()).contains("Inkomen: Het gezamenlijk belastbaar inkomen")
			.contains("Huurder: Je huurt");
		assertThat(energy.documents()).contains("Aanslagbiljet").contains("Huurcontract");
		assertThat(energy.procedure()).contains("https://www.kortrijk.be/energiepremie");
		assertThat(energy.advantage()).contains("Premie: Eenmalige premie van 150 euro").contains("Kosten: Kosten");
		assertThat(energy.contact()).contains("sociaalhuis@kortrijk.be").contains("8500 Kortrijk");
		assertThat(energy.legalUrl()).isEqualTo("https://kortrijk.lokaalbeslist.be/besluit/energiepremie-2024");
		assertThat(energy.validFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(energy.level()).isEqualTo("LOKAAL");
		assertThat(energy.themes()).containsExactly("BouwenWonen", "MilieuEnergie");
		assertThat(energy.audiences()).containsExactly("Burger");
		assertThat(energy.spatial()).containsExactly("34022");
		assertThat(energy.concept()).endsWith("7d1b5f0e-energiepremie-huurders");
		assertThat(instances).filteredOn(LpdcInstance::forRechtenverkenner).hasSize(2);
	}

	@Test
	void theDemoFileReads() throws IOException {
		List<LpdcInstance> instances = LpdcReader
			.read(Files.readAllBytes(Path.of("docs/formats/examples/rights-lpdc-gent.jsonld")));
		assertThat(instances).hasSize(3)
			.allSatisfy(instance -> assertThat(instance.spatial()).containsExactly("44021"));
	}

	@Test
	void aBrokenFileAndAnInstanceWithoutTitleAreRefusedWithTheReason() {
		assertThatThrownBy(() -> LpdcReader.read(fixture("broken.jsonld"))).isInstanceOf(LpdcRejectedException.class)
			.satisfies(ex -> assertThat(((LpdcRejectedException) ex).reason().code())
				.isEqualTo("rights.lpdc.refused.syntax"));
		assertThatThrownBy(() -> LpdcReader.read(fixture("missing-title.jsonld")))
			.isInstanceOf(LpdcRejectedException.class)
			.satisfies(ex -> assertThat(((LpdcRejectedException) ex).reason().arguments()).contains("dct:title"));
		assertThatThrownBy(() -> LpdcReader
			.read("{\"@context\": \"https://example.org/context.jsonld\", \"@id\": \"x\"}".getBytes()))
			.isInstanceOf(LpdcRejectedException.class);
	}

}
