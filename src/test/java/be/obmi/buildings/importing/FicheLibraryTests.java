package be.obmi.buildings.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import be.obmi.buildings.domain.FicheContent;
import be.obmi.buildings.domain.FicheModels;
import be.obmi.buildings.domain.FicheVocabulary;
import be.obmi.shared.tabular.ImportRejectedException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed library (issue #19, acceptance 1 and 2) without the application: every data
 * element of every seed fiche has an OSLO term or is flagged as a local extension under
 * the Schillenboek namespace; the shape generated from the elements validates the fiche's
 * example payload and rejects a broken one (a required element removed); the JSON-LD
 * export of the imported fiche is graph-isomorphic to the seed file (Jena).
 */
class FicheLibraryTests {

	static final String[] SEEDS = { "inschrijving", "ambtshalve-inschrijving", "leegstaande-woningen",
			"omgevingsvergunning-bouwen", "leegstaande-bedrijfsruimten", "ongeschikt-onbewoonbaar" };

	final FicheModels models = new FicheModels();

	final FicheImport reader = new FicheImport(null, models);

	static byte[] seed(String code) throws IOException {
		try (InputStream in = new ClassPathResource("buildings/fiches/" + code + ".jsonld").getInputStream()) {
			return in.readAllBytes();
		}
	}

	static Model graph(byte[] jsonLd) {
		Model model = ModelFactory.createDefaultModel();
		String text = new String(jsonLd, java.nio.charset.StandardCharsets.UTF_8).replace(
				"\"" + FicheJsonLd.CONTEXT_URL + "\"",
				new String(FicheJsonLd.contextDocument(), java.nio.charset.StandardCharsets.UTF_8)
					.replaceFirst("^\\{\\s*\"@context\"\\s*:", "")
					.replaceFirst("}\\s*$", ""));
		RDFParser.fromString(text, Lang.JSONLD11).parse(model);
		return model;
	}

	@ParameterizedTest
	@ValueSource(strings = { "inschrijving", "ambtshalve-inschrijving", "leegstaande-woningen",
			"omgevingsvergunning-bouwen", "leegstaande-bedrijfsruimten", "ongeschikt-onbewoonbaar" })
	void everyElementIsMappedAndTheExampleValidates(String code) throws IOException {
		FicheContent content = reader.read(seed(code));
		assertThat(content.code()).isEqualTo(code);
		assertThat(content.elements()).isNotEmpty();
		for (FicheContent.DataElement e : content.elements()) {
			assertThat(e.localExtension() ? FicheVocabulary.local(e.termIri()) : FicheVocabulary.oslo(e.termIri()))
				.as("%s.%s: %s", code, e.key(), e.termIri())
				.isTrue();
		}
		FicheModels.Validation valid = models.validate(content);
		assertThat(valid.conforms()).as(String.join("; ", valid.messages())).isTrue();
		FicheContent.DataElement required = content.elements()
			.stream()
			.filter(FicheContent.DataElement::required)
			.findFirst()
			.orElseThrow();
		ObjectNode broken = broken(content.examplePayload(), required.key());
		FicheModels.Validation invalid = models.validate(content, broken.toString());
		assertThat(invalid.conforms()).as("without %s", required.key()).isFalse();
		assertThat(models.mermaid(content)).startsWith("classDiagram");
	}

	@ParameterizedTest
	@ValueSource(strings = { "inschrijving", "ambtshalve-inschrijving", "leegstaande-woningen",
			"omgevingsvergunning-bouwen", "leegstaande-bedrijfsruimten", "ongeschikt-onbewoonbaar" })
	void theJsonLdRoundTripIsLossless(String code) throws IOException {
		byte[] seed = seed(code);
		FicheContent content = reader.read(seed);
		byte[] exported = FicheJsonLd.write(content);
		assertThat(graph(exported).isIsomorphicWith(graph(seed))).isTrue();
		assertThat(reader.read(exported)).isEqualTo(content);
	}

	@org.junit.jupiter.api.Test
	void aFileWithAnUnknownStatementOrARemoteContextIsRefused() throws IOException {
		ObjectNode file = (ObjectNode) JsonMapper.builder().build().readTree(seed("inschrijving"));
		file.put("http://example.org/onbekend", "x");
		assertThatThrownBy(() -> reader.read(file.toString().getBytes()))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> assertThat(ex.errors())
				.anySatisfy(e -> assertThat(e.code()).isEqualTo("import.buildings.unknownStatements")));
		file.remove("http://example.org/onbekend");
		file.put("@context", "https://example.org/context.jsonld");
		assertThatThrownBy(() -> reader.read(file.toString().getBytes()))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> assertThat(ex.errors())
				.anySatisfy(e -> assertThat(e.code()).isEqualTo("import.buildings.remoteContext")));
		assertThatThrownBy(() -> reader.read("{ niet json".getBytes()))
			.isInstanceOfSatisfying(ImportRejectedException.class, ex -> assertThat(ex.errors())
				.anySatisfy(e -> assertThat(e.code()).isEqualTo("import.buildings.notJson")));
	}

	/** The example payload with the element removed wherever it occurs. */
	static ObjectNode broken(String payload, String key) {
		ObjectNode root = (ObjectNode) JsonMapper.builder().build().readTree(payload);
		List<ObjectNode> nodes = new ArrayList<>();
		collect(root, nodes);
		nodes.forEach(n -> n.remove(key));
		return root;
	}

	private static void collect(tools.jackson.databind.JsonNode node, List<ObjectNode> nodes) {
		if (node instanceof ObjectNode object) {
			nodes.add(object);
		}
		for (tools.jackson.databind.JsonNode child : node) {
			collect(child, nodes);
		}
	}

}
