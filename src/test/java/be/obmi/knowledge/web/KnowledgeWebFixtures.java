package be.obmi.knowledge.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.obmi.knowledge.domain.CaseStatus;
import be.obmi.knowledge.domain.Collection;
import be.obmi.knowledge.domain.KnowledgeCase;
import be.obmi.knowledge.domain.Theme;
import be.obmi.knowledge.news.NewsItem;

/** What the knowledge web tests show: one collection, a case of Mechelen, a news item. */
final class KnowledgeWebFixtures {

	static final Collection CHURCHES = new Collection(1, "kerken", "Herbestemming van kerken", "Reuse of churches", "",
			"", true, 1, 0);

	static final Theme HERITAGE = new Theme("erfgoed", "Erfgoed", "Heritage", 5);

	static final UUID CASE_ID = UUID.fromString("0b6f3c1e-5a7d-4f63-9c55-1f2e3d4c5b6a");

	private KnowledgeWebFixtures() {
	}

	static KnowledgeCase mechelenCase(CaseStatus status) {
		return new KnowledgeCase(7, CASE_ID, CHURCHES.id(), 9L, "Sint-Jozefkerk", "Een kerk", "<p>Tekst</p>", Map.of(),
				null, null, null, null, status, false, "redacteur.mechelen", Instant.parse("2026-01-10T10:00:00Z"),
				Instant.parse("2026-01-11T10:00:00Z"),
				status == CaseStatus.PUBLISHED ? Instant.parse("2026-01-12T10:00:00Z") : null, null, 3,
				List.of("erfgoed"));
	}

	static NewsItem news(long id, boolean published) {
		return new NewsItem(id, NewsItem.Kind.NEWS, "Nieuwe kennisbank", "Samenvatting", "<p>Tekst</p>", published,
				published ? Instant.parse("2026-02-01T09:00:00Z") : null, null, null, null, null, null, null, null,
				false, "redacteur.kenniscentrum", Instant.parse("2026-02-01T09:00:00Z"), 1, List.of("erfgoed"));
	}

}
