package be.obmi.knowledge.web;

import java.util.List;

import be.obmi.identity.PublicRoutes;

import org.springframework.stereotype.Component;

/**
 * The Kenniscentrum's portal {@code /kennis/**} (collections, cases, search, news,
 * calendar, newsletter archive): anonymous visitors read it and may subscribe to and
 * unsubscribe from the newsletter.
 */
@Component
class KnowledgePublicRoutes implements PublicRoutes {

	@Override
	public List<String> patterns() {
		return List.of("/kennis", "/kennis/**");
	}

	@Override
	public List<String> anonymousPosts() {
		return List.of("/kennis/nieuwsbrief/**");
	}

	/** The one-click unsubscribe of a newsletter mail (its token is the credential). */
	@Override
	public List<String> oneClickPosts() {
		return List.of("/kennis/nieuwsbrief/uitschrijven");
	}

}
