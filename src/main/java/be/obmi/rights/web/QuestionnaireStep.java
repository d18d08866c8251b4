package be.obmi.rights.web;

import java.time.LocalDate;
import java.util.List;

import be.obmi.rights.domain.Answers;
import be.obmi.rights.domain.Question;
import be.obmi.rights.domain.SocialStatute;
import be.obmi.rights.explorer.Exploration;
import be.obmi.rights.explorer.RightsExplorer;
import be.obmi.shared.BelgianNumber;
import be.obmi.stats.AreaLocator;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * One step of the questionnaire, shared by the public Rechtenverkenner and the social
 * workers' mode: reads the answers posted so far (a point given for the residence is
 * placed in its sector and wijk through {@link AreaLocator}; the point itself is not
 * carried on), evaluates the city's rights and fills the page's model.
 */
@Component
class QuestionnaireStep {

	/** The fields of a residence given as a point (WGS84). */
	static final String LATITUDE = "breedtegraad";

	static final String LONGITUDE = "lengtegraad";

	private final RightsExplorer explorer;

	private final AreaLocator locator;

	QuestionnaireStep(RightsExplorer explorer, AreaLocator locator) {
		this.explorer = explorer;
		this.locator = locator;
	}

	/** What a step showed. */
	record Shown(QuestionnaireAnswers answers, Exploration exploration, Question next, boolean finished) {
	}

	Shown fill(Tenant tenant, MultiValueMap<String, String> posted, Model model) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>(posted);
		boolean pointNotPlaced = false;
		if (params.getFirst("gebied") == null && (params.containsKey(LATITUDE) || params.containsKey(LONGITUDE))) {
			String place = place(tenant, params.getFirst(LATITUDE), params.getFirst(LONGITUDE));
			if (place == null) {
				pointNotPlaced = true;
			}
			else {
				params.set("gebied", place);
			}
		}
		params.remove(LATITUDE);
		params.remove(LONGITUDE);
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
		model.addAttribute("allAnswers", answers.carried(null));
		model.addAttribute("answered", answers.answered());
		model.addAttribute("areas", explorer.areaChoices(tenant.id(), today));
		model.addAttribute("statutes", SocialStatute.values());
		model.addAttribute("housings", Answers.Housing.values());
		model.addAttribute("today", today);
		model.addAttribute("pointNotPlaced", pointNotPlaced);
		return new Shown(answers, exploration, next, finished);
	}

	/**
	 * The residence of a point in the city as {@code PLAATS:<sector>;<wijk>}; null when
	 * the point is unreadable or lies in no sector or wijk the platform knows of the
	 * city.
	 */
	private String place(Tenant tenant, String latitudeText, String longitudeText) {
		Double latitude = BelgianNumber.parseDouble(latitudeText);
		Double longitude = BelgianNumber.parseDouble(longitudeText);
		if (tenant.nisCode() == null || latitude == null || longitude == null || latitude < 49 || latitude > 52
				|| longitude < 2 || longitude > 7) {
			return null;
		}
		AreaLocator.Location location = locator.locate(tenant.nisCode(), longitude, latitude);
		if (location.sectorCode() == null && location.wijkCode() == null) {
			return null;
		}
		return QuestionnaireAnswers.PLACE + (location.sectorCode() == null ? "" : location.sectorCode()) + ";"
				+ (location.wijkCode() == null ? "" : location.wijkCode());
	}

}
