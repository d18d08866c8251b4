package be.obmi.knowledge;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.obmi.knowledge.domain.CaseForm;
import be.obmi.knowledge.domain.CaseStatus;
import be.obmi.knowledge.domain.Collection;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.FieldForm;
import be.obmi.knowledge.domain.KnowledgeCase;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Kenniscentrum editor adds a field to a collection's template through the page; it is
 * at once in the case form, on the case page and in the dataset CSV and JSON (no restart,
 * no cache). Bad field definitions are refused with a reason and change nothing. The
 * reference collections exist with their templates.
 */
@ObmiIntegrationTest
class KnowledgeCollectionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Collections collections;

	@Autowired
	KnowledgeCases cases;

	String code;

	PageSession editor;

	String token;

	@BeforeEach
	void collection() {
		code = "k1test-" + UUID.randomUUID().toString().substring(0, 8);
		collections.ensureCollection(new Collection(0, code, "Testcollectie", "Test collection", "", "", true, 99, 0));
		collections.ensureField(collections.require(code).id(),
				new FieldForm("plaats", "Plaats", "Place", "TEXT", null, false, false));
		editor = PageSession.login(port, "kenniscentrum");
		token = editor.csrf("/kenniscentrum/kennisbank/" + code);
	}

	@Test
	void theReferenceCollectionsHaveTheirTemplates() {
		assertThat(collections.all()).extracting(Collection::code)
			.contains("kerken", "tijdelijk-gebruik", "stadsprojecten", "verweving", "europese-projecten",
					"stadsgenoten", "studies");
		assertThat(collections.fields(collections.require("kerken").id()))
			.anySatisfy(f -> assertThat(f.code()).isEqualTo("type_hergebruik"))
			.filteredOn(f -> f.code().equals("type_hergebruik"))
			.singleElement()
			.satisfies(f -> assertThat(f.facet()).isTrue())
			.satisfies(f -> assertThat(f.choices()).extracting("code")
				.containsExactly("medegebruik", "nevenbestemming", "herbestemming"));
	}

	@Test
	void anAddedFieldShowsInTheFormTheCasePageAndTheDatasetAtOnce() {
		KnowledgeCase c = cases.create(code, null, new CaseForm("Testcase met nieuw veld", "Kort", "",
				Map.of("plaats", List.of("Markt")), null, null, null, null, List.of(), List.of(), 0), "kenniscentrum",
				false);
		c = cases.move(c.publicId(), null, CaseStatus.PUBLISHED, c.version(), "kenniscentrum");

		HttpResponse<String> added = editor.post("/kenniscentrum/kennisbank/" + code + "/velden",
				"_csrf=" + token + "&code=architect&labelNl=Architect&labelEn=Architect&type=CHOICE&choices="
						+ enc("studio-a;Studio A;Studio A\nbureau-b;Bureau B;Office B") + "&facet=true");
		assertThat(added.statusCode()).isEqualTo(302);

		String form = editor.get("/kenniscentrum/kennisbank/" + code + "/cases/" + c.publicId()).body();
		assertThat(form).contains("name=\"f.architect\"").contains("Bureau B");
		HttpResponse<String> saved = editor.post("/kenniscentrum/kennisbank/" + code + "/cases/" + c.publicId(),
				"_csrf=" + token + "&version=" + c.version() + "&title=" + enc(c.title())
						+ "&f.plaats=Markt&f.architect=bureau-b");
		assertThat(saved.statusCode()).isEqualTo(302);

		String page = PageSession.anonymous(port).get("/kennis/collecties/" + code + "/" + c.publicId()).body();
		assertThat(page).contains("Architect").contains("Bureau B");
		String csv = PageSession.anonymous(port).get("/kennis/collecties/" + code + "/dataset.csv").body();
		assertThat(csv.lines().findFirst().orElseThrow()).endsWith(";plaats;architect");
		assertThat(csv).contains("Testcase met nieuw veld").contains("bureau-b");
		String json = PageSession.anonymous(port).get("/kennis/collecties/" + code + "/dataset.json").body();
		assertThat(json).contains("\"architect\":\"bureau-b\"");
	}

	@Test
	void badFieldDefinitionsAreRefusedAndChangeNothing() {
		assertRefused("code=" + enc("Slechte code") + "&labelNl=X&type=TEXT", "kan niet");
		assertRefused("code=keuze&labelNl=Keuze&type=CHOICE&choices=", "heeft keuzes nodig");
		assertRefused("code=soort&labelNl=Soort&type=CHOICE&choices=" + enc("a;A\na;Nog eens A"), "twee keer");
		assertRefused("code=tekst&labelNl=Tekst&type=TEXT&facet=true", "kan geen filter zijn");
		assertRefused("code=plaats&labelNl=Plaats&type=TEXT", "al een veld");
		assertRefused("code=iets&labelNl=Iets&type=FORMULA", "Onbekend type");
		assertThat(collections.fields(collections.require(code).id())).extracting("code").containsExactly("plaats");
	}

	@Test
	void onlyKenniscentrumEditorsChangeATemplate() {
		PageSession city = PageSession.login(port, "redacteur.gent");
		String cityToken = city.csrf("/gent/kennis");
		HttpResponse<String> refused = city.post("/kenniscentrum/kennisbank/" + code + "/velden",
				"_csrf=" + cityToken + "&code=stiekem&labelNl=Stiekem&type=TEXT");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(collections.fields(collections.require(code).id())).extracting("code").containsExactly("plaats");
	}

	private void assertRefused(String form, String reason) {
		HttpResponse<String> response = editor.post("/kenniscentrum/kennisbank/" + code + "/velden",
				"_csrf=" + token + "&" + form);
		assertThat(response.statusCode()).as(form).isEqualTo(400);
		assertThat(response.body()).as(form).contains(reason);
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
