package be.obmi.rights.web;

import be.obmi.rights.domain.Question;
import be.obmi.rights.usage.QuestionnaireUse;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public Rechtenverkenner: it starts with the postcode (choosing the city) and the
 * area, then asks one question at a time, only those that can still change an outcome,
 * and answers with three groups (eligible, maybe, not eligible) with the criteria in
 * plain words and the fiches, printable. Anonymous; every step posts the earlier answers
 * again, so nothing about the person is stored. Works without JavaScript. Its use is
 * counted anonymously ({@link QuestionnaireUse}).
 */
@Controller
class RightsExplorerController {

	private final QuestionnaireStep step;

	private final QuestionnaireUse use;

	private final Tenants tenants;

	RightsExplorerController(QuestionnaireStep step, QuestionnaireUse use, Tenants tenants) {
		this.step = step;
		this.use = use;
		this.tenants = tenants;
	}

	/** The start: the postcode chooses the city. */
	@GetMapping("/rechtenverkenner")
	String start(@RequestParam(required = false) String postcode, Model model) {
		if (postcode != null) {
			String nis = Postcodes.nis(postcode).orElse(null);
			Tenant city = nis == null ? null
					: tenants.all().stream().filter(tenant -> nis.equals(tenant.nisCode())).findFirst().orElse(null);
			if (city != null) {
				return "redirect:/" + city.slug() + "/rechtenverkenner";
			}
			model.addAttribute("unknownPostcode", true);
		}
		return "rights/start";
	}

	@GetMapping("/{slug}/rechtenverkenner")
	String first(Tenant tenant, Model model) {
		use.count(tenant.id(), QuestionnaireUse.Event.STARTED, null);
		return step(tenant, new LinkedMultiValueMap<>(), model);
	}

	@PostMapping("/{slug}/rechtenverkenner")
	String step(Tenant tenant, @RequestParam MultiValueMap<String, String> params, Model model) {
		QuestionnaireStep.Shown shown = step.fill(tenant, params, model);
		count(tenant, params, shown);
		return "rights/explorer";
	}

	/**
	 * Counts the step anonymously: the question answered now (the form names the question
	 * it asked), the next one shown, or the result with the rights it shows.
	 */
	private void count(Tenant tenant, MultiValueMap<String, String> params, QuestionnaireStep.Shown shown) {
		String asked = params.getFirst("vraag");
		for (Question question : shown.answers().answered()) {
			if (question.name().equals(asked)) {
				use.count(tenant.id(), QuestionnaireUse.Event.ANSWERED, question.name());
			}
		}
		if (shown.finished()) {
			use.count(tenant.id(), QuestionnaireUse.Event.FINISHED, null);
			shown.exploration()
				.eligible()
				.forEach(f -> use.count(tenant.id(), QuestionnaireUse.Event.SHOWN, f.right().code()));
			shown.exploration()
				.maybe()
				.forEach(f -> use.count(tenant.id(), QuestionnaireUse.Event.SHOWN, f.right().code()));
		}
		else {
			use.count(tenant.id(), QuestionnaireUse.Event.STEP, shown.next().name());
		}
	}

}
