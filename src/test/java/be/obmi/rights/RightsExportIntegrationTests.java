package be.obmi.rights;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RightForm;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.rights.export.CatalogueExport;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue export (JSON-LD, CPSV-AP) of a city through the public route and the API:
 * it holds the city's published rights (and the shared ones it offers), no drafts and no
 * other city's rights, and passes the SHACL shape the project keeps; the shape rejects a
 * broken document.
 */
@ObmiIntegrationTest
class RightsExportIntegrationTests {

	static final String CITY = "genk";

	@LocalServerPort
	int port;

	@Autowired
	Rights rights;

	@Autowired
	RuleVersions versions;

	@Autowired
	Tenants tenants;

	@Test
	void theExportHoldsThePublishedRightsAndPassesTheShape() {
		Tenant genk = tenants.require(CITY);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		RightEntry published = right(genk.id(), "export-" + suffix, true);
		RightEntry draft = right(genk.id(), "ontwerp-" + suffix, false);
		RightEntry elsewhere = right(tenants.require("hasselt").id(), "elders-" + suffix, true);
		ApiClient anonymous = ApiClient.anonymous(port);
		ApiClient.Response page = anonymous.get("/" + CITY + "/rechtenverkenner/catalogus.jsonld");
		assertThat(page.status()).isEqualTo(200);
		ApiClient.Response api = anonymous.get("/api/v1/" + CITY + "/rechten/catalogus.jsonld");
		assertThat(api.status()).isEqualTo(200);
		Model model = ModelFactory.createDefaultModel();
		RDFDataMgr.read(model, new ByteArrayInputStream(page.body().getBytes(StandardCharsets.UTF_8)), Lang.JSONLD);
		String services = model
			.listSubjectsWithProperty(RDF.type, model.createResource("http://purl.org/vocab/cpsv#PublicService"))
			.toList()
			.toString();
		assertThat(services).contains(published.code())
			.doesNotContain(draft.code())
			.doesNotContain(elsewhere.code())
			.contains("/gedeeld/verhoogde-tegemoetkoming");
		ValidationReport report = CatalogueExport.validate(model.getGraph());
		assertThat(report.conforms()).as(report.getEntries().toString()).isTrue();
		assertThat(anonymous.get("/rechtenverkenner/catalogus-shape.ttl").body()).contains("sh:NodeShape");
	}

	@Test
	void theShapeRejectsABrokenDocument() throws IOException {
		Model broken = ModelFactory.createDefaultModel();
		RDFDataMgr.read(broken,
				RightsExportIntegrationTests.class.getResourceAsStream("/rights/export/broken-service.jsonld"),
				Lang.JSONLD);
		ValidationReport report = CatalogueExport.validate(broken.getGraph());
		assertThat(report.conforms()).isFalse();
		assertThat(report.getEntries().stream().map(ReportEntry::resultPath).map(String::valueOf).toList())
			.anySatisfy(path -> assertThat(path).contains("title"))
			.anySatisfy(path -> assertThat(path).contains("hasCompetentAuthority"))
			.anySatisfy(path -> assertThat(path).contains("identifier"));
	}

	private RightEntry right(long tenantId, String code, boolean publish) {
		RightEntry right = rights.create(tenantId,
				new RightForm(code, "Recht " + code, "Een recht om te exporteren.", "LOKAAL", "Energie", "Huurders",
						"Een laag inkomen.", "Aanvragen bij het Sociaal Huis.", "Aanslagbiljet.", "Sociaal Huis",
						"100 euro", "https://example.org/besluit/" + code, "Reglement", null, null),
				false);
		RuleVersion version = versions.draft(right, LocalDate.of(2025, 1, 1), null,
				"{\"all\": [{\"type\": \"age\", \"min\": 18}]}", "https://example.org/besluit/" + code, "test");
		if (!publish) {
			return right;
		}
		versions.publish(right, version.id());
		return rights.publish(right);
	}

}
