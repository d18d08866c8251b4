package be.obmi.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account holder's own page: name, e-mail and password, each change confirmed with
 * the current password. After a password change the holder's other sessions end; this one
 * goes on.
 */
@Controller
class AccountController {

	static final String VIEW = "identity/account";

	private final UserAccounts accounts;

	private final MessageSource messages;

	AccountController(UserAccounts accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/account")
	String show(@AuthenticationPrincipal ObmiUser user, Model model) {
		AccountDetails account = accounts.details(user.id()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("form", ProfileForm.of(account));
		// a single sign-on session has no OBMi password to confirm changes with
		model.addAttribute("ssoTenant", user.ssoTenant().orElse(null));
		return VIEW;
	}

	@PostMapping("/account")
	String save(@AuthenticationPrincipal ObmiUser user, @Valid @ModelAttribute("form") ProfileForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("account", accounts.details(user.id()).orElseThrow());
		if (errors.hasErrors()) {
			return VIEW;
		}
		try {
			boolean passwordChanged = accounts.updateOwnProfile(user.id(), form);
			accounts.reloadPrincipal(user.id())
				.ifPresent(current -> SessionRightsRefresh.renew(current, request, response));
			redirect.addFlashAttribute(passwordChanged ? "passwordChanged" : "saved", true);
			return "redirect:/account";
		}
		catch (AccountChangeRefused ex) {
			model.addAttribute("error", messages.getMessage(ex, LocaleContextHolder.getLocale()));
			return VIEW;
		}
	}

}
