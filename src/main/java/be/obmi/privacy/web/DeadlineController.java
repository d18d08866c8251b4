package be.obmi.privacy.web;

import java.time.OffsetDateTime;

import be.obmi.privacy.domain.PrivacyDeadlines;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The DPO's list of what is overdue or due soon over the city's agreements, breaches and
 * requests.
 */
@Controller
class DeadlineController {

	private final PrivacyDeadlines deadlines;

	private final PrivacyCasePages pages;

	DeadlineController(PrivacyDeadlines deadlines, PrivacyCasePages pages) {
		this.deadlines = deadlines;
		this.pages = pages;
	}

	@GetMapping("/{slug}/privacy/termijnen")
	String deadlines(Tenant tenant, Model model) {
		pages.requireDpo(tenant);
		model.addAttribute("deadlines", deadlines.of(tenant, OffsetDateTime.now()));
		return "privacy/deadlines";
	}

}
