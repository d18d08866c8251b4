package be.obmi.buildings.web;

import java.util.Map;

import be.obmi.buildings.domain.Fiche;
import be.obmi.buildings.domain.FicheContent;
import be.obmi.buildings.domain.FicheModels;
import be.obmi.buildings.domain.Fiches;
import be.obmi.identity.TenantAccess;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the fiche pages share: which fiche a reader may see (a members-only fiche is
 * unknown to anonymous visitors, in every format) and the model of a fiche's page (its
 * content, data model, diagram, Mermaid text and validation of the example).
 */
@Component
class FichePages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Fiches fiches;

	private final FicheModels models;

	private final TenantAccess access;

	FichePages(Fiches fiches, FicheModels models, TenantAccess access) {
		this.fiches = fiches;
		this.models = models;
		this.access = access;
	}

	/** Whether the reader is logged in (a member of the platform). */
	boolean member() {
		return access.currentUser().isPresent();
	}

	/**
	 * @throws NotFoundException when the reader may not see the fiche
	 */
	Fiche readable(String code) {
		return fiches.readable(code, member())
			.orElseThrow(() -> new NotFoundException(Reason.of("buildings.refused.ficheUnknown")));
	}

	/** Adds a version's content and its generated model to the page. */
	void show(Model model, FicheContent content) {
		model.addAttribute("shown", content);
		model.addAttribute("diagram", FicheDiagram.of(models.classes(content)));
		model.addAttribute("mermaid", models.mermaid(content));
		model.addAttribute("validation", models.validate(content));
		model.addAttribute("example", pretty(content.examplePayload()));
	}

	/** The variables of the PDF. */
	Map<String, Object> pdf(Fiche fiche) {
		FicheContent content = fiche.published();
		return Map.of("fiche", fiche, "content", content, "mermaid", models.mermaid(content), "example",
				pretty(content.examplePayload()));
	}

	static String pretty(String json) {
		if (json == null) {
			return "";
		}
		try {
			JsonNode tree = JSON.readTree(json);
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
		}
		catch (RuntimeException ex) {
			return json;
		}
	}

}
