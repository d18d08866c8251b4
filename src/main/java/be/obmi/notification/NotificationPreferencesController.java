package be.obmi.notification;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import be.obmi.identity.Contact;
import be.obmi.identity.Contacts;
import be.obmi.identity.ObmiUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account holder's choice of notification e-mails, linked from their account page:
 * each kind on or off, and the language of the mails. Only for their own account
 * ({@code /account/**} needs a login).
 */
@Controller
@RequestMapping("/account/meldingen")
class NotificationPreferencesController {

	static final String VIEW = "notification/preferences";

	private final NotificationPreferences preferences;

	private final Contacts contacts;

	private final Mailer mailer;

	NotificationPreferencesController(NotificationPreferences preferences, Contacts contacts, Mailer mailer) {
		this.preferences = preferences;
		this.contacts = contacts;
		this.mailer = mailer;
	}

	@GetMapping
	String show(@AuthenticationPrincipal ObmiUser user, Model model) {
		model.addAttribute("form", PreferencesForm.of(preferences.of(user.id())));
		return page(user, model);
	}

	@PostMapping
	String save(@AuthenticationPrincipal ObmiUser user, @Valid @ModelAttribute("form") PreferencesForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(user, model);
		}
		preferences.save(user.id(), form.preferences());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/account/meldingen";
	}

	private String page(ObmiUser user, Model model) {
		model.addAttribute("email",
				contacts.byId(user.id()).filter(Contact::reachable).map(Contact::email).orElse(null));
		model.addAttribute("mailEnabled", mailer.enabled());
		return VIEW;
	}

}
