package be.obmi.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import be.obmi.plan.domain.Assignments;
import be.obmi.plan.domain.Commitments;
import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItemForm;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.PolicyField;
import be.obmi.plan.PolicyFields;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.PlausibleDate;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Stream;

/**
 * The plan pages for a tenant's users: the tree with filters and an item with its
 * indicators, targets, measurements, releases and commitments (the item page's model is
 * built by {@link ItemPage}). Import and export are in {@link PlanImportController}, the
 * dashboard in {@link PlanDashboardController}, the governance agreement in
 * {@link AgreementController}, projects and releases in {@link ProjectController},
 * archiving, restoring and deleting in {@link PlanArchiveController}.
 * <p>
 * Over 300 lines because the plan tree and the item page share their forms, filters and
 * access checks; the other screens are already split off (agreements, imports, dashboard,
 * rounds).
 */
@Controller
@RequestMapping("/{slug}/plan")
class PlanController {

	static final String TREE_VIEW = "plan/tree";

	static final String ITEM_VIEW = "plan/item";

	/** The tree filters, all optional. */
	record Filter(String q, String domain, String field, String owner, ItemStatus status, Boolean priority) {

		boolean active() {
			return notBlank(q) || notBlank(domain) || notBlank(field) || notBlank(owner) || status != null
					|| priority != null;
		}

		private static boolean notBlank(String s) {
			return s != null && !s.isBlank();
		}

	}

	private final PlanPages pages;

	private final Plans plans;

	private final PlanItems items;

	private final StatusRounds rounds;

	private final Indicators indicators;

	private final PolicyFields policyFields;

	private final MessageSource messages;

	private final Commitments commitments;

	private final ItemPage itemPage;

	private final Assignments assignments;

	PlanController(PlanPages pages, Plans plans, PlanItems items, StatusRounds rounds, Indicators indicators,
			PolicyFields policyFields, MessageSource messages, Commitments commitments, ItemPage itemPage,
			Assignments assignments) {
		this.assignments = assignments;
		this.itemPage = itemPage;
		this.commitments = commitments;
		this.pages = pages;
		this.plans = plans;
		this.items = items;
		this.rounds = rounds;
		this.indicators = indicators;
		this.policyFields = policyFields;
		this.messages = messages;
	}

	/**
	 * At most this many rows are shown for a filter; the page asks to refine beyond that.
	 */
	static final int MAX_ROWS = 500;

	/**
	 * The plan tree. Without filters it shows goals and action plans, and the actions of
	 * one action plan ({@code open}, or loaded in place with htmx): a plan has thousands
	 * of actions and nobody reads them all at once. With filters it shows the matching
	 * items with their ancestors.
	 */
	@GetMapping
	String tree(Tenant tenant, @ModelAttribute("filter") Filter filter, @RequestParam(required = false) Long open,
			Model model) {
		model.addAttribute("canEdit", pages.canEdit(tenant));
		Plan plan = plans.current(tenant).orElse(null);
		model.addAttribute("plan", plan);
		if (plan == null) {
			model.addAttribute("rows", List.of());
			return TREE_VIEW;
		}
		List<PlanItem> all = items.all(plan);
		PlanTree tree = new PlanTree(all, rounds.latest(plan, false), rounds.latest(plan, true));
		model.addAttribute("tree", tree);
		List<PlanTree.Node> rows;
		if (filter.active()) {
			Predicate<PlanTree.Node> predicate = predicate(filter, tree);
			long matches = tree.flatten().stream().filter(predicate).count();
			rows = tree.matching(predicate);
			model.addAttribute("matchCount", matches);
			if (rows.size() > MAX_ROWS) {
				rows = rows.subList(0, MAX_ROWS);
				model.addAttribute("truncated", MAX_ROWS);
			}
		}
		else {
			rows = tree.flatten()
				.stream()
				.filter(n -> n.item().type() != ItemType.AC || Objects.equals(n.item().parentId(), open))
				.toList();
		}
		model.addAttribute("rows", rows);
		model.addAttribute("collapsed", !filter.active());
		model.addAttribute("open", open);
		model.addAttribute("domains", policyFields.domains());
		model.addAttribute("fields",
				all.stream()
					.map(PlanItem::policyField)
					.filter(Objects::nonNull)
					.distinct()
					.sorted()
					.map(code -> policyFields.byCode(code).orElse(new PolicyField(code, code, "", "")))
					.toList());
		model.addAttribute("owners",
				all.stream()
					.flatMap(i -> Stream.of(i.politicalOwner(), i.administrativeOwner()))
					.filter(Objects::nonNull)
					.distinct()
					.sorted()
					.toList());
		model.addAttribute("statuses", ItemStatus.values());
		return TREE_VIEW;
	}

