package be.obmi.privacy.web;

import java.time.Year;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.privacy.domain.Maturity;
import be.obmi.privacy.domain.MaturityAssessment;
import be.obmi.privacy.domain.MaturityQuestion;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The yearly GDPR maturity self-assessment of a city: the questionnaire of a year, its
 * index 0–100 and the history per year. Every member reads it; a redacteur or the DPO
 * answers; only the DPO closes a year, whose index then becomes the city's figure
 * {@value Maturity#INDICATOR} in its statistics.
 */
@Controller
@RequestMapping("/{slug}/privacy/maturiteit")
class MaturityController {

	private final Maturity maturity;

	private final TenantAccess access;

	private final MessageSource messages;

	MaturityController(Maturity maturity, TenantAccess access, MessageSource messages) {
		this.maturity = maturity;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping
	String page(Tenant tenant, @RequestParam(name = "jaar", required = false) Integer year, Model model) {
		int shown = year == null || year < 2000 || year > 2100 ? Year.now().getValue() : year;
		MaturityAssessment assessment = maturity.of(tenant, shown).orElse(null);
		model.addAttribute("year", shown);
		model.addAttribute("assessment", assessment);
		model.addAttribute("scores", assessment == null ? Map.of() : assessment.scores());
		model.addAttribute("index", assessment == null ? null : assessment.index());
		model.addAttribute("history", maturity.history(tenant));
		model.addAttribute("domains", MaturityQuestion.Domain.values());
		model.addAttribute("questions", List.of(MaturityQuestion.values()));
		model.addAttribute("scale", List.of(0, 1, 2, 3, 4));
		model.addAttribute("canAnswer", mayAnswer(tenant) && (assessment == null || !assessment.closed()));
		model.addAttribute("isDpo", access.dpo(tenant.slug()));
		return "privacy/maturity";
	}

	/** The answers of a year: {@code q-<QUESTION>} = 0–4 for each answered question. */
	@PostMapping("/{year}")
	String save(Tenant tenant, @PathVariable int year, @RequestParam int version,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		if (!mayAnswer(tenant)) {
			throw new AccessDeniedException("Onvoldoende rechten");
		}
		try {
			maturity.save(tenant, year, scores(params), version, username());
			redirect.addFlashAttribute("saved", true);
			return "redirect:/" + tenant.slug() + "/privacy/maturiteit?jaar=" + year;
		}
		catch (ConcurrentChangeException | IllegalStateException | IllegalArgumentException ex) {
			return refused(tenant, year, ex, model, response, locale);
		}
	}

	@PostMapping("/{year}/afsluiten")
	String close(Tenant tenant, @PathVariable int year, @RequestParam int version, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		access.requireDpo(tenant.slug());
		try {
			maturity.close(tenant, year, version, username());
		}
		catch (ConcurrentChangeException | IllegalStateException | IllegalArgumentException ex) {
			return refused(tenant, year, ex, model, response, locale);
		}
		redirect.addFlashAttribute("published", maturity.publishIndex(tenant, year, username()));
		return "redirect:/" + tenant.slug() + "/privacy/maturiteit?jaar=" + year;
	}

	private String refused(Tenant tenant, int year, RuntimeException ex, Model model, HttpServletResponse response,
			Locale locale) {
		response.setStatus(
				ex instanceof IllegalArgumentException ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
		model.addAttribute("error", Texts.reason(messages, ex, locale));
		return page(tenant, year, model);
	}

	private static Map<MaturityQuestion, Integer> scores(Map<String, String> params) {
		Map<MaturityQuestion, Integer> scores = new EnumMap<>(MaturityQuestion.class);
		Arrays.stream(MaturityQuestion.values()).forEach(q -> {
			String value = params.get("q-" + q.name());
			if (value != null && !value.isBlank()) {
				scores.put(q, score(value));
			}
		});
		return scores;
	}

	private static int score(String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new RefusedValueException(Reason.of("privacy.refused.maturity.score"));
		}
	}

	private boolean mayAnswer(Tenant tenant) {
		return access.has(tenant.slug(), Role.REDACTEUR) || access.dpo(tenant.slug());
	}

	private String username() {
		return access.currentUser().map(ObmiUser::getUsername).orElseThrow();
	}

}
