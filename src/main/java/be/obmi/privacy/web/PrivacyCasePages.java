package be.obmi.privacy.web;

import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What the pages of agreements, breaches, requests and deadlines share: who may see and
 * edit them, and showing a refused form again. Agreements are read by every member;
 * breaches and requests are confidential (the DPO and redacteurs only); the deadlines are
 * the DPO's.
 */
@Component
class PrivacyCasePages {

	private final TenantAccess access;

	private final MessageSource messages;

	PrivacyCasePages(TenantAccess access, MessageSource messages) {
		this.access = access;
		this.messages = messages;
	}

	/**
	 * The DPO and redacteurs (and those above) edit agreements, breaches and requests.
	 */
	boolean canEdit(Tenant tenant) {
		return access.has(tenant.slug(), Role.REDACTEUR) || access.dpo(tenant.slug());
	}

	/**
	 * @throws AccessDeniedException (403) for anyone but the DPO and redacteurs
	 */
	void requireEditor(Tenant tenant) {
		if (!canEdit(tenant)) {
			throw new AccessDeniedException("Onvoldoende rechten");
		}
	}

	/** Breaches and requests are seen only by those who edit them. */
	void requireConfidential(Tenant tenant) {
		requireEditor(tenant);
	}

	void requireDpo(Tenant tenant) {
		access.requireDpo(tenant.slug());
	}

	/**
	 * Puts the form to show into the model with the errors of a refused post. When the
	 * post's form could not be made at all (a value that is no date or number: the
	 * record's constructor was never called) a blank form carries those errors, so the
	 * page still shows every error in the user's language; its other fields then start
	 * blank.
	 */
	<T> void bind(Model model, T form, T blank, BindingResult errors) {
		T shown = form != null ? form : blank;
		model.addAttribute("form", shown);
		if (errors == null || !errors.hasErrors()) {
			return;
		}
		BindingResult result = errors;
		if (errors.getTarget() != shown) {
			result = new BeanPropertyBindingResult(shown, "form");
			for (FieldError error : errors.getFieldErrors()) {
				result.addError(new FieldError("form", error.getField(), error.getRejectedValue(),
						error.isBindingFailure(), error.getCodes(), error.getArguments(), error.getDefaultMessage()));
			}
			errors.getGlobalErrors().forEach(result::addError);
		}
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
	}

	/**
	 * Saves a form and redirects to where {@code saving} answers; shows the form again
	 * with its errors when it is refused (400, or 409 when someone else saved it
	 * meanwhile).
	 */
	String save(BindingResult errors, Model model, Locale locale, HttpServletResponse response, Supplier<String> saving,
			Supplier<String> form) {
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form.get();
		}
		try {
			return "redirect:" + saving.get();
		}
		catch (ConcurrentChangeException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return form.get();
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return form.get();
		}
	}

}
