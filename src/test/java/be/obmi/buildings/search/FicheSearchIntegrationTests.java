package be.obmi.buildings.search;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import be.obmi.buildings.domain.FicheSummary;
import be.obmi.buildings.domain.PublishedFiches;
import be.obmi.knowledge.KnowledgeSearchEntries;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Schillenboek in the knowledge bank's search: a published public fiche is found at
 * {@code /kennis/zoeken} by anyone, a members-only one by no one (not even a logged-in
 * member: the search is public), and a fiche no longer published disappears. Runs the
 * module's {@link FicheSearch} against fiches of its own (a stub of
 * {@link PublishedFiches}), then restores the search from the real fiches.
 */
@ObmiIntegrationTest
class FicheSearchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	KnowledgeSearchEntries entries;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	FicheSearch realSearch;

	@Test
	void publicFichesAreFoundMembersOnlyOnesNeverAndWithdrawnOnesDisappear() {
		AtomicReference<List<FicheSummary>> published = new AtomicReference<>(List.of(
				new FicheSummary("test-zoek-publiek", "Kwarkzoekfiche publiek", "Gebouweenheden bij kwarkzoekproces",
						true, OffsetDateTime.now()),
				new FicheSummary("test-zoek-leden", "Kwarkzoekfiche ledenfiche", "Enkel voor leden", false,
						OffsetDateTime.now())));
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("fiches", (PublishedFiches) published::get);
		FicheSearch search = new FicheSearch(beans.getBeanProvider(PublishedFiches.class), entries, transactions);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		try {
			Integer found = tx.execute(status -> search.refresh());
			assertThat(found).isEqualTo(1);
			HttpResponse<String> anonymous = PageSession.anonymous(port).get("/kennis/zoeken?q=kwarkzoekfiche");
			assertThat(anonymous.statusCode()).isEqualTo(200);
			assertThat(anonymous.body()).contains("Kwarkzoekfiche publiek", "/schillenboek/fiches/test-zoek-publiek")
				.doesNotContain("ledenfiche");
			assertThat(PageSession.login(port, "lezer.gent").get("/kennis/zoeken?q=kwarkzoekfiche").body())
				.doesNotContain("ledenfiche");
			assertThat(PageSession.anonymous(port).get("/kennis/zoeken?q=ledenfiche").body())
				.doesNotContain("/schillenboek/fiches/test-zoek-leden");

			published.set(List.of());
			tx.execute(status -> search.refresh());
			assertThat(PageSession.anonymous(port).get("/kennis/zoeken?q=kwarkzoekfiche").body())
				.doesNotContain("/schillenboek/fiches/test-zoek-publiek");
		}
		finally {
			tx.execute(status -> realSearch.refresh());
		}
	}

}
