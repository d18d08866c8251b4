package be.obmi.identity;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import be.obmi.audit.AuditTrail;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A tenant admin's pages: the users of the tenant and their roles, and the tenant's audit
 * history. Guarded by {@code SecurityConfiguration} ({@code /{slug}/beheer/**} needs the
 * beheerder role in that tenant). A tenant admin creates accounts, invites existing ones
 * and manages their roles here, but never changes an existing account's name, e-mail,
 * password or enabled flag (docs/security.md, "Accounts").
 */
@Controller
@RequestMapping("/{slug}/beheer")
class TenantAdministrationController {

	static final String OVERVIEW_VIEW = "identity/admin-overview";

	static final String USERS_VIEW = "identity/users";

	static final String USER_FORM_VIEW = "identity/user-form";

	static final String ROLE_FORM_VIEW = "identity/role-form";

	static final String HISTORY_VIEW = "identity/history";

	private final TenantMembers members;

	private final AuditTrail audit;

	private final MessageSource messages;

	TenantAdministrationController(TenantMembers members, AuditTrail audit, MessageSource messages) {
		this.members = members;
		this.audit = audit;
		this.messages = messages;
	}

	private String message(AccountChangeRefused refused) {
		return messages.getMessage(refused, LocaleContextHolder.getLocale());
	}

	@GetMapping
	String overview(Tenant tenant, Model model) {
		model.addAttribute("userCount", members.membersOf(tenant).size());
		model.addAttribute("recent", audit.history(tenant.id(), null, null, 5));
		return OVERVIEW_VIEW;
	}

	@GetMapping("/gebruikers")
	String users(Tenant tenant, Model model) {
		model.addAttribute("users", members.membersOf(tenant));
		return USERS_VIEW;
	}

	@GetMapping("/gebruikers/nieuw")
	String newUser(Tenant tenant, Model model) {
		model.addAttribute("form", UserForm.empty());
		model.addAttribute("invite", InviteForm.empty());
		model.addAttribute("roles", Role.values());
		return USER_FORM_VIEW;
	}

	/**
	 * A new account with a role in this tenant. An existing username is refused: existing
	 * accounts are invited.
	 */
	@PostMapping("/gebruikers/nieuw")
	String createUser(Tenant tenant, @Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("invite", InviteForm.empty());
		model.addAttribute("roles", Role.values());
		if (errors.hasErrors()) {
			return USER_FORM_VIEW;
		}
		try {
			UserAccount created = members.createAccount(tenant, form);
			redirect.addFlashAttribute("saved", created.displayName());
			return "redirect:/" + tenant.slug() + "/beheer/gebruikers";
		}
		catch (AccountChangeRefused ex) {
			model.addAttribute("error", message(ex));
			return USER_FORM_VIEW;
		}
	}

	/**
	 * An existing account (by username or e-mail) gets a role in this tenant, and nothing
	 * more.
	 */
	@PostMapping("/gebruikers/uitnodigen")
	String inviteUser(Tenant tenant, @Valid @ModelAttribute("invite") InviteForm invite, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("form", UserForm.empty());
		model.addAttribute("roles", Role.values());
		if (errors.hasErrors()) {
			return USER_FORM_VIEW;
		}
		try {
			UserAccount added = members.invite(tenant, invite);
			redirect.addFlashAttribute("saved", added.displayName());
			return "redirect:/" + tenant.slug() + "/beheer/gebruikers";
		}
		catch (AccountChangeRefused ex) {
			model.addAttribute("inviteError", message(ex));
			return USER_FORM_VIEW;
		}
	}

	@GetMapping("/gebruikers/{id}")
	String editUser(Tenant tenant, @PathVariable long id, Model model) {
		UserAccount account = member(tenant, id);
		model.addAttribute("account", account);
		model.addAttribute("form", new RoleForm(account.role(), account.version()));
		model.addAttribute("dpo", members.dpo(tenant, id));
		model.addAttribute("functions", members.functions(tenant, id));
		model.addAttribute("allFunctions", TenantFunction.values());
		model.addAttribute("roles", Role.values());
		model.addAttribute("history", audit.history(tenant.id(), "gebruiker", String.valueOf(id), 20));
		return ROLE_FORM_VIEW;
	}

	/**
	 * Changes the member's role in this tenant; the account itself (name, password,
	 * enabled) is not the tenant's.
	 */
	@PostMapping("/gebruikers/{id}")
	String updateUser(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute("form") RoleForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		UserAccount account = member(tenant, id);
		model.addAttribute("account", account);
		model.addAttribute("roles", Role.values());
		model.addAttribute("dpo", members.dpo(tenant, id));
		model.addAttribute("functions", members.functions(tenant, id));
		model.addAttribute("allFunctions", TenantFunction.values());
		model.addAttribute("history", audit.history(tenant.id(), "gebruiker", String.valueOf(id), 20));
		if (errors.hasErrors()) {
			return ROLE_FORM_VIEW;
		}
		try {
			UserAccount saved = members.changeRole(tenant, id, form);
			redirect.addFlashAttribute("saved", saved.displayName());
			return "redirect:/" + tenant.slug() + "/beheer/gebruikers";
		}
		catch (ConcurrentChangeException ex) {
			model.addAttribute("error", messages.getMessage(ex, LocaleContextHolder.getLocale()));
			return ROLE_FORM_VIEW;
		}
		catch (AccountChangeRefused ex) {
			model.addAttribute("error", message(ex));
			return ROLE_FORM_VIEW;
		}
	}

	/**
	 * Makes the member the tenant's data protection officer (DPO), or no longer.
	 */
	@PostMapping("/gebruikers/{id}/dpo")
	String changeDpo(Tenant tenant, @PathVariable long id, @RequestParam(defaultValue = "false") boolean dpo,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		member(tenant, id);
		try {
			UserAccount saved = members.changeDpo(tenant, id, dpo, version);
			redirect.addFlashAttribute("saved", saved.displayName());
		}
		catch (ConcurrentChangeException ex) {
			redirect.addFlashAttribute("refused", messages.getMessage(ex, LocaleContextHolder.getLocale()));
		}
		catch (AccountChangeRefused ex) {
			redirect.addFlashAttribute("refused", message(ex));
		}
		return "redirect:/" + tenant.slug() + "/beheer/gebruikers";
	}

	/**
	 * Grants the member exactly the checked functions (mandates such as PIRK's owner
	 * data) in this tenant.
	 */
	@PostMapping("/gebruikers/{id}/functies")
	String changeFunctions(Tenant tenant, @PathVariable long id,
			@RequestParam(name = "function", required = false) List<TenantFunction> functions,
			@RequestParam(required = false) Integer version, Principal principal, RedirectAttributes redirect) {
		member(tenant, id);
		try {
			UserAccount saved = members.changeFunctions(tenant, id,
					functions == null ? Set.of() : Set.copyOf(functions), version, principal.getName());
			redirect.addFlashAttribute("saved", saved.displayName());
		}
		catch (ConcurrentChangeException ex) {
			redirect.addFlashAttribute("refused", messages.getMessage(ex, LocaleContextHolder.getLocale()));
		}
		catch (AccountChangeRefused ex) {
			redirect.addFlashAttribute("refused", message(ex));
		}
		return "redirect:/" + tenant.slug() + "/beheer/gebruikers";
	}

	@PostMapping("/gebruikers/{id}/ontgrendelen")
	String unlock(Tenant tenant, @PathVariable long id, RedirectAttributes redirect) {
		UserAccount account = member(tenant, id);
		try {
			members.unlock(tenant, id);
			redirect.addFlashAttribute("unlocked", account.displayName());
		}
		catch (AccountChangeRefused ex) {
			redirect.addFlashAttribute("refused", message(ex));
		}
		return "redirect:/" + tenant.slug() + "/beheer/gebruikers";
	}

	@PostMapping("/gebruikers/{id}/verwijderen")
	String remove(Tenant tenant, @PathVariable long id, RedirectAttributes redirect) {
		UserAccount account = member(tenant, id);
		try {
			members.removeMember(tenant, id);
			redirect.addFlashAttribute("removed", account.displayName());
		}
		catch (AccountChangeRefused ex) {
			redirect.addFlashAttribute("refused", message(ex));
		}
		return "redirect:/" + tenant.slug() + "/beheer/gebruikers";
	}

	@GetMapping("/historiek")
	String history(Tenant tenant, @RequestParam(required = false) String type, Model model) {
		List<String> types = audit.entityTypes(tenant.id());
		model.addAttribute("types", types);
		model.addAttribute("type", type);
		model.addAttribute("events", audit.history(tenant.id(), type, null, 200));
		return HISTORY_VIEW;
	}

	private UserAccount member(Tenant tenant, long id) {
		return members.memberOf(tenant, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
