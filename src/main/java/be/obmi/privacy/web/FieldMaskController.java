package be.obmi.privacy.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import be.obmi.identity.TenantAccess;
import be.obmi.privacy.domain.ActivityField;
import be.obmi.privacy.domain.FieldMask;
import be.obmi.privacy.domain.FieldMasks;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The DPO's field mask: which fields of a processing activity the public register shows
 * ({@code /{slug}/privacy/zichtbaarheid}). Only the tenant's DPO sees and saves it; every
 * save is in the history.
 */
@Controller
class FieldMaskController {

	static final String VIEW = "privacy/field-mask";

	private final FieldMasks masks;

	private final TenantAccess access;

	private final MessageSource messages;

	FieldMaskController(FieldMasks masks, TenantAccess access, MessageSource messages) {
		this.masks = masks;
		this.access = access;
		this.messages = messages;
	}

	/** A field with whether it is public, for the form. */
	record FieldChoice(ActivityField field, boolean shown, boolean fixed) {
	}

	@GetMapping("/{slug}/privacy/zichtbaarheid")
	String form(Tenant tenant, Model model) {
		access.requireDpo(tenant.slug());
		FieldMask mask = masks.of(tenant);
		return form(mask.publicFields(), mask, model);
	}

	@PostMapping("/{slug}/privacy/zichtbaarheid")
	String save(Tenant tenant, @RequestParam(name = "publiek", required = false) List<String> codes,
			@RequestParam int version, Model model, RedirectAttributes redirect, HttpServletResponse response,
			Locale locale) {
		String actor = access.requireDpo(tenant.slug()).getUsername();
		Set<ActivityField> chosen = EnumSet.noneOf(ActivityField.class);
		for (String code : codes == null ? List.<String>of() : codes) {
			Optional<ActivityField> field = ActivityField.byCode(code);
			if (field.isEmpty()) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("error", messages.getMessage("privacy.mask.unknownField", null, locale));
				return form(tenant, model);
			}
			chosen.add(field.get());
		}
		try {
			masks.save(tenant, chosen, version, actor);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/" + tenant.slug() + "/privacy/zichtbaarheid";
		}
		catch (ConcurrentChangeException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return form(chosen, masks.of(tenant), model);
		}
	}

	private String form(Set<ActivityField> shown, FieldMask current, Model model) {
		model.addAttribute("choices",
				Arrays.stream(ActivityField.values())
					.map(f -> new FieldChoice(f, shown.contains(f) || f == ActivityField.NAME, f == ActivityField.NAME))
					.toList());
		model.addAttribute("mask", current);
		model.addAttribute("defaults", FieldMask.DEFAULT_PUBLIC);
		return VIEW;
	}

}
