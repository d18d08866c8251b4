package be.obmi.knowledge;

import java.util.List;
import java.util.Map;

import be.obmi.audit.DataChanged;
import be.obmi.knowledge.domain.CaseForm;
import be.obmi.knowledge.domain.CaseStatus;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.KnowledgeCase;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.knowledge.search.KnowledgeSearch;
import be.obmi.knowledge.search.SearchResults;
import be.obmi.shared.RefusedStateException;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The knowledge module with all it depends on ({@code ALL_DEPENDENCIES}: stats for the
 * areas a case lies in, notification for the newsletter's mails, tenancy, identity,
 * audit, and what those need in turn) against the real embedded PostgreSQL of the test
 * profile, without demo data: the reference collections its initializer keeps at every
 * start, a case that goes from draft to published and is then found by the search, with
 * its revisions and its change announced, and a city that may submit but not publish.
 * <p>
 * Platform is an extra include because the embedded database is configured there
 * ({@code EmbeddedPostgresConfiguration}).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@TestPropertySource(properties = "obmi.demo.enabled=false")
class KnowledgeModuleTests {

	static final String EDITOR = "redacteur.kenniscentrum";

	@Autowired
	KnowledgeCases cases;

	@Autowired
	Collections collections;

	@Autowired
	KnowledgeSearch search;

	@Autowired
	Tenants tenants;

	static CaseForm church(String title, int version) {
		return new CaseForm(
				title, "Een kerk in de moduletest.", "<p>Tekst</p>", Map.of("nieuwe_functie", List.of("Bibliotheek"),
						"type_hergebruik", List.of("medegebruik"), "jaar", List.of("2020")),
				null, null, "51,03", "4,48", List.of("erfgoed"), List.of(), version);
	}

	@Test
	void aPublishedCaseIsFoundByTheSearchAndKeepsItsRevisions(AssertablePublishedEvents events) {
		assertThat(collections.byCode("kerken")).as("reference data, also without demo").isPresent();

		KnowledgeCase draft = cases.create("kerken", null, church("Modulekerk Zuiderkempen", 0), EDITOR, false);
		assertThat(draft.status()).isEqualTo(CaseStatus.DRAFT);
		assertThat(draft.latitude()).as("a Belgian decimal").isEqualTo(51.03);
		assertThat(search.suggestions("Modulekerk Zuiderkempen", 5)).as("a draft is not public")
			.extracting(SearchResults.Suggestion::title)
			.doesNotContain("Modulekerk Zuiderkempen");

		KnowledgeCase review = cases.move(draft.publicId(), null, CaseStatus.REVIEW, draft.version(), EDITOR);
		KnowledgeCase published = cases.move(review.publicId(), null, CaseStatus.PUBLISHED, review.version(), EDITOR);

		assertThat(published.published()).isTrue();
		assertThat(search.suggestions("Modulekerk Zuiderkempen", 5)).extracting(SearchResults.Suggestion::title)
			.contains("Modulekerk Zuiderkempen");
		assertThat(cases.history(published)).hasSize(3)
			.first()
			.satisfies(revision -> assertThat(revision.changes())
				.anySatisfy(change -> assertThat(change.field()).isEqualTo("status")));
		assertThat(events.ofType(DataChanged.class)).contains(new DataChanged(null, "knowledge-case"));
	}

	@Test
	void aCitySubmitsItsCaseButOnlyTheKenniscentrumPublishes() {
		Tenant gent = tenants.require("gent");
		KnowledgeCase mine = cases.create("kerken", gent, church("Modulekerk Gent", 0), "redacteur.gent", false);
		KnowledgeCase submitted = cases.move(mine.publicId(), gent, CaseStatus.REVIEW, mine.version(),
				"redacteur.gent");

		assertThatThrownBy(
				() -> cases.move(mine.publicId(), gent, CaseStatus.PUBLISHED, submitted.version(), "redacteur.gent"))
			.isInstanceOf(RefusedStateException.class);
		assertThat(cases.ofCity(gent)).extracting(KnowledgeCase::title).contains("Modulekerk Gent");
		assertThat(cases.move(mine.publicId(), null, CaseStatus.PUBLISHED, submitted.version(), EDITOR).published())
			.isTrue();
	}

}
