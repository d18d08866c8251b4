package be.obmi.knowledge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge bank end to end on its demo content, as a visitor finds it: the case
 * pipeline (an uploaded PDF's text through Tika into the index) and the search page
 * together. The parts are tested one by one in {@code KnowledgeCasesIntegrationTests} and
 * {@code KnowledgeSearchIntegrationTests}.
 */
@ObmiIntegrationTest
class KnowledgeDemoSearchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPhraseOnlyInsideADemoPdfFindsItsCaseOnTheSearchPageAndInTheExport() {
		String title = jdbc.sql("""
				select title from knowledge.search_document
				where kind = 'CASE' and published and attachment_text ilike '%orgelpijpenbibliotheek%'""")
			.query(String.class)
			.single();
		assertThat(jdbc.sql("""
				select count(*) from knowledge.search_document
				where (title || summary || body) ilike '%orgelpijpenbibliotheek%'""").query(Integer.class).single())
			.as("the phrase is only in the PDF")
			.isZero();
		assertThat(page("/kennis/zoeken?q=orgelpijpenbibliotheek")).contains(title);
		assertThat(page("/kennis/zoeken/resultaten.csv?q=orgelpijpenbibliotheek")).contains(title);
	}

	@Test
	void kerkHerbestemmingAndATypoFindTheChurchCasesAndNoDraftReachesAnonymousVisitors() {
		List<String> churches = jdbc.sql("""
				select title from knowledge.search_document
				where kind = 'CASE' and published and collection = 'kerken'
				  and facets -> 'type_hergebruik' @> '["herbestemming"]'""").query(String.class).list();
		assertThat(churches).isNotEmpty();
		String words = page("/kennis/zoeken?q=" + encode("kerk herbestemming"));
		String typo = page("/kennis/zoeken?q=herbestemmig");
		assertThat(churches).anySatisfy(t -> assertThat(words).contains(t));
		assertThat(churches).anySatisfy(t -> assertThat(typo).contains(t));
		List<Map<String, Object>> drafts = jdbc
			.sql("select title, path from knowledge.search_document where kind = 'CASE' and not published")
			.query()
			.listOfRows();
		assertThat(drafts).as("the demo has drafts").isNotEmpty();
		for (Map<String, Object> draft : drafts) {
			// searched by its exact title (which the search box echoes), the draft's page
			// is never a result
			String path = (String) draft.get("path");
			String title = (String) draft.get("title");
			assertThat(page("/kennis/zoeken?q=" + encode(title))).doesNotContain(path);
			assertThat(page("/kennis/zoeken/resultaten.csv?q=" + encode(title))).doesNotContain(path)
				.doesNotContain(title);
		}
	}

	private String page(String path) {
		ApiClient.Response response = ApiClient.anonymous(port).get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return response.body().replace("&#39;", "'").replace("&amp;", "&");
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
