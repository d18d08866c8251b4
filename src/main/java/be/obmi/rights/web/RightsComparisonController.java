package be.obmi.rights.web;

import java.time.LocalDate;

import be.obmi.identity.TenantAccess;
import be.obmi.rights.compare.RightsComparison;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Kenniscentrum's comparison of the same kind of right across cities: thresholds and
 * top-ups side by side ({@code /kenniscentrum/rechten/vergelijking}).
 */
@Controller
class RightsComparisonController {

	private final TenantAccess access;

	private final RightsComparison comparison;

	RightsComparisonController(TenantAccess access, RightsComparison comparison) {
		this.access = access;
		this.comparison = comparison;
	}

	@GetMapping("/kenniscentrum/rechten/vergelijking")
	String compare(Model model) {
		access.requireKenniscentrum();
		LocalDate today = LocalDate.now();
		model.addAttribute("day", today);
		model.addAttribute("groups", comparison.groups(today));
		model.addAttribute("column", RightsComparison.COLUMN);
		return "rights/comparison";
	}

}
