package be.obmi.platform;

import java.util.List;
import java.util.Locale;

import be.obmi.tenancy.Municipalities;
import be.obmi.tenancy.Municipality;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import be.obmi.shared.Texts;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The platform home (every tenant) and the platform admin's page to add a municipality as
 * a tenant.
 */
@Controller
class PlatformHomeController {

	static final String HOME_VIEW = "platform/home";

	static final String TENANTS_VIEW = "platform/tenants";

	private final Tenants tenants;

	private final Municipalities municipalities;

	private final MessageSource messages;

	PlatformHomeController(Tenants tenants, Municipalities municipalities, MessageSource messages) {
		this.tenants = tenants;
		this.municipalities = municipalities;
		this.messages = messages;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("tenants", tenants.all());
		return HOME_VIEW;
	}

	@GetMapping("/platform/besturen")
	String tenants(Model model) {
		List<Tenant> all = tenants.all();
		List<String> taken = all.stream().map(Tenant::nisCode).toList();
		List<Municipality> candidates = municipalities.all()
			.stream()
			.filter(m -> !taken.contains(m.nisCode()))
			.toList();
		model.addAttribute("tenants", all);
		model.addAttribute("candidates", candidates);
		model.addAttribute("municipalities", municipalities.all());
		return TENANTS_VIEW;
	}

	/**
	 * Adds an organisation that is not a municipality (issue 13), optionally linked to a
	 * municipality for its statistics.
	 */
	@PostMapping("/platform/organisaties")
	String addOrganisation(@RequestParam @Size(max = 120) String name,
			@RequestParam(required = false) @Pattern(regexp = "(\\d{5})?",
					message = "{platform.tenant.nisCode.pattern}") String linkedNisCode,
			@RequestParam(required = false) @Pattern(regexp = "(#[0-9A-Fa-f]{6})?",
					message = "{platform.tenant.color.pattern}") String primaryColor,
			RedirectAttributes redirect, Model model, HttpServletResponse response, Locale locale) {
		try {
			Tenant tenant = tenants.addOrganisation(name, linkedNisCode, primaryColor);
			redirect.addFlashAttribute("added", tenant.name());
			return "redirect:/platform/besturen";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("organisationError", Texts.reason(messages, ex, locale));
			return tenants(model);
		}
	}

	@PostMapping("/platform/besturen")
	String addTenant(
			@RequestParam @Pattern(regexp = "\\d{5}", message = "{platform.tenant.nisCode.pattern}") String nisCode,
			@RequestParam(required = false) @Pattern(regexp = "(#[0-9A-Fa-f]{6})?",
					message = "{platform.tenant.color.pattern}") String primaryColor,
			RedirectAttributes redirect, Model model, HttpServletResponse response, Locale locale) {
		try {
			Tenant tenant = tenants.add(nisCode, primaryColor);
			redirect.addFlashAttribute("added", tenant.name());
			return "redirect:/platform/besturen";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return tenants(model);
		}
	}

}
