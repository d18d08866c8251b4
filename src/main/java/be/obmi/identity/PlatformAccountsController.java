package be.obmi.identity;

import jakarta.validation.Valid;

import be.obmi.audit.AuditTrail;
import be.obmi.shared.ConcurrentChangeException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The platform admin's pages for accounts themselves: every account with its roles, an
 * account's name, e-mail, enabled flag and password, lifting a lockout, and the
 * platform's history of account changes. Guarded by {@code SecurityConfiguration}
 * ({@code /platform/**} needs the platform admin).
 */
@Controller
class PlatformAccountsController {

	static final String LIST_VIEW = "identity/platform-accounts";

	static final String FORM_VIEW = "identity/platform-account";

	static final String HISTORY_VIEW = "identity/platform-history";

	private final UserAccounts accounts;

	private final AuditTrail audit;

	private final MessageSource messages;

	PlatformAccountsController(UserAccounts accounts, AuditTrail audit, MessageSource messages) {
		this.accounts = accounts;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/platform/gebruikers")
	String list(Model model) {
		model.addAttribute("accounts", accounts.allAccounts());
		return LIST_VIEW;
	}

	@GetMapping("/platform/gebruikers/{id}")
	String edit(@PathVariable long id, Model model) {
		AccountDetails account = account(id);
		model.addAttribute("account", account);
		model.addAttribute("form", AccountForm.of(account));
		model.addAttribute("history", audit.platformHistory("gebruiker", String.valueOf(id), 20));
		return FORM_VIEW;
	}

	@PostMapping("/platform/gebruikers/{id}")
	String save(@PathVariable long id, @AuthenticationPrincipal ObmiUser admin,
			@Valid @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		AccountDetails account = account(id);
		model.addAttribute("account", account);
		model.addAttribute("history", audit.platformHistory("gebruiker", String.valueOf(id), 20));
		if (errors.hasErrors()) {
			return FORM_VIEW;
		}
		try {
			AccountDetails saved = accounts.updateAccount(id, form, admin.id());
			redirect.addFlashAttribute("saved", saved.displayName());
			return "redirect:/platform/gebruikers";
		}
		catch (ConcurrentChangeException ex) {
			model.addAttribute("error", messages.getMessage(ex, LocaleContextHolder.getLocale()));
			return FORM_VIEW;
		}
		catch (AccountChangeRefused ex) {
			model.addAttribute("error", messages.getMessage(ex, LocaleContextHolder.getLocale()));
			return FORM_VIEW;
		}
	}

	@PostMapping("/platform/gebruikers/{id}/ontgrendelen")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		AccountDetails account = account(id);
		accounts.unlockAsPlatformAdmin(id);
		redirect.addFlashAttribute("unlocked", account.displayName());
		return "redirect:/platform/gebruikers";
	}

	@GetMapping("/platform/historiek")
	String history(Model model) {
		model.addAttribute("events", audit.platformHistory(null, null, 200));
		return HISTORY_VIEW;
	}

	private AccountDetails account(long id) {
		return accounts.details(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
