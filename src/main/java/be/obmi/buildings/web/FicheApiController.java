package be.obmi.buildings.web;

import java.time.OffsetDateTime;
import java.util.List;

import be.obmi.buildings.domain.Fiche;
import be.obmi.buildings.domain.FicheContent;
import be.obmi.buildings.domain.Fiches;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API of the published fiches ({@code /api/v1/schillenboek/fiches}): public
 * fiches for anyone, members-only ones for authenticated clients; another fiche is 404.
 */
@RestController
class FicheApiController {

	private final Fiches fiches;

	private final FichePages pages;

	FicheApiController(Fiches fiches, FichePages pages) {
		this.fiches = fiches;
		this.pages = pages;
	}

	/** A fiche in the list. */
	record Listed(String code, String title, String titleEn, String summary, boolean publicFiche, int publishedVersion,
			OffsetDateTime publishedAt, boolean demo, String href) {
	}

	/** A fiche with its published content. */
	record Detail(String code, int publishedVersion, OffsetDateTime publishedAt, FicheContent content) {
	}

	@GetMapping("/api/v1/schillenboek/fiches")
	List<Listed> list() {
		return fiches.readable(pages.member())
			.stream()
			.map(f -> new Listed(f.code(), f.published().titleNl(), f.published().titleEn(), f.published().summary(),
					f.published().publicFiche(), f.publishedVersion(), f.publishedAt(), f.published().demo(),
					"/api/v1/schillenboek/fiches/" + f.code()))
			.toList();
	}

	@GetMapping("/api/v1/schillenboek/fiches/{code}")
	Detail fiche(@PathVariable String code) {
		Fiche fiche = pages.readable(code);
		return new Detail(fiche.code(), fiche.publishedVersion(), fiche.publishedAt(), fiche.published());
	}

}
