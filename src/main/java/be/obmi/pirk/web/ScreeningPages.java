package be.obmi.pirk.web;

import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What the pages of indications, rules, screening, the leegstandsregister and its
 * deadlines share: members read them, redacteurs write; who acts; showing a refused form
 * again with its errors.
 */
@Component
class ScreeningPages {

	private final TenantAccess access;

	private final MessageSource messages;

	ScreeningPages(TenantAccess access, MessageSource messages) {
		this.access = access;
		this.messages = messages;
	}

	boolean canEdit(Tenant tenant) {
		return access.has(tenant.slug(), Role.REDACTEUR);
	}

	/**
	 * @return the user name of the redacteur who acts (403 for anyone else)
	 */
	String requireEditor(Tenant tenant) {
		ObmiUser user = access.require(tenant.slug(), Role.REDACTEUR);
		return user.getUsername();
	}

	/** The display name of the user, to prefill "who" on a form. */
	String displayName() {
		return access.currentUser().map(ObmiUser::displayName).orElse("");
	}

	/** A validation error in the user's language. */
	String message(MessageSourceResolvable error, Locale locale) {
		return messages.getMessage(error, locale);
	}

	/** Puts the form into the model with the errors of a refused post. */
	<T> void bind(Model model, String name, T form, T blank, BindingResult errors) {
		T shown = form != null ? form : blank;
		model.addAttribute(name, shown);
		if (errors == null || !errors.hasErrors()) {
			return;
		}
		BindingResult result = errors;
		if (errors.getTarget() != shown) {
			result = new BeanPropertyBindingResult(shown, name);
			for (FieldError error : errors.getFieldErrors()) {
				result.addError(new FieldError(name, error.getField(), error.getRejectedValue(),
						error.isBindingFailure(), error.getCodes(), error.getArguments(), error.getDefaultMessage()));
			}
			errors.getGlobalErrors().forEach(result::addError);
		}
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
	}

	/**
	 * Saves a form and redirects to where {@code saving} answers; shows the page again
	 * with the errors when it is refused (400 for a refused value, 409 for a stale save
	 * or a step the state does not allow).
	 */
	String save(BindingResult errors, Model model, Locale locale, HttpServletResponse response, Supplier<String> saving,
			Supplier<String> page) {
		if (errors != null && errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page.get();
		}
		try {
			return "redirect:" + saving.get();
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (ConcurrentChangeException | IllegalStateException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return page.get();
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return page.get();
		}
	}

}
