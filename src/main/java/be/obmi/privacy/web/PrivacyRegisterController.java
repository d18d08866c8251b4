package be.obmi.privacy.web;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.privacy.domain.ActivityState;
import be.obmi.privacy.domain.Audience;
import be.obmi.privacy.domain.ProcessingActivities;
import be.obmi.privacy.domain.Register;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff view of a tenant's register of processing activities: the controller's
 * register (art. 30(1)) and the processor's (art. 30(2)) as two tabs, filters on service,
 * state and audience, each activity's completeness. Every member reads it.
 */
@Controller
class PrivacyRegisterController {

	private final ProcessingActivities activities;

	private final TenantAccess access;

	PrivacyRegisterController(ProcessingActivities activities, TenantAccess access) {
		this.activities = activities;
		this.access = access;
	}

	@GetMapping("/{slug}/privacy")
	String register(Tenant tenant, @RequestParam(required = false) String service,
			@RequestParam(required = false) ActivityState state,
			@RequestParam(defaultValue = "CONTROLLER") Register register,
			@RequestParam(required = false) Audience audience, Model model) {
		model.addAttribute("activities",
				activities.list(tenant, new ProcessingActivities.Filter(service, state, register, audience)));
		model.addAttribute("services", activities.services(tenant));
		model.addAttribute("service", service);
		model.addAttribute("state", state);
		model.addAttribute("register", register);
		model.addAttribute("audience", audience);
		model.addAttribute("states", ActivityState.values());
		model.addAttribute("registers", Register.values());
		model.addAttribute("audiences", Audience.values());
		model.addAttribute("canEdit", access.has(tenant.slug(), Role.REDACTEUR));
		model.addAttribute("dpo", access.dpo(tenant.slug()));
		return "privacy/register";
	}

}
