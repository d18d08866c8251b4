package be.obmi.knowledge;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import be.obmi.audit.DataChanged;
import be.obmi.identity.ObmiUser;
import be.obmi.identity.UserAccounts;
import be.obmi.knowledge.search.KnowledgeSearch;
import be.obmi.knowledge.search.SearchDocument;
import be.obmi.knowledge.search.SearchIndex;
import be.obmi.knowledge.search.SearchQuery;
import be.obmi.knowledge.search.SearchResults;
import be.obmi.support.ObmiIntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The knowledge bank's one search (issue 16, acceptance 2) against PostgreSQL: a phrase
 * only in an attached PDF's text, "kerk herbestemming" and the typo "herbestemmig", facet
 * counts equal to the hits of each value, drafts never shown to anonymous visitors (page
 * and exports), a facet field added at run time, exports with exactly the filtered hits.
 * The test's own collection {@code k2-kerken} keeps it apart from other data.
 */
@ObmiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeSearchIntegrationTests {

	static final String COLLECTION = "k2-kerken";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchIndex index;

	@Autowired
	KnowledgeSearch search;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	final Map<String, Long> ids = new HashMap<>();

	@BeforeAll
	void collectionWithCases() {
		try {
			insertCollectionWithCases();
		}
		finally {
			changed();
		}
	}

	/**
	 * What the editors' pages do through the audit trail: announce the change, so the
	 * public response cache does not replay a page rendered before it.
	 */
	private void changed() {
		events.publishEvent(new DataChanged(null, "knowledge.collection"));
	}

	private void insertCollectionWithCases() {
		if (jdbc.sql("select count(*) from knowledge.collection where code = ?")
			.param(COLLECTION)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		long collection = jdbc
			.sql("""
					insert into knowledge.collection (code, name_nl, name_en) values (?, 'Kerken (K2-test)', 'Churches (K2 test)')
					returning id""")
			.param(COLLECTION)
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into knowledge.field (collection_id, code, label_nl, label_en, type, choices, facet, position)
				values (?, 'soort_gebruik', 'Type hergebruik', 'Type of reuse', 'CHOICE', cast(? as jsonb), true, 1),
				       (?, 'eigenaar', 'Eigenaar', 'Owner', 'TEXT', '[]', false, 2)""").params(collection, """
				[{"code": "medegebruik", "nl": "Medegebruik", "en": "Shared use"},
				 {"code": "nevenbestemming", "nl": "Nevenbestemming", "en": "Secondary use"},
				 {"code": "herbestemming", "nl": "Herbestemming", "en": "Reuse"}]""", collection).update();
		transactions.executeWithoutResult(status -> {
			add(collection, "sint-jozef", "Herbestemming van de Sint-Jozefkerk tot bibliotheek",
					"De kerk kreeg een nieuwe functie als bibliotheek.", "", "herbestemming", "mechelen", 2021, 51.03,
					4.48, true);
			add(collection, "sint-anna", "Sint-Annakerk wordt buurtcentrum",
					"Herbestemming van de kerk tot buurtcentrum.", "", "herbestemming", "gent", 2023, 51.05, 3.72,
					true);
			add(collection, "sint-pieter", "Kerk met nevenbestemming als concertzaal",
					"Een kerk die ook als concertzaal dient.", "", "nevenbestemming", "mechelen", 2023, 51.02, 4.47,
					true);
			add(collection, "fabriek", "Tijdelijk gebruik van een oude fabriekshal", "Ateliers in een leegstaande hal.",
					"", "medegebruik", "gent", 2022, null, null, true);
			add(collection, "pdf", "Eindrapport projectbureau provincie Antwerpen", "Het eindrapport als PDF.",
					"Het haalbaarheidsonderzoek toont dat zonnepanelen op het schip van de kerk vergund werden.",
					"medegebruik", "mechelen", 2024, null, null, true);
			add(collection, "concept", "Geheime kluizenaarskerk in voorbereiding", "Nog niet klaar.", "",
					"herbestemming", "mechelen", 2024, 51.04, 4.46, false);
		});
	}

	private void add(long collection, String key, String title, String summary, String attachment, String type,
			String city, int year, Double lat, Double lon, boolean published) {
		long id = jdbc.sql("""
				insert into knowledge.knowledge_case (collection_id, title, summary, field_values, latitude, longitude,
				    status, author) values (?, ?, ?, cast(? as jsonb), ?, ?, ?, 'k2-test') returning id""")
			.params(collection, title, summary,
					"{\"soort_gebruik\": \"" + type + "\", \"eigenaar\": \"=kerkfabriek " + key + "\"}", lat, lon,
					published ? "PUBLISHED" : "DRAFT")
			.query(Long.class)
			.single();
		ids.put(key, id);
		index.put(new SearchDocument(SearchDocument.Kind.CASE, id, COLLECTION, city, title, summary, "", attachment,
				published, Map.of("soort_gebruik", List.of(type)), List.of(), LocalDate.of(year, 5, 1), lat, lon,
				"/kennis/collecties/" + COLLECTION + "/" + key));
	}

	private static SearchQuery query(String text, Map<String, Set<String>> facets, Set<String> cities,
			Set<Integer> years, boolean drafts) {
		return new SearchQuery(text, null, Set.of(COLLECTION), facets, null, cities, years, null, null, null, 1, null,
				drafts);
	}

	private static SearchQuery query(String text) {
		return query(text, null, null, null, false);
	}

	private List<String> titles(SearchResults results) {
		return results.hits().stream().map(SearchResults.Hit::title).toList();
	}

	@Test
	void aPhraseOnlyInAnAttachedPdfFindsItsCase() {
		SearchResults results = search.search(query("\"zonnepanelen op het schip\""), Locale.of("nl"));
		assertThat(titles(results)).containsExactly("Eindrapport projectbureau provincie Antwerpen");
		assertThat(results.hits().get(0).snippet()).contains("<mark>zonnepanelen</mark>");
	}

	@Test
	void kerkHerbestemmingAndATypoFindTheChurchCases() {
		List<String> churches = List.of("Herbestemming van de Sint-Jozefkerk tot bibliotheek",
				"Sint-Annakerk wordt buurtcentrum");
		SearchResults exact = search.search(query("kerk herbestemming"), Locale.of("nl"));
		assertThat(titles(exact)).containsExactlyInAnyOrderElementsOf(churches);

		SearchResults typo = search.search(query("herbestemmig"), Locale.of("nl"));
		// the nearest known word: the word list also holds the demo content's words
		// (herbestemming, herbestemmen)
		assertThat(typo.suggestion()).startsWith("herbestemm");
		assertThat(titles(typo)).containsExactlyInAnyOrderElementsOf(churches);

		// a typo Dutch stemming does not absorb: nothing found, so the corrected words
		// are searched
		SearchResults swapped = search.search(query("kerk herbestemmnig"), Locale.of("nl"));
		assertThat(swapped.suggestion()).startsWith("kerk herbestemm");
		assertThat(swapped.corrected()).isTrue();
		assertThat(titles(swapped)).containsExactlyInAnyOrderElementsOf(churches);

		SearchResults accents = search.search(query("kérk hérbestemming"), Locale.of("nl"));
		assertThat(titles(accents)).as("accents ignored").containsExactlyInAnyOrderElementsOf(churches);
	}

	@Test
	void eachFacetValueCountsTheHitsItsSelectionGives() {
		SearchResults all = search.search(query(""), Locale.of("nl"));
		assertThat(all.total()).isEqualTo(5);
		int checked = 0;
		for (SearchResults.Facet facet : all.facets()) {
			for (SearchResults.FacetValue value : facet.values()) {
				SearchQuery selected = switch (facet.field()) {
					case "stad" -> query("", null, Set.of(value.code()), null, false);
					case "jaar" -> query("", null, null, Set.of(Integer.parseInt(value.code())), false);
					case "f.soort_gebruik" ->
						query("", Map.of("soort_gebruik", Set.of(value.code())), null, null, false);
					default -> null;
				};
				if (selected != null) {
					assertThat(search.search(selected, Locale.of("nl")).total()).as(facet.code() + "=" + value.code())
						.isEqualTo(value.count());
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(8);
		SearchResults.Facet type = all.facets()
			.stream()
			.filter(f -> f.code().equals("soort_gebruik"))
			.findFirst()
			.orElseThrow();
		assertThat(type.label()).isEqualTo("Type hergebruik");
		assertThat(type.values()).extracting(SearchResults.FacetValue::label)
			.containsExactly("Medegebruik", "Nevenbestemming", "Herbestemming");

		// with another facet selected, the counts follow that selection (OR within, AND
		// across)
		SearchResults mechelen = search.search(query("", null, Set.of("mechelen"), null, false), Locale.of("nl"));
		SearchResults.Facet typeInMechelen = mechelen.facets()
			.stream()
			.filter(f -> f.code().equals("soort_gebruik"))
			.findFirst()
			.orElseThrow();
		for (SearchResults.FacetValue value : typeInMechelen.values()) {
			assertThat(search
				.search(query("", Map.of("soort_gebruik", Set.of(value.code())), Set.of("mechelen"), null, false),
						Locale.of("nl"))
				.total()).isEqualTo(value.count());
		}
		assertThat(search
			.search(query("", Map.of("soort_gebruik", Set.of("herbestemming", "nevenbestemming")), Set.of("mechelen"),
					null, false), Locale.of("nl"))
			.total()).isEqualTo(2);
	}

	@Test
	void anAnonymousSearchNeverReturnsADraft() throws Exception {
		assertThat(search.search(query("kluizenaarskerk"), Locale.of("nl")).total()).isZero();
		assertThat(search.search(query("kluizenaarskerk", null, null, null, true), Locale.of("nl")).total())
			.as("an editor who asks for drafts")
			.isEqualTo(1);
		String draft = "Geheime kluizenaarskerk";
		for (String path : List.of("/kennis/zoeken?q=kluizenaarskerk&concepten=true",
				"/kennis/collecties/" + COLLECTION + "?concepten=true",
				"/kennis/collecties/" + COLLECTION + "/resultaten.csv?concepten=true",
				"/kennis/collecties/" + COLLECTION + "/resultaten.geojson?concepten=true",
				"/kennis/zoeken/resultaten.csv?concepten=true&q=kerk", "/kennis/zoeken/suggesties?q=kluizenaar")) {
			MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path).doesNotContain(draft);
		}
		ObmiUser editor = accounts.loadUserByUsername("kenniscentrum");
		String page = mvc.perform(get("/kennis/collecties/" + COLLECTION + "?concepten=true")
			.with(authentication(
					UsernamePasswordAuthenticationToken.authenticated(editor, null, editor.getAuthorities())))
			// as a browser after login: with its session (never answered from the public
			// cache)
			.with(request -> {
				request.setRequestedSessionId("k2-editor");
				request.setRequestedSessionIdValid(true);
				return request;
			})).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).as("the editor's switch").contains(draft);
	}

	@Test
	void aFacetFieldAddedAtRunTimeAppearsAtOnce() throws Exception {
		jdbc.sql("""
				insert into knowledge.field (collection_id, code, label_nl, label_en, type, choices, facet, position)
				select id, 'beschermd', 'Beschermingsstatus', 'Protection', 'CHOICE',
				       '[{"code": "ja", "nl": "Beschermd monument", "en": "Protected"}]', true, 9
				from knowledge.collection where code = ? on conflict do nothing""").param(COLLECTION).update();
		changed();
		assertThat(search.search(query(""), Locale.of("nl")).facets()).extracting(SearchResults.Facet::label)
			.contains("Beschermingsstatus");
		String page = mvc.perform(get("/kennis/collecties/" + COLLECTION))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Beschermingsstatus").contains("Beschermd monument");
	}

	@Test
	void exportsHoldExactlyTheFilteredHits() throws Exception {
		String filter = "?f.soort_gebruik=herbestemming&f.soort_gebruik=nevenbestemming";
		List<String> expected = new ArrayList<>();
		search.forEachHit(
				query("", Map.of("soort_gebruik", Set.of("herbestemming", "nevenbestemming")), null, null, false), 100,
				h -> expected.add(h.title()));
		assertThat(expected).hasSize(3);

		String csv = mvc.perform(get("/kennis/collecties/" + COLLECTION + "/resultaten.csv" + filter))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).contains("titel;soort;collectie").endsWith("soort_gebruik;eigenaar");
		assertThat(lines).hasSize(4);
		expected.forEach(title -> assertThat(csv).contains(title));
		assertThat(csv).as("formulas neutralised").contains("'=kerkfabriek").contains("Herbestemming;");

		byte[] xlsx = mvc.perform(get("/kennis/collecties/" + COLLECTION + "/resultaten.xlsx" + filter))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			List<String> titles = new ArrayList<>();
			for (int r = 1; r <= 3; r++) {
				titles.add(sheet.getRow(r).getCell(0).getStringCellValue());
			}
			assertThat(titles).containsExactlyElementsOf(expected);
		}

		JsonNode geo = JSON
			.readTree(mvc.perform(get("/kennis/collecties/" + COLLECTION + "/resultaten.geojson" + filter))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
		assertThat(geo.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(geo.get("features").valueStream().map(f -> f.get("properties").get("title").asString()).toList())
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void suggestionsAndPagesAnswer() throws Exception {
		String json = mvc.perform(get("/kennis/zoeken/suggesties?q=annakerk"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(json).contains("Sint-Annakerk wordt buurtcentrum");
		String list = mvc.perform(get("/kennis/collecties"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("Kerken (K2-test)").contains("5 gepubliceerde voorbeelden");
		String page = mvc.perform(get("/kennis/zoeken?q=herbestemmig&collectie=" + COLLECTION))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Sint-Annakerk wordt buurtcentrum").contains("aria-live=\"polite\"");
		assertThat(mvc.perform(get("/kennis/collecties/bestaat-niet")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

}
