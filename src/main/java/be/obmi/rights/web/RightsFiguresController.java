package be.obmi.rights.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.rights.domain.Question;
import be.obmi.rights.nontakeup.NonTakeUp;
import be.obmi.rights.usage.QuestionnaireUse;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.tenancy.Tenant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The figures of the Rechtenverkenner for a city's redacteurs: the non-take-up batch
 * (upload of a pseudonymised household file, the counts go to Stad in cijfers; the page
 * shows only totals per right) and the anonymous use of the public questionnaire.
 */
@Controller
@RequestMapping("/{slug}/rechten")
class RightsFiguresController {

	private final TenantAccess access;

	private final NonTakeUp nonTakeUp;

	private final QuestionnaireUse use;

	RightsFiguresController(TenantAccess access, NonTakeUp nonTakeUp, QuestionnaireUse use) {
		this.access = access;
		this.nonTakeUp = nonTakeUp;
		this.use = use;
	}

	@GetMapping("/niet-gebruik")
	String nonTakeUp(Tenant tenant, Model model) {
		access.require(tenant.slug(), Role.REDACTEUR);
		return nonTakeUpPage(tenant, model);
	}

	@PostMapping("/niet-gebruik")
	String run(Tenant tenant, @RequestParam MultipartFile file, @RequestParam(required = false) String periode,
			Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		ObmiUser editor = access.require(tenant.slug(), Role.REDACTEUR);
		try {
			NonTakeUp.Result result = nonTakeUp.run(tenant, file.getOriginalFilename(), file.getBytes(), periode,
					editor.getUsername());
			redirect.addFlashAttribute("result", result);
			return "redirect:/" + tenant.slug() + "/rechten/niet-gebruik";
		}
		catch (ImportRejectedException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", ex.errors());
			return nonTakeUpPage(tenant, model);
		}
	}

	@GetMapping("/gebruik")
	String use(Tenant tenant, @RequestParam(defaultValue = "30") int dagen, Model model) {
		access.require(tenant.slug(), Role.REDACTEUR);
		int days = Math.clamp(dagen, 1, 3660);
		use.flush();
		QuestionnaireUse.Summary summary = use.of(tenant.id(), LocalDate.now().minusDays(days - 1L));
		List<QuestionnaireUse.Step> steps = new ArrayList<>();
		for (Question question : Question.values()) {
			summary.steps().stream().filter(s -> s.question().equals(question.name())).forEach(steps::add);
		}
		model.addAttribute("summary", summary);
		model.addAttribute("steps", steps);
		model.addAttribute("days", days);
		return "rights/use";
	}

	private String nonTakeUpPage(Tenant tenant, Model model) {
		model.addAttribute("runs", nonTakeUp.runs(tenant));
		model.addAttribute("threshold", nonTakeUp.threshold());
		model.addAttribute("defaultPeriod", String.valueOf(LocalDate.now().getYear() - 1));
		return "rights/non-take-up";
	}

}