	/** The action rows of one action plan, for the tree (htmx). */
	@GetMapping("/items/{id}/acties")
	String actionRows(Tenant tenant, @PathVariable long id, Model model) {
		Plan plan = pages.plan(tenant);
		PlanTree tree = new PlanTree(items.all(plan), rounds.latest(plan, false), rounds.latest(plan, true));
		PlanTree.Node node = tree.node(id);
		if (node == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("rows", node.children());
		model.addAttribute("collapsed", false);
		return TREE_VIEW + " :: rows";
	}

	private Predicate<PlanTree.Node> predicate(Filter filter, PlanTree tree) {
		return node -> {
			PlanItem item = node.item();
			if (filter.q() != null && !filter.q().isBlank()) {
				String q = filter.q().toLowerCase(Locale.ROOT).trim();
				String text = (item.code() + " " + item.title() + " " + Objects.toString(item.description(), "") + " "
						+ Objects.toString(item.tags(), ""))
					.toLowerCase(Locale.ROOT);
				for (String word : q.split("\\s+")) {
					if (!text.contains(word)) {
						return false;
					}
				}
			}
			if (filter.domain() != null && !filter.domain().isBlank()
					&& !policyFields.byCode(item.policyField())
						.map(f -> f.domain().equals(filter.domain()))
						.orElse(false)) {
				return false;
			}
			if (filter.field() != null && !filter.field().isBlank() && !filter.field().equals(item.policyField())) {
				return false;
			}
			if (filter.owner() != null && !filter.owner().isBlank() && !filter.owner().equals(item.politicalOwner())
					&& !filter.owner().equals(item.administrativeOwner())) {
				return false;
			}
			if (filter.status() != null && filter.status() != node.status()) {
				return false;
			}
			return filter.priority() == null || filter.priority() == item.priority();
		};
	}

	@GetMapping("/items/{id}")
	String item(Tenant tenant, @PathVariable long id, Model model, Locale locale) {
		PlanItem item = items.byId(tenant, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("form", PlanItemForm.of(item));
		return itemPage(tenant, item, model, locale);
	}

	private String itemPage(Tenant tenant, PlanItem item, Model model, Locale locale) {
		return itemPage.render(tenant, item, model, locale);
	}

	@PostMapping("/items/{id}")
	String save(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute("form") PlanItemForm form,
			BindingResult errors, Model model, Locale locale, RedirectAttributes redirect,
			HttpServletResponse response) {
		pages.requireEditor(tenant);
		PlanItem item = items.byId(tenant, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return itemPage(tenant, item, model, locale);
		}
		try {
			PlanItem saved = assignments.update(tenant, id, form);
			redirect.addFlashAttribute("saved", saved.code());
			return "redirect:/" + tenant.slug() + "/plan/items/" + id;
		}
		catch (ConcurrentChangeException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return itemPage(tenant, item, model, locale);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return itemPage(tenant, item, model, locale);
		}
		catch (IllegalStateException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", Texts.reason(messages, ex, locale));
			return itemPage(tenant, item, model, locale);
		}
	}

	@PostMapping("/items/{id}/metingen")
	String measure(Tenant tenant, @PathVariable long id, @RequestParam long indicator,
			@RequestParam @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) @Size(max = 200) String value,
			@RequestParam(required = false) @Size(max = 500) String source,
			@RequestParam(required = false) @Size(max = 2000) String comment, RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		BigDecimal number = decimal(value);
		indicators.measure(tenant, indicator, date, number, number == null ? value : null, source, comment);
		redirect.addFlashAttribute("measured", true);
		return "redirect:/" + tenant.slug() + "/plan/items/" + id + "#indicatoren";
	}

	@PostMapping("/items/{id}/indicatoren")
	String addIndicator(Tenant tenant, @PathVariable long id, @RequestParam @Size(max = 50) String code,
			@RequestParam @Size(max = 300) String name, @RequestParam @Size(max = 20) String kind,
			@RequestParam(required = false) @Size(max = 50) String unit,
			@RequestParam(required = false) @Size(max = 20) String direction,
			@RequestParam(required = false) @Size(max = 50) String baseline, RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		BigDecimal number = decimal(baseline);
		if (number == null && baseline != null && !baseline.isBlank()) {
			throw new RefusedValueException(Reason.of("plan.refused.baselineNotNumber"));
		}
		indicators.create(tenant, id, code, name, kind, unit, direction, number);
		redirect.addFlashAttribute("indicatorAdded", true);
		return "redirect:/" + tenant.slug() + "/plan/items/" + id + "#indicatoren";
	}

	@PostMapping("/items/{id}/streefwaarden")
	String addTarget(Tenant tenant, @PathVariable long id, @RequestParam long indicator,
			@RequestParam @Min(1900) @Max(2200) int year, @RequestParam @Size(max = 200) String target,
			RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		BigDecimal number = decimal(target);
		indicators.target(tenant, indicator, year, number, number == null ? target : null);
		redirect.addFlashAttribute("measured", true);
		return "redirect:/" + tenant.slug() + "/plan/items/" + id + "#indicatoren";
	}

	@PostMapping("/items/{id}/releases/{releaseId}/gerealiseerd")
	String realise(
			Tenant tenant, @PathVariable long id, @PathVariable long releaseId, @RequestParam(
					required = false) @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate actual,
			RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		indicators.realise(tenant, releaseId, actual);
		return "redirect:/" + tenant.slug() + "/plan/items/" + id + "#releases";
	}

	/** A number as {@link BelgianNumber} reads it; null for blank or no number. */
	private static BigDecimal decimal(String text) {
		return BelgianNumber.parse(text).orElse(null);
	}

	@PostMapping("/items/{id}/engagementen")
	String link(Tenant tenant, @PathVariable long id, @RequestParam @Size(max = 50) String code,
			RedirectAttributes redirect, Locale locale) {
		pages.requireEditor(tenant);
		items.byId(tenant, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			commitments.link(tenant, pages.plan(tenant), id, code);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", Texts.reason(messages, ex, locale));
		}
		return "redirect:/" + tenant.slug() + "/plan/items/" + id + "#bestuursakkoord";
	}

	@PostMapping("/items/{id}/engagementen/{commitmentId}/verwijderen")
	String unlink(Tenant tenant, @PathVariable long id, @PathVariable long commitmentId) {
		pages.requireEditor(tenant);
		commitments.unlink(tenant, id, commitmentId);
		return "redirect:/" + tenant.slug() + "/plan/items/" + id + "#bestuursakkoord";
	}

}
