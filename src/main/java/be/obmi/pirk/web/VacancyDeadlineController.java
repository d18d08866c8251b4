package be.obmi.pirk.web;

import java.time.LocalDate;

import be.obmi.pirk.register.VacancyDeadlines;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The deadlines of the leegstandsregister, overdue first; the same list is mailed daily.
 */
@Controller
class VacancyDeadlineController {

	static final String VIEW = "pirk/deadlines";

	private final VacancyDeadlines deadlines;

	VacancyDeadlineController(VacancyDeadlines deadlines) {
		this.deadlines = deadlines;
	}

	@GetMapping("/{slug}/pirk/termijnen")
	String list(Tenant tenant, Model model) {
		LocalDate today = LocalDate.now();
		model.addAttribute("deadlines", deadlines.of(tenant, today));
		model.addAttribute("soonDays", deadlines.soonDays());
		return VIEW;
	}

}
