package be.obmi.knowledge;

import java.io.StringReader;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each collection of the knowledge bank is a dataset of the platform's DCAT catalogue,
 * and its distributions answer.
 */
@ObmiIntegrationTest
class KnowledgeCatalogIntegrationTests {

	static final String DCAT = "http://www.w3.org/ns/dcat#";

	@LocalServerPort
	int port;

	@Test
	void everyCollectionIsADatasetOfThePlatformCatalogueWithCsvAndJsonThatAnswer() {
		ApiClient.Response catalogue = ApiClient.anonymous(port).get("/cijfers/catalogus.ttl");
		assertThat(catalogue.status()).isEqualTo(200);
		Model model = ModelFactory.createDefaultModel();
		model.read(new StringReader(catalogue.body()), null, "TURTLE");
		Resource churches = model.listResourcesWithProperty(DCTerms.identifier, "kennis-kerken")
			.nextOptional()
			.orElseThrow(() -> new AssertionError("no dataset kennis-kerken in the platform catalogue"));
		assertThat(churches.hasProperty(RDF.type, model.createResource(DCAT + "Dataset"))).isTrue();
		assertThat(model.listObjectsOfProperty(churches, model.createProperty(DCAT, "distribution")).toList())
			.hasSize(2);
		assertThat(catalogue.body()).contains("/kennis/collecties/kerken/dataset.csv")
			.contains("/kennis/collecties/kerken/dataset.json")
			.contains("kennis-tijdelijk-gebruik");
		ApiClient.Response csv = ApiClient.anonymous(port).get("/kennis/collecties/kerken/dataset.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("id;titel");
		assertThat(ApiClient.anonymous(port).get("/kennis/collecties/kerken/dataset.json").status()).isEqualTo(200);
	}

}
