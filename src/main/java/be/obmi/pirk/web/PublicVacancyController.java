package be.obmi.pirk.web;

import java.util.Locale;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.pirk.publication.PublicVacancy;
import be.obmi.pirk.publication.VacancyIndicators;
import be.obmi.tenancy.Tenant;
import jakarta.validation.constraints.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public side of PIRK: vacancy per wijk or sector per half-year, read through the
 * statistics' disclosure control, as a page and as JSON for anyone; never an address, an
 * object or an owner. Redacteurs publish the figures to Stad in cijfers.
 */
@Controller
class PublicVacancyController {

	static final String VIEW = "pirk/public";

	private final PublicVacancy figures;

	private final VacancyIndicators indicators;

	private final TenantAccess access;

	private final MessageSource messages;

	PublicVacancyController(PublicVacancy figures, VacancyIndicators indicators, TenantAccess access,
			MessageSource messages) {
		this.figures = figures;
		this.indicators = indicators;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/{slug}/pirk/publiek")
	String page(Tenant tenant,
			@RequestParam(name = "periode", required = false) @Pattern(regexp = "[0-9]{4}S[12]") String period,
			@RequestParam(name = "niveau", defaultValue = "wijk") @Pattern(regexp = "wijk|statsec") String level,
			Model model) {
		model.addAttribute("table", figures.table(tenant, period, level));
		model.addAttribute("periods", figures.periods(tenant));
		model.addAttribute("threshold", indicators.threshold());
		model.addAttribute("unitsCode", VacancyIndicators.UNITS);
		model.addAttribute("canPublish", access.has(tenant.slug(), Role.REDACTEUR));
		return VIEW;
	}

	@GetMapping(path = "/api/v1/{slug}/pirk/publiek", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	PublicVacancy.Table api(Tenant tenant,
			@RequestParam(name = "periode", required = false) @Pattern(regexp = "[0-9]{4}S[12]") String period,
			@RequestParam(name = "niveau", defaultValue = "wijk") @Pattern(regexp = "wijk|statsec") String level) {
		return figures.table(tenant, period, level);
	}

	@PostMapping("/{slug}/pirk/cijfers/publiceren")
	String publish(Tenant tenant, Locale locale, RedirectAttributes redirect) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		int periods = indicators.publish(tenant, user.getUsername());
		redirect.addFlashAttribute("done",
				messages.getMessage("pirk.public.published", new Object[] { periods }, locale));
		return "redirect:/" + tenant.slug() + "/pirk/publiek";
	}

}
