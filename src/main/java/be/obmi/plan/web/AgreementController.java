package be.obmi.plan.web;

import java.util.Locale;

import jakarta.validation.constraints.Size;

import be.obmi.plan.domain.Commitments;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The governance agreement (bestuursakkoord) of a plan: its commitments and the items
 * that carry them out.
 */
@Controller
@RequestMapping("/{slug}/plan")
class AgreementController {

	static final String AGREEMENT_VIEW = "plan/agreement";

	private final PlanPages pages;

	private final PlanItems items;

	private final StatusRounds rounds;

	private final Commitments commitments;

	private final MessageSource messages;

	AgreementController(PlanPages pages, PlanItems items, StatusRounds rounds, Commitments commitments,
			MessageSource messages) {
		this.messages = messages;
		this.pages = pages;
		this.items = items;
		this.rounds = rounds;
		this.commitments = commitments;
	}

	@GetMapping("/bestuursakkoord")
	String agreement(Tenant tenant, Model model) {
		Plan plan = pages.plan(tenant);
		PlanTree tree = new PlanTree(items.all(plan), rounds.latest(plan, false), rounds.latest(plan, true));
		model.addAttribute("plan", plan);
		model.addAttribute("tree", tree);
		model.addAttribute("commitments", commitments.all(plan));
		model.addAttribute("canEdit", pages.canEdit(tenant));
		return AGREEMENT_VIEW;
	}

	@PostMapping("/bestuursakkoord")
	String addCommitment(Tenant tenant, @RequestParam @Size(max = 50) String code,
			@RequestParam @Size(max = 500) String title, RedirectAttributes redirect, Locale locale) {
		pages.requireEditor(tenant);
		try {
			commitments.add(tenant, pages.plan(tenant), code, title);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", Texts.reason(messages, ex, locale));
		}
		return "redirect:/" + tenant.slug() + "/plan/bestuursakkoord";
	}

}
