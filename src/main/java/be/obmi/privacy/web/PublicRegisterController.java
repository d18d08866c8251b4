package be.obmi.privacy.web;

import be.obmi.privacy.domain.ActivityField;
import be.obmi.privacy.domain.ActivityView;
import be.obmi.privacy.domain.PublicRegister;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A city's public register of processing activities: for citizens and for staff (two
 * tabs), with facets and a search, and a page per activity. Anyone may read it
 * ({@link PrivacyPublicRoutes}). Only activities that are published and checked appear,
 * and only the fields the DPO made public ({@link PublicRegister}: the views are built
 * from the mask).
 */
@Controller
class PublicRegisterController {

	static final String LIST_VIEW = "privacy/public-register";

	static final String ACTIVITY_VIEW = "privacy/public-activity";

	private final PublicRegister register;

	PublicRegisterController(PublicRegister register) {
		this.register = register;
	}

	@GetMapping("/{slug}/privacy/publiek")
	String list(Tenant tenant, @RequestParam(name = "doelgroep", required = false) String audience,
			@RequestParam(required = false) String q, @RequestParam(name = "dienst", required = false) String service,
			@RequestParam(name = "gegevens", required = false) String data,
			@RequestParam(name = "ontvanger", required = false) String recipient,
			@RequestParam(name = "grond", required = false) String basis, Model model) {
		String shown = "STAFF".equals(audience) ? "STAFF" : "CITIZENS";
		PublicRegister.Query query = new PublicRegister.Query(shown, trimmed(q), service, data, recipient, basis);
		model.addAttribute("query", query);
		model.addAttribute("result", register.search(tenant, query));
		model.addAttribute("fields", ActivityField.class);
		return LIST_VIEW;
	}

	@GetMapping("/{slug}/privacy/publiek/{publicId}")
	String activity(Tenant tenant, @PathVariable String publicId, Model model) {
		ActivityView view = register.activity(tenant, PublicRegisterApiController.uuid(publicId))
			.orElseThrow(PublicRegisterController::notFound);
		model.addAttribute("activity", view);
		return ACTIVITY_VIEW;
	}

	static NotFoundException notFound() {
		return new NotFoundException(Reason.of("privacy.refused.activityNotPublic"));
	}

	private static String trimmed(String q) {
		if (q == null) {
			return null;
		}
		String text = q.strip();
		return text.length() > 200 ? text.substring(0, 200) : text;
	}

}
