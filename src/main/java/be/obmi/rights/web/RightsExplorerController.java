package be.obmi.rights.web;

import java.time.LocalDate;
import java.util.List;

import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.Question;
import be.obmi.rights.domain.SocialStatute;
import be.obmi.rights.explorer.Exploration;
import be.obmi.rights.explorer.RightsExplorer;
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
 * again, so nothing about the person is stored. Works without JavaScript.
 */
@Controller
class RightsExplorerController {

	private final RightsExplorer explorer;

	private final Tenants tenants;

	RightsExplorerController(RightsExplorer explorer, Tenants tenants) {
		this.explorer = explorer;
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
		return step(tenant, new LinkedMultiValueMap<>(), model);
	}

	@PostMapping("/{slug}/rechtenverkenner")
	String step(Tenant tenant, @RequestParam MultiValueMap<String, String> params, Model model) {
		QuestionnaireAnswers answers = QuestionnaireAnswers.parse(tenant.nisCode(), params);
		LocalDate today = LocalDate.now();
		Exploration exploration = explorer.explore(tenant.id(), answers.answers(), today);
		List<Question> open = exploration.open()
			.stream()
			.filter(question -> !answers.answered().contains(question))
			.toList();
		boolean finished = open.isEmpty() || params.containsKey("toon");
		Question next = finished ? null : open.getFirst();
		model.addAttribute("exploration", exploration);
		model.addAttribute("open", open);
		model.addAttribute("next", next);
		model.addAttribute("finished", finished);
		model.addAttribute("carried", answers.carried(next));
		model.addAttribute("answered", answers.answered());
		model.addAttribute("areas", explorer.areaChoices(tenant.id(), today));
		model.addAttribute("statutes", SocialStatute.values());
		model.addAttribute("housings", Answers.Housing.values());
		model.addAttribute("today", today);
		return "rights/explorer";
	}

}
