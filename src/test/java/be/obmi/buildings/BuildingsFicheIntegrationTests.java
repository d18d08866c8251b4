package be.obmi.buildings;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import be.obmi.buildings.domain.Fiche;
import be.obmi.buildings.domain.FicheContent;
import be.obmi.buildings.domain.FicheDiff;
import be.obmi.buildings.domain.FicheModels;
import be.obmi.buildings.domain.FicheStatus;
import be.obmi.buildings.domain.FicheSummary;
import be.obmi.buildings.domain.FicheVocabulary;
import be.obmi.buildings.domain.Fiches;
import be.obmi.buildings.domain.PublishedFiches;
import be.obmi.buildings.importing.FicheImport;
import be.obmi.buildings.importing.FicheJsonLd;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.RefusedStateException;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Schillenboek's fiches against the running application (issue #19): the seed library
 * is loaded and published at the first start through the JSON-LD import; every data
 * element of every seed fiche has an OSLO term or is flagged as a local extension, and
 * the generated SHACL shape validates each fiche's example and rejects a broken one
 * (acceptance 1); the JSON-LD the site serves for each seed fiche is graph-isomorphic to
 * the seed file (acceptance 2); a members-only fiche is 404 for anonymous visitors in
 * every format and in the API, and readable for a logged-in member; the workflow draft →
 * review → published with versions, a diff and optimistic locking; the import page
 * refuses a bad file with 422 naming the problem and changes nothing, and the same file
 * twice changes nothing.
 */
@ObmiIntegrationTest
class BuildingsFicheIntegrationTests {

	static final List<String> SEEDS = List.of("inschrijving", "ambtshalve-inschrijving", "leegstaande-woningen",
			"omgevingsvergunning-bouwen", "leegstaande-bedrijfsruimten", "ongeschikt-onbewoonbaar");

	static final String MEMBERS_ONLY = "leegstaande-bedrijfsruimten";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fiches fiches;

	@Autowired
	PublishedFiches published;

	@Autowired
	FicheModels models;

	@Autowired
	FicheImport importer;

	static byte[] seed(String code) throws IOException {
		try (InputStream in = new ClassPathResource("buildings/fiches/" + code + ".jsonld").getInputStream()) {
			return in.readAllBytes();
		}
	}

	/** The graph of a fiche file, its context address replaced by the bundled context. */
	static Model graph(byte[] jsonLd) {
		String context = new String(FicheJsonLd.contextDocument(), StandardCharsets.UTF_8).strip();
		context = context.substring(context.indexOf(':') + 1, context.lastIndexOf('}'));
		String text = new String(jsonLd, StandardCharsets.UTF_8).replace("\"" + FicheJsonLd.CONTEXT_URL + "\"",
				context);
		Model model = ModelFactory.createDefaultModel();
		RDFParser.fromString(text, Lang.JSONLD11).parse(model);
		return model;
	}

	@Test
	void everySeedElementIsMappedAndEveryExampleConformsToItsShapeWhileABrokenOneDoesNot() {
		List<String> codes = published.published().stream().map(FicheSummary::processCode).toList();
		assertThat(codes).containsAll(SEEDS);
		for (String code : SEEDS) {
			Fiche fiche = fiches.require(code);
			FicheContent content = fiche.published();
			assertThat(content.demo()).as("%s is marked as demo content", code).isTrue();
			assertThat(content.elements()).as(code).isNotEmpty();
			for (FicheContent.DataElement e : content.elements()) {
				assertThat(e.localExtension() ? FicheVocabulary.local(e.termIri()) : FicheVocabulary.oslo(e.termIri()))
					.as("%s.%s maps to an OSLO term or is a flagged local extension: %s", code, e.key(), e.termIri())
					.isTrue();
			}
			FicheModels.Validation valid = models.validate(content);
			assertThat(valid.conforms()).as("%s: %s", code, valid.messages()).isTrue();
			for (FicheContent.DataElement required : content.elements()
				.stream()
				.filter(FicheContent.DataElement::required)
				.toList()) {
				ObjectNode broken = (ObjectNode) JSON.readTree(content.examplePayload());
				if (broken.remove(required.key()) != null) {
					assertThat(models.validate(content, broken.toString()).conforms())
						.as("%s without %s", code, required.key())
						.isFalse();
				}
			}
		}
		FicheContent model = fiches.require("inschrijving").published();
		assertThat(model.elements().size()).as("the model process is the most complete")
			.isGreaterThan(fiches.require("ongeschikt-onbewoonbaar").published().elements().size());
	}

