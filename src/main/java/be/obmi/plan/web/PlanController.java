package be.obmi.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import jakarta.validation.Valid;

import be.obmi.audit.AuditTrail;
import be.obmi.plan.domain.Indicator;
import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItemForm;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.PolicyField;
import be.obmi.plan.domain.PolicyFields;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.importing.ImportRejected;
import be.obmi.plan.importing.ImportSummary;
import be.obmi.plan.importing.IndicatorImport;
import be.obmi.plan.importing.PlanExport;
import be.obmi.plan.importing.PlanImport;
import be.obmi.plan.importing.StatusUpdateImport;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The plan pages for a tenant's users: the tree with filters, an item, import and export, and the dashboard. */
@Controller
@RequestMapping("/{slug}/plan")
class PlanController {

	static final String TREE_VIEW = "plan/tree";

	static final String ITEM_VIEW = "plan/item";

	static final String IMPORT_VIEW = "plan/import";

	static final String DASHBOARD_VIEW = "plan/dashboard";

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

	private final PlanImport planImport;

	private final StatusUpdateImport statusImport;

	private final IndicatorImport indicatorImport;

	private final PlanExport export;

	private final AuditTrail audit;

	private final MessageSource messages;

	PlanController(PlanPages pages, Plans plans, PlanItems items, StatusRounds rounds, Indicators indicators,
			PolicyFields policyFields, PlanImport planImport, StatusUpdateImport statusImport,
			IndicatorImport indicatorImport, PlanExport export, AuditTrail audit, MessageSource messages) {
		this.pages = pages;
		this.plans = plans;
		this.items = items;
		this.rounds = rounds;
		this.indicators = indicators;
		this.policyFields = policyFields;
		this.planImport = planImport;
		this.statusImport = statusImport;
		this.indicatorImport = indicatorImport;
		this.export = export;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping
	String tree(Tenant tenant, @ModelAttribute("filter") Filter filter, Model model) {
		model.addAttribute("canEdit", pages.canEdit(tenant));
		Plan plan = plans.current(tenant).orElse(null);
		model.addAttribute("plan", plan);
		if (plan == null) {
			model.addAttribute("rows", List.of());
			return TREE_VIEW;
		}
		List<PlanItem> all = items.all(plan);
		PlanTree tree = new PlanTree(all, rounds.latest(plan, false));
		model.addAttribute("tree", tree);
		model.addAttribute("rows", filter.active() ? tree.matching(predicate(filter, tree)) : tree.flatten());
		model.addAttribute("matchCount", filter.active() ? tree.flatten().stream().filter(predicate(filter, tree)).count() : null);
		model.addAttribute("domains", policyFields.domains());
		model.addAttribute("fields", all.stream().map(PlanItem::policyField).filter(Objects::nonNull).distinct().sorted()
			.map(code -> policyFields.byCode(code).orElse(new PolicyField(code, code, "", ""))).toList());
		model.addAttribute("owners", all.stream().flatMap(i -> java.util.stream.Stream.of(i.politicalOwner(), i.administrativeOwner()))
			.filter(Objects::nonNull).distinct().sorted().toList());
		model.addAttribute("statuses", ItemStatus.values());
		model.addAttribute("policyFields", policyFields);
		return TREE_VIEW;
	}

	private Predicate<PlanTree.Node> predicate(Filter filter, PlanTree tree) {
		return node -> {
			PlanItem item = node.item();
			if (filter.q() != null && !filter.q().isBlank()) {
				String q = filter.q().toLowerCase(Locale.ROOT).trim();
				String text = (item.code() + " " + item.title() + " " + Objects.toString(item.description(), "") + " "
						+ Objects.toString(item.tags(), "")).toLowerCase(Locale.ROOT);
				for (String word : q.split("\\s+")) {
					if (!text.contains(word)) {
						return false;
					}
				}
			}
			if (filter.domain() != null && !filter.domain().isBlank()
					&& !policyFields.byCode(item.policyField()).map(f -> f.domain().equals(filter.domain())).orElse(false)) {
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
		Plan plan = pages.plan(tenant);
		PlanTree tree = new PlanTree(items.all(plan), rounds.latest(plan, false));
		PlanTree.Node node = tree.node(item.id());
		model.addAttribute("plan", plan);
		model.addAttribute("item", item);
		model.addAttribute("node", node);
		model.addAttribute("parent", item.parentId() == null ? null : tree.node(item.parentId()).item());
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
		model.addAttribute("releases", indicators.releases(tenant, item.id()));
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("history", audit.history(tenant.id(), "planitem", String.valueOf(item.id()), 20));
		model.addAttribute("canEdit", pages.canEdit(tenant));
		return ITEM_VIEW;
	}

	@PostMapping("/items/{id}")
	String save(Tenant tenant, @PathVariable long id, @Valid @ModelAttribute("form") PlanItemForm form,
			BindingResult errors, Model model, Locale locale, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		pages.requireEditor(tenant);
		PlanItem item = items.byId(tenant, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return itemPage(tenant, item, model, locale);
		}
		try {
			PlanItem saved = items.update(tenant, id, form);
			redirect.addFlashAttribute("saved", saved.code());
			return "redirect:/" + tenant.slug() + "/plan/items/" + id;
		}
		catch (ConcurrentChangeException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", ex.getMessage());
			return itemPage(tenant, item, model, locale);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", ex.getMessage());
			return itemPage(tenant, item, model, locale);
		}
	}

	@PostMapping("/items/{id}/metingen")
	String measure(Tenant tenant, @PathVariable long id, @RequestParam long indicator,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String value, @RequestParam(required = false) String source,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		pages.requireEditor(tenant);
		try {
			BigDecimal number = value == null || value.isBlank() ? null : new BigDecimal(value.trim().replace(',', '.'));
			indicators.measure(tenant, indicator, date, number, number == null ? value : null, source, comment);
			redirect.addFlashAttribute("measured", true);
		}
		catch (NumberFormatException ex) {
			indicators.measure(tenant, indicator, date, null, value, source, comment);
			redirect.addFlashAttribute("measured", true);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/" + tenant.slug() + "/plan/items/" + id + "#indicatoren";
	}

	@GetMapping("/import")
	String importPage(Tenant tenant, Model model) {
		pages.requireEditor(tenant);
		model.addAttribute("openRounds", plans.current(tenant).map(p -> rounds.rounds(p).stream().filter(StatusRound::open).toList()).orElse(List.of()));
		model.addAttribute("versions", plans.current(tenant).map(plans::versions).orElse(List.of()));
		return IMPORT_VIEW;
	}

	@PostMapping("/import")
	String importFile(Tenant tenant, @RequestParam String kind, @RequestParam(required = false) Long round,
			@RequestParam("file") MultipartFile file, Model model, jakarta.servlet.http.HttpServletResponse response) {
		String actor = pages.requireEditor(tenant).getUsername();
		model.addAttribute("kind", kind);
		try {
			byte[] content = PlanApiController.bytes(file);
			ImportSummary summary = switch (kind) {
				case "status" -> {
					if (round == null) {
						throw ImportRejected.of(1, "", "Kies een open ronde.");
					}
					yield statusImport.importStatuses(tenant, round, content, actor);
				}
				case "indicatoren" -> indicatorImport.importIndicators(tenant, content);
				default -> planImport.importPlan(tenant, content, actor);
			};
			model.addAttribute("summary", summary);
		}
		catch (ImportRejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", rejected.errors());
		}
		return importPage(tenant, model);
	}

	@GetMapping("/export")
	ResponseEntity<byte[]> export(Tenant tenant, @RequestParam(defaultValue = "csv") String format) {
		return PlanApiController.exportResponse(tenant, plans.current(tenant).orElse(null), format, export);
	}

	@GetMapping("/dashboard")
	String dashboard(Tenant tenant, Model model, Locale locale) {
		Plan plan = pages.plan(tenant);
		List<PlanItem> all = items.all(plan);
		PlanTree tree = new PlanTree(all, rounds.latest(plan, false));
		model.addAttribute("plan", plan);
		model.addAttribute("tree", tree);
		model.addAttribute("statuses", ItemStatus.values());
		model.addAttribute("goals", tree.roots());
		model.addAttribute("bottlenecks", tree.flatten().stream()
			.filter(n -> n.update() != null && (n.update().bottlenecks() != null || n.status().alarming()))
			.toList());
		List<Map.Entry<StatusRound, PlanTree>> overRounds = rounds.progressOverRounds(plan, all);
		model.addAttribute("overRounds", overRounds);
		model.addAttribute("overdue", indicators.overdue(plan, LocalDate.now()));
		// Charts: status distribution per goal (stacked bars), progress over rounds (line).
		List<String> goalCodes = tree.roots().stream().map(n -> n.item().code()).toList();
		List<Charts.Series> series = new ArrayList<>();
		for (ItemStatus status : ItemStatus.values()) {
			List<Object> data = new ArrayList<>();
			tree.roots().forEach(n -> data.add(n.statusCounts().getOrDefault(status, 0)));
			series.add(new Charts.Series(messages.getMessage(status.messageKey(), null, locale), data));
		}
		model.addAttribute("statusChart", Charts.json(new Charts.Spec("stacked", null, goalCodes, series)));
		Map<String, Object> progress = new LinkedHashMap<>();
		overRounds.forEach(e -> progress.put(e.getKey().name(), e.getValue().progress()));
		model.addAttribute("progressChart", Charts.json(new Charts.Spec("line", "%", List.copyOf(progress.keySet()),
				List.of(new Charts.Series(messages.getMessage("plan.dashboard.planProgress", null, locale),
						List.copyOf(progress.values()))))));
		model.addAttribute("types", ItemType.values());
		return DASHBOARD_VIEW;
	}

}
