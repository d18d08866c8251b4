package be.obmi.identity;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import be.obmi.audit.AuditTrail;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A tenant's identity provider for single sign-on, set by the tenant's beheerder
 * ({@code /{slug}/beheer/sso}) or a platform admin ({@code /platform/sso/{slug}}); the
 * platform admin also sees every tenant's provider ({@code /platform/sso}). Both routes
 * are guarded centrally by {@code SecurityConfiguration}. The client secret is never
 * shown back; an empty secret field keeps it.
 */
@Controller
class SsoAdministrationController {

	static final String FORM_VIEW = "identity/sso";

	static final String LIST_VIEW = "identity/sso-platform";

	private final SsoProviders providers;

	private final SsoAccounts accounts;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Tenants tenants;

	private final TenantAccess access;

	SsoAdministrationController(SsoProviders providers, SsoAccounts accounts, AuditTrail audit, MessageSource messages,
			Tenants tenants, TenantAccess access) {
		this.access = access;
		this.tenants = tenants;
		this.providers = providers;
		this.accounts = accounts;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/{slug}/beheer/sso")
	String tenantForm(Tenant tenant, Model model) {
		return form(tenant, model, false);
	}

	@PostMapping("/{slug}/beheer/sso")
	String tenantSave(Tenant tenant, @Valid @ModelAttribute("form") SsoProviderForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		access.require(tenant.slug(), Role.BEHEERDER);
		return save(tenant, form, errors, model, redirect, response, false);
	}

	@PostMapping("/{slug}/beheer/sso/verwijderen")
	String tenantRemove(Tenant tenant, RedirectAttributes redirect) {
		access.require(tenant.slug(), Role.BEHEERDER);
		providers.remove(tenant);
		redirect.addFlashAttribute("removed", true);
		return "redirect:/" + tenant.slug() + "/beheer/sso";
	}

	@GetMapping("/platform/sso")
	String platformList(Model model) {
		Map<String, SsoProvider> bySlug = new HashMap<>();
		providers.all().forEach(provider -> bySlug.put(provider.slug(), provider));
		model.addAttribute("providers", bySlug);
		model.addAttribute("tenants", tenants.all());
		return LIST_VIEW;
	}

	@GetMapping("/platform/sso/{slug}")
	String platformForm(Tenant tenant, Model model) {
		return form(tenant, model, true);
	}

	@PostMapping("/platform/sso/{slug}")
	String platformSave(Tenant tenant, @Valid @ModelAttribute("form") SsoProviderForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return save(tenant, form, errors, model, redirect, response, true);
	}

	@PostMapping("/platform/sso/{slug}/verwijderen")
	String platformRemove(Tenant tenant, RedirectAttributes redirect) {
		providers.remove(tenant);
		redirect.addFlashAttribute("removed", true);
		return "redirect:/platform/sso/" + tenant.slug();
	}

	private String form(Tenant tenant, Model model, boolean platform) {
		var provider = providers.find(tenant.id());
		model.addAttribute("form", provider.map(SsoProviderForm::of).orElseGet(SsoProviderForm::empty));
		return view(tenant, model, platform, provider.isPresent());
	}

	private String save(Tenant tenant, SsoProviderForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response, boolean platform) {
		boolean exists = providers.find(tenant.id()).isPresent();
		if (errors.hasErrors()) {
			return view(tenant, model, platform, exists);
		}
		try {
			providers.save(tenant, form);
			redirect.addFlashAttribute("saved", true);
			return "redirect:" + base(tenant, platform);
		}
		catch (AccountChangeRefused ex) {
			response.setStatus(422);
			model.addAttribute("error", messages.getMessage(ex, LocaleContextHolder.getLocale()));
		}
		catch (ConcurrentChangeException ex) {
			response.setStatus(409);
			model.addAttribute("error", Texts.reason(messages, ex, LocaleContextHolder.getLocale()));
		}
		return view(tenant, model, platform, exists);
	}

	private String view(Tenant tenant, Model model, boolean platform, boolean exists) {
		model.addAttribute("tenant", tenant);
		model.addAttribute("exists", exists);
		model.addAttribute("platform", platform);
		model.addAttribute("action", base(tenant, platform));
		model.addAttribute("redirectUri", "/login/oauth2/code/" + tenant.slug());
		if (!platform) {
			// the tenant's beheerder grants the roles: only their page lists who waits
			model.addAttribute("waiting", accounts.waitingForRole(tenant));
		}
		model.addAttribute("history", audit.history(tenant.id(), SsoProviders.ENTITY, tenant.slug(), 10));
		return FORM_VIEW;
	}

	private static String base(Tenant tenant, boolean platform) {
		return platform ? "/platform/sso/" + tenant.slug() : "/" + tenant.slug() + "/beheer/sso";
	}

}