	@Test
	void theJsonLdOfEverySeedFicheIsGraphIsomorphicToItsSeedFile() throws IOException {
		PageSession member = PageSession.login(port, "kenniscentrum");
		for (String code : SEEDS) {
			HttpResponse<String> exported = member.get("/schillenboek/fiches/" + code + "/fiche.jsonld");
			assertThat(exported.statusCode()).as(code).isEqualTo(200);
			assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
			Model served = graph(exported.body().getBytes(StandardCharsets.UTF_8));
			assertThat(served.isIsomorphicWith(graph(seed(code)))).as("%s: served JSON-LD = seed file", code).isTrue();
			assertThat(importer.read(exported.body().getBytes(StandardCharsets.UTF_8)))
				.isEqualTo(fiches.require(code).published());
		}
	}

	@Test
	void aMembersOnlyFicheIsUnknownToAnonymousVisitorsInEveryFormat() {
		assertThat(fiches.require(MEMBERS_ONLY).published().publicFiche()).isFalse();
		PageSession anonymous = PageSession.anonymous(port);
		PageSession member = PageSession.login(port, "redacteur.gent");
		for (String suffix : List.of("", "/fiche.pdf", "/fiche.jsonld", "/model.ttl", "/context.jsonld", "/model.mmd",
				"/elementen.csv")) {
			String path = "/schillenboek/fiches/" + MEMBERS_ONLY + suffix;
			assertThat(anonymous.get(path).statusCode()).as("anonymous " + path).isEqualTo(404);
			assertThat(member.get(path).statusCode()).as("member " + path).isEqualTo(200);
			assertThat(anonymous.get("/schillenboek/fiches/inschrijving" + suffix).statusCode())
				.as("public fiche " + suffix)
				.isEqualTo(200);
		}
		HttpResponse<String> list = anonymous.get("/schillenboek");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("/schillenboek/fiches/inschrijving")
			.doesNotContain("/schillenboek/fiches/" + MEMBERS_ONLY);
		assertThat(member.get("/schillenboek").body()).contains("/schillenboek/fiches/" + MEMBERS_ONLY);
		ApiClient api = ApiClient.anonymous(port);
		assertThat(api.get("/api/v1/schillenboek/fiches/" + MEMBERS_ONLY).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/schillenboek/fiches").body()).contains("\"inschrijving\"")
			.doesNotContain(MEMBERS_ONLY);
		assertThat(api.get("/api/v1/schillenboek/fiches/inschrijving").json().get("content").get("elements").size())
			.isGreaterThan(10);
		assertThat(ApiClient.as(port, "redacteur.gent").get("/api/v1/schillenboek/fiches/" + MEMBERS_ONLY).status())
			.isEqualTo(200);
	}

