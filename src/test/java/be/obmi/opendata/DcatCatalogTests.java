package be.obmi.opendata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.ArrayList;
import java.util.Locale;
import org.apache.jena.vocabulary.RDF;

/**
 * The DCAT-AP 3 catalogue passes the official DCAT-AP 3.0.0 SHACL shapes (Apache Jena
 * SHACL), in Turtle and JSON-LD.
 */
class DcatCatalogTests {

	private static final Shapes SHAPES = Shapes.parse(RDFDataMgr.loadGraph("standards/dcat-ap-3/dcat-ap-SHACL.ttl"));

	static CatalogDescription mechelen() {
		var base = "https://obmi.example.be/mechelen/cijfers";
		var publisher = new CatalogDescription.Publisher("https://obmi.example.be/id/organisatie/12025",
				LocalizedText.of("Stad Mechelen", "City of Mechelen"), "12025");
		var contact = new CatalogDescription.ContactPoint(null, "Dienst Data en Analyse", "data@mechelen.example.be",
				"https://obmi.example.be/mechelen");
		var datasets = List.of(
				dataset(base, "bevolking_wijk", "Bevolking per wijk", "Population by district", DataTheme.SOCI,
						contact),
				dataset(base, "afval", "Huishoudelijk afval", "Household waste", DataTheme.ENVI, contact));
		return new CatalogDescription(base + "/catalogus",
				LocalizedText.of("Open data Stad Mechelen", "Open data City of Mechelen"),
				LocalizedText.of("Cijfers over Mechelen als open data.", "Figures about Mechelen as open data."),
				publisher, "https://obmi.example.be/mechelen/cijfers/open-data", List.of("nl", "en"),
				LocalDate.of(2026, 11, 20), null, datasets,
				new CatalogDescription.DataServiceDescription("https://obmi.example.be/api/v1/mechelen",
						LocalizedText.of("OBMi open data API", "OBMi open data API"),
						LocalizedText.of("Alle gepubliceerde datasets in JSON-stat, SDMX-CSV, PX, CSV en XLSX.",
								"All published datasets in JSON-stat, SDMX-CSV, PX, CSV and XLSX."),
						"https://obmi.example.be/api/v1/mechelen", "https://obmi.example.be/api/docs"));
	}

	private static CatalogDescription.DatasetDescription dataset(String base, String id, String dutch, String english,
			DataTheme theme, CatalogDescription.ContactPoint contact) {
		var distributions = new ArrayList<CatalogDescription.DistributionDescription>();
		for (var format : DistributionFormat.values()) {
			var name = format.name().toLowerCase(Locale.ROOT).replace('_', '-');
			var url = "https://obmi.example.be/api/v1/mechelen/datasets/" + id + "?format=" + name;
			distributions.add(new CatalogDescription.DistributionDescription(base + "/datasets/" + id + "/" + name,
					LocalizedText.of(dutch + " (" + name + ")", english + " (" + name + ")"), format, url, url));
		}
		return new CatalogDescription.DatasetDescription(base + "/datasets/" + id, id, LocalizedText.of(dutch, english),
				LocalizedText.of(dutch + " in Mechelen, per jaar.", english + " in Mechelen, per year."),
				List.of(theme, DataTheme.REGI),
				Map.of("nl", List.of("Mechelen", "wijken"), "en", List.of("Mechelen", "districts")), contact,
				LocalDate.of(2015, 1, 1), LocalDate.of(2025, 12, 31), "http://vocab.belgif.be/auth/refnis2019/12025",
				LocalDate.of(2026, 11, 20), base + "/datasets/" + id, distributions);
	}

	private static List<ReportEntry> violations(Graph graph) {
		ValidationReport report = ShaclValidator.get().validate(SHAPES, graph);
		return report.getEntries().stream().filter(e -> e.severity().equals(Severity.Violation)).toList();
	}

	@Test
	void theShapesAreTheOfficialOnes() {
		assertThat(SHAPES.numRootShapes()).isGreaterThan(30);
		assertThat(SHAPES.getTargetShapes()).isNotEmpty();
	}

	@Test
	void turtleCatalogueHasNoViolations() {
		var out = new ByteArrayOutputStream();
		new DcatCatalogWriter().writeTurtle(mechelen(), out);
		var model = ModelFactory.createDefaultModel();
		RDFDataMgr.read(model, new ByteArrayInputStream(out.toByteArray()), Lang.TURTLE);
		assertThat(violations(model.getGraph())).isEmpty();
		assertThat(model.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList()).hasSize(2);
		assertThat(model.listSubjectsWithProperty(RDF.type, DCAT.Distribution).toList())
			.hasSize(2 * DistributionFormat.values().length);
		assertThat(model.listSubjectsWithProperty(RDF.type, DCAT.DataService).toList()).hasSize(1);
		var text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).contains("modellicentie-gratis-hergebruik/v1.0",
				"https://www.iana.org/assignments/media-types/application/json", "\"12025\"", "data-theme/SOCI",
				"\"Bevolking per wijk\"@nl", "\"Population by district\"@en", "dcat:accessURL", "dcat:downloadURL",
				"dcat:endpointURL", "dcat:startDate", "refnis2019/12025");
	}

	@Test
	void jsonLdCatalogueIsTheSameGraphAndHasNoViolations() {
		var turtle = new ByteArrayOutputStream();
		new DcatCatalogWriter().writeTurtle(mechelen(), turtle);
		var jsonLd = new ByteArrayOutputStream();
		new DcatCatalogWriter().writeJsonLd(mechelen(), jsonLd);
		var fromTurtle = ModelFactory.createDefaultModel();
		RDFDataMgr.read(fromTurtle, new ByteArrayInputStream(turtle.toByteArray()), Lang.TURTLE);
		var fromJsonLd = ModelFactory.createDefaultModel();
		RDFDataMgr.read(fromJsonLd, new ByteArrayInputStream(jsonLd.toByteArray()), Lang.JSONLD);
		assertThat(fromJsonLd.isIsomorphicWith(fromTurtle)).isTrue();
		assertThat(violations(fromJsonLd.getGraph())).isEmpty();
	}

	@Test
	void theShapesCatchAMissingTitleAndAccessUrl() {
		var model = new DcatCatalogWriter().model(mechelen());
		var dataset = model.listSubjectsWithProperty(RDF.type, DCAT.Dataset).next();
		model.removeAll(dataset, DCTerms.title, null);
		var distribution = model.listSubjectsWithProperty(RDF.type, DCAT.Distribution).next();
		model.removeAll(distribution, DCAT.accessURL, null);
		var messages = violations(model.getGraph()).stream().map(e -> e.resultPath().toString()).toList();
		assertThat(messages).anyMatch(p -> p.contains("title")).anyMatch(p -> p.contains("accessURL"));
	}

}
