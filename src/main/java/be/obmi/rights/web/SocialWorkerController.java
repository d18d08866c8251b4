package be.obmi.rights.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.TenantAccess;
import be.obmi.identity.TenantFunction;
import be.obmi.rights.casework.ClientCase;
import be.obmi.rights.casework.ClientCases;
import be.obmi.rights.explorer.Exploration;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The social workers' mode of the Rechtenverkenner (function
 * {@link TenantFunction#SOCIAL_WORKER}): the same questionnaire, filled in with a client.
 * Like the public one it keeps nothing between steps (the answers travel in the form) and
 * counts no use; only when the client ticks the consent is the case stored
 * ({@link ClientCases}), with the text of the consent and a retention date. The worker
 * reopens and deletes their own cases; another worker's case answers 404.
 */
@Controller
@RequestMapping("/{slug}/rechtenverkenner/hulpverlener")
class SocialWorkerController {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private final TenantAccess access;

	private final QuestionnaireStep step;

	private final ClientCases cases;

	private final MessageSource messages;

	SocialWorkerController(TenantAccess access, QuestionnaireStep step, ClientCases cases, MessageSource messages) {
		this.access = access;
		this.step = step;
		this.cases = cases;
		this.messages = messages;
	}

	@GetMapping
	String first(Tenant tenant, Model model, Locale locale) {
		return questionnaire(tenant, new LinkedMultiValueMap<>(), model, locale);
	}

	@PostMapping
	String questionnaire(Tenant tenant, @RequestParam MultiValueMap<String, String> params, Model model,
			Locale locale) {
		access.require(tenant.slug(), TenantFunction.SOCIAL_WORKER);
		step.fill(tenant, params, model);
		return page(tenant, model, locale);
	}

	/** Stores the case, only with the client's consent (else 422 and nothing stored). */
	@PostMapping("/bewaren")
	String store(Tenant tenant, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
			HttpServletResponse response) {
		ObmiUser worker = access.require(tenant.slug(), TenantFunction.SOCIAL_WORKER);
		MultiValueMap<String, String> answers = new LinkedMultiValueMap<>(params);
		answers.remove("toestemming");
		answers.remove("label");
		answers.remove("toon");
		answers.add("toon", "1");
		QuestionnaireStep.Shown shown = step.fill(tenant, answers, model);
		if (!"ja".equals(params.getFirst("toestemming"))) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("consentMissing", true);
			return page(tenant, model, locale);
		}
		ClientCase stored = cases.store(tenant, worker.getUsername(), params.getFirst("label"),
				shown.answers().fields(), results(shown.exploration()), true, consentText(locale));
		return "redirect:/" + tenant.slug() + "/rechtenverkenner/hulpverlener/dossiers/" + stored.publicId();
	}

	@GetMapping("/dossiers")
	String list(Tenant tenant, Model model) {
		ObmiUser worker = access.require(tenant.slug(), TenantFunction.SOCIAL_WORKER);
		model.addAttribute("cases", cases.of(tenant, worker.getUsername()));
		return "rights/casework";
	}

	/** Reopens a stored case: the questionnaire with its answers, at the result. */
	@GetMapping("/dossiers/{id}")
	String reopen(Tenant tenant, @PathVariable String id, Model model, Locale locale) {
		ObmiUser worker = access.require(tenant.slug(), TenantFunction.SOCIAL_WORKER);
		ClientCase found = cases.require(tenant, worker.getUsername(), uuid(id));
		MultiValueMap<String, String> answers = new LinkedMultiValueMap<>();
		found.answers().forEach(answers::addAll);
		answers.set("toon", "1");
		step.fill(tenant, answers, model);
		model.addAttribute("clientCase", found);
		model.addAttribute("consentedAt", LocalDateTime.ofInstant(found.consentedAt(), BRUSSELS));
		return page(tenant, model, locale);
	}

	@PostMapping("/dossiers/{id}/verwijderen")
	String delete(Tenant tenant, @PathVariable String id, RedirectAttributes redirect) {
		ObmiUser worker = access.require(tenant.slug(), TenantFunction.SOCIAL_WORKER);
		cases.delete(tenant, worker.getUsername(), uuid(id));
		redirect.addFlashAttribute("deleted", true);
		return "redirect:/" + tenant.slug() + "/rechtenverkenner/hulpverlener/dossiers";
	}

	/** The case's id; 404 for text that is no UUID (checked after the access). */
	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException(Reason.of("rights.casework.refused.unknown"));
		}
	}

	private String page(Tenant tenant, Model model, Locale locale) {
		model.addAttribute("socialWorker", true);
		model.addAttribute("explorerAction", "/" + tenant.slug() + "/rechtenverkenner/hulpverlener");
		model.addAttribute("consentText", consentText(locale));
		return "rights/explorer";
	}

	private String consentText(Locale locale) {
		return messages.getMessage("rights.casework.consent.text", new Object[] { cases.retentionDays() }, locale);
	}

	private static List<ClientCase.Result> results(Exploration exploration) {
		List<ClientCase.Result> results = new ArrayList<>();
		for (List<Exploration.Finding> group : List.of(exploration.eligible(), exploration.maybe(),
				exploration.notEligible())) {
			for (Exploration.Finding f : group) {
				results.add(new ClientCase.Result(f.right().code(), f.right().title(), f.outcome().verdict().name()));
			}
		}
		return results;
	}

}