	@Test
	void aFicheGoesFromDraftThroughReviewToPublishedWithVersionsADiffAndOptimisticLocking() throws IOException {
		String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
		byte[] file = renamed(seed("ongeschikt-onbewoonbaar"), "ongeschikt-onbewoonbaar", code);
		asEditor();
		try {
			Fiche draft = importer.importFile(file, "test").fiche();
			assertThat(draft.status()).isEqualTo(FicheStatus.DRAFT);
			assertThat(draft.hasPublishedVersion()).isFalse();
			assertThat(PageSession.anonymous(port).get("/schillenboek/fiches/" + code).statusCode()).isEqualTo(404);
			assertThatThrownBy(() -> fiches.step(code, FicheStatus.PUBLISHED, draft.version(), "test"))
				.isInstanceOf(RefusedStateException.class);
			Fiche review = fiches.step(code, FicheStatus.REVIEW, draft.version(), "test");
			assertThat(inSearch(code)).as("a fiche under review is not in the public search").isFalse();
			Fiche live = fiches.step(code, FicheStatus.PUBLISHED, review.version(), "test");
			assertThat(live.publishedVersion()).isEqualTo(1);
			assertThat(inSearch(code)).as("the public search follows the publication").isTrue();
			assertThat(PageSession.anonymous(port).get("/schillenboek/fiches/" + code).statusCode()).isEqualTo(200);

			FicheContent v1 = live.latest();
			FicheContent changed = new FicheContent(code, v1.titleNl(), v1.titleEn(), "Nieuwe samenvatting",
					v1.legalBasis(), v1.triggers(), v1.actors(), v1.services(), v1.steps(), v1.elements(),
					v1.registers(), v1.frequency(), "Tien per week", v1.qualityProblems(), v1.bestPractices(),
					v1.examplePayload(), v1.publicFiche(), v1.demo());
			Fiche second = fiches.save(changed, live.version(), "test", null);
			assertThat(second.latestVersion()).isEqualTo(2);
			assertThat(second.status()).isEqualTo(FicheStatus.DRAFT);
			assertThat(second.publishedVersion()).as("readers keep the published version").isEqualTo(1);
			assertThat(second.published().summary()).isEqualTo(v1.summary());
			assertThatThrownBy(() -> fiches.save(changed, live.version(), "test", null))
				.isInstanceOf(ConcurrentChangeException.class);
			assertThat(fiches.versions(code)).extracting(v -> v.number()).containsExactly(2, 1);
			assertThat(FicheDiff.between(fiches.version(code, 1).content(), fiches.version(code, 2).content()))
				.extracting(FicheDiff.Change::part)
				.containsExactly("summary", "volume");
			PageSession editor = PageSession.login(port, "kenniscentrum");
			HttpResponse<String> diff = editor.get("/kenniscentrum/schillenboek/" + code + "/versies/2");
			assertThat(diff.statusCode()).isEqualTo(200);
			assertThat(diff.body()).contains("Nieuwe samenvatting", "Tien per week");
			HttpResponse<String> stale = editor.post("/kenniscentrum/schillenboek/" + code,
					"titleNl=X&titleEn=Y&version=" + live.version() + "&_csrf="
							+ editor.csrf("/kenniscentrum/schillenboek/" + code));
			assertThat(stale.statusCode()).isEqualTo(409);
			assertThat(fiches.require(code).latestVersion()).isEqualTo(2);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void theImportPageRefusesABadFileWith422AndTheSameFileTwiceChangesNothing() throws IOException {
		PageSession editor = PageSession.login(port, "kenniscentrum");
		String token = editor.csrf("/kenniscentrum/schillenboek");
		Fiche before = fiches.require("inschrijving");
		ObjectNode bad = (ObjectNode) JSON.readTree(seed("inschrijving"));
		bad.put("voorbeeld", "geen object");
		((ObjectNode) bad.get("element").get(0)).put("term", "https://example.org/verzonnen#term");
		HttpResponse<String> refused = editor.upload("/kenniscentrum/schillenboek/import?_csrf=" + token, "fout.jsonld",
				bad.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"import-errors\"").contains("https://example.org/verzonnen#term");
		assertThat(fiches.require("inschrijving").version()).isEqualTo(before.version());

		String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
		byte[] file = renamed(seed("ambtshalve-inschrijving"), "ambtshalve-inschrijving", code);
		HttpResponse<String> first = editor.upload("/kenniscentrum/schillenboek/import?_csrf=" + token, "f.jsonld",
				file);
		assertThat(first.statusCode()).isEqualTo(302);
		Fiche imported = fiches.require(code);
		HttpResponse<String> second = editor.upload("/kenniscentrum/schillenboek/import?_csrf=" + token, "f.jsonld",
				file);
		assertThat(second.statusCode()).isEqualTo(302);
		Fiche again = fiches.require(code);
		assertThat(again.latestVersion()).isEqualTo(imported.latestVersion());
		assertThat(again.version()).isEqualTo(imported.version());
		assertThat(editor.get("/kenniscentrum/schillenboek/" + code).statusCode()).isEqualTo(200);
	}

	@Test
	void theDownloadsHaveTheirFormats() {
		PageSession anonymous = PageSession.anonymous(port);
		HttpResponse<String> shape = anonymous.get("/schillenboek/fiches/inschrijving/model.ttl");
		assertThat(shape.body()).contains("sh:NodeShape", "sh:targetClass", "gebouw:Gebouweenheid");
		HttpResponse<String> csv = anonymous.get("/schillenboek/fiches/inschrijving/elementen.csv");
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.body()).contains("fiche;element;label").contains("lokale-uitbreiding").contains(";oslo;");
		assertThat(anonymous.get("/schillenboek/fiches/inschrijving/model.mmd").body()).startsWith("classDiagram");
		assertThat(anonymous.get("/schillenboek/fiches/inschrijving/context.jsonld").body()).contains("\"@context\"",
				"https://data.vlaanderen.be/ns/adres#huisnummer");
		HttpResponse<String> pdf = anonymous.get("/schillenboek/fiches/inschrijving/fiche.pdf");
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF");
		HttpResponse<String> page = anonymous.get("/schillenboek/fiches/inschrijving");
		assertThat(page.body()).contains("<svg", "id=\"sb-mermaid\"", "id=\"sb-demo\"");
	}

	static byte[] renamed(byte[] seed, String from, String to) {
		return new String(seed, StandardCharsets.UTF_8).replace("schillenboek/" + from, "schillenboek/" + to)
			.replace("\"code\": \"" + from + "\"", "\"code\": \"" + to + "\"")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Whether the knowledge bank's public search holds the fiche now. */
	private boolean inSearch(String code) {
		return jdbc.sql("""
				select count(*) from knowledge.search_contribution c
				join knowledge.search_document d on d.kind = 'CONTRIBUTED' and d.ref_id = c.id
				where c.source = 'schillenboek' and c.key = ?""").param(code).query(Long.class).single() > 0;
	}

	static void asEditor() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("kenniscentrum", null, List.of()));
	}

}
