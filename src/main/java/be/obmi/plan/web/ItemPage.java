package be.obmi.plan.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.audit.AuditTrail;
import be.obmi.plan.FinancialFigures;
import be.obmi.plan.PolicyFields;
import be.obmi.plan.domain.Assignments;
import be.obmi.plan.domain.Commitments;
import be.obmi.plan.domain.Indicator;
import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanArchive;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItemForm;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Project;
import be.obmi.plan.domain.ProjectForm;
import be.obmi.plan.domain.Projects;
import be.obmi.plan.domain.Release;
import be.obmi.plan.domain.ReleaseForm;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.tenancy.Tenant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The model of an item's page, shared by the controllers that show it again after a
 * refused form ({@link PlanController}, {@link ProjectController}): the item in its tree
 * (an archived item in its own subtree, with when and by whom it was archived), its
 * indicators, status timeline, projects and releases with their forms, commitments,
 * finances and history.
 */
@Component
class ItemPage {

	/** The form of a new project or release (its "id" in the form maps). */
	static final long NEW = 0;

	private final PlanPages pages;

	private final PlanItems items;

	private final StatusRounds rounds;

	private final Indicators indicators;

	private final PolicyFields policyFields;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Commitments commitments;

	private final Projects projects;

	private final PlanArchive archive;

	private final ObjectProvider<FinancialFigures> finance;

	private final Assignments assignments;

	ItemPage(PlanPages pages, PlanItems items, StatusRounds rounds, Indicators indicators, PolicyFields policyFields,
			AuditTrail audit, MessageSource messages, Commitments commitments, Projects projects, PlanArchive archive,
			ObjectProvider<FinancialFigures> finance, Assignments assignments) {
		this.assignments = assignments;
		this.pages = pages;
		this.items = items;
		this.rounds = rounds;
		this.indicators = indicators;
		this.policyFields = policyFields;
		this.audit = audit;
		this.messages = messages;
		this.commitments = commitments;
		this.projects = projects;
		this.archive = archive;
		this.finance = finance;
	}

	/** Fills the model of the item's page and returns its view. */
	String render(Tenant tenant, PlanItem item, Model model, Locale locale) {
		Plan plan = pages.plan(tenant);
		PlanArchive.Mark archived = archive.mark(tenant, item.id()).orElse(null);
		List<PlanItem> shown = archived == null ? items.all(plan) : items.withDescendants(tenant, item.id());
		PlanTree tree = new PlanTree(shown, rounds.latest(plan, false), rounds.latest(plan, true));
		PlanTree.Node node = tree.node(item.id());
		PlanTree.Node parentNode = item.parentId() == null ? null : tree.node(item.parentId());
		model.addAttribute("plan", plan);
		model.addAttribute("item", item);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PlanItemForm.of(item));
		}
		model.addAttribute("node", node);
		model.addAttribute("parent", parentNode != null ? parentNode.item()
				: item.parentId() == null ? null : items.byId(tenant, item.parentId()).orElse(null));
		model.addAttribute("archived", archived);
		model.addAttribute("policyField", policyFields.byCode(item.policyField()).orElse(null));
		model.addAttribute("policyFields", policyFields.all());
		List<Indicator.Details> list = indicators.of(tenant, item.id());
		model.addAttribute("indicators", list);
		String measured = messages.getMessage("plan.chart.measured", null, locale);
		String target = messages.getMessage("plan.chart.target", null, locale);
		Map<Long, String> charts = new HashMap<>();
		list.forEach(d -> charts.put(d.indicator().id(), Charts.indicator(d, measured, target)));
		model.addAttribute("charts", charts);
		model.addAttribute("timeline", rounds.history(tenant, item.id(), false));
		model.addAttribute("commitments", commitments.of(tenant, item.id()));
		List<Project> projectList = projects.of(tenant, item.id());
		List<Release> releaseList = indicators.releases(tenant, item.id());
		model.addAttribute("projects", projectList);
		model.addAttribute("releases", releaseList);
		forms(model, projectList, releaseList);
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("history", audit.history(tenant.id(), "planitem", String.valueOf(item.id()), 20));
		boolean editor = pages.canEdit(tenant);
		model.addAttribute("editor", editor);
		model.addAttribute("canEdit", editor && archived == null);
		model.addAttribute("hasHistory", editor && archive.hasHistory(tenant, item.id()));
		model.addAttribute("candidates", editor ? assignments.candidates(tenant) : List.of());
		FinancialFigures figures = finance.getIfAvailable();
		model.addAttribute("finance", figures == null ? List.of() : figures.perYear(tenant, item.code()));
		model.addAttribute("financeByKind", figures == null ? List.of() : figures.perYearAndKind(tenant, item.code()));
		return PlanController.ITEM_VIEW;
	}

	/**
	 * The values of every project and release form, by id, and of the new ones
	 * ({@code projectNew}, {@code releaseNew}): what was saved, or what was sent for the
	 * form that was refused ({@code projectTarget} or {@code releaseTarget}, {@link #NEW}
	 * for a new one, set by {@link #refused}).
	 */
	private static void forms(Model model, List<Project> projectList, List<Release> releaseList) {
		Map<Long, ProjectForm> projectForms = new LinkedHashMap<>();
		projectList.forEach(p -> projectForms.put(p.id(), ProjectForm.of(p)));
		projectForms.put(NEW, ProjectForm.empty());
		Map<Long, ReleaseForm> releaseForms = new LinkedHashMap<>();
		releaseList.forEach(r -> releaseForms.put(r.id(), ReleaseForm.of(r)));
		releaseForms.put(NEW, ReleaseForm.empty());
		if (model.getAttribute("projectTarget") instanceof Long id
				&& model.getAttribute("projectForm") instanceof ProjectForm sent) {
			projectForms.put(id, sent);
		}
		if (model.getAttribute("releaseTarget") instanceof Long id
				&& model.getAttribute("releaseForm") instanceof ReleaseForm sent) {
			releaseForms.put(id, sent);
		}
		model.addAttribute("projectNew", projectForms.remove(NEW));
		model.addAttribute("releaseNew", releaseForms.remove(NEW));
		model.addAttribute("projectForms", projectForms);
		model.addAttribute("releaseForms", releaseForms);
		model.addAttribute("projectIds", projectList.stream().map(Project::id).toList());
	}

	/**
	 * Marks the project or release form ({@code kind} "project" or "release") with id
	 * {@code target} as refused: its fields' errors (field name to message, "" for the
	 * whole form) in the user's language, and the general error at the top of the page.
	 */
	void refused(Model model, String kind, long target, BindingResult errors, String reason, Locale locale) {
		Map<String, String> byField = new LinkedHashMap<>();
		if (errors != null) {
			for (ObjectError error : errors.getAllErrors()) {
				String field = error instanceof FieldError f ? f.getField() : "";
				byField.putIfAbsent(field, messages.getMessage(error, locale));
			}
		}
		if (reason != null) {
			byField.putIfAbsent("", reason);
		}
		model.addAttribute(kind + "Target", target);
		model.addAttribute(kind + "Errors", byField);
		model.addAttribute("error", messages.getMessage("plan." + kind + ".notSaved", null, locale));
	}

}
