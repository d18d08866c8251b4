package be.obmi.identity;

import java.util.Locale;

import be.obmi.shared.Texts;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/** A user's own API tokens: create (the secret is shown once), list, revoke. */
@Controller
class ApiTokenController {

	static final String VIEW = "identity/tokens";

	private final ApiTokens tokens;

	private final MessageSource messages;

	ApiTokenController(ApiTokens tokens, MessageSource messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping("/account/tokens")
	String list(@AuthenticationPrincipal ObmiUser user, Model model) {
		model.addAttribute("tokens", tokens.of(user));
		model.addAttribute("user", user);
		return VIEW;
	}

	@PostMapping("/account/tokens")
	String create(@AuthenticationPrincipal ObmiUser user, @RequestParam @Size(max = 100) String name, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		try {
			ApiTokens.Created created = tokens.create(user, name);
			redirect.addFlashAttribute("secret", created.secret());
			redirect.addFlashAttribute("createdName", created.token().name());
			return "redirect:/account/tokens";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return list(user, model);
		}
	}

	@PostMapping("/account/tokens/{id}/intrekken")
	String revoke(@AuthenticationPrincipal ObmiUser user, @PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(user, id);
		redirect.addFlashAttribute("revoked", true);
		return "redirect:/account/tokens";
	}

}
