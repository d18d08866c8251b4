package be.obmi.plan.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import be.obmi.plan.domain.Commitments;
import be.obmi.plan.domain.Indicators;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItemForm;
import be.obmi.plan.domain.ProjectForm;
import be.obmi.plan.domain.Projects;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdateForm;
import be.obmi.plan.domain.UpdateState;
import be.obmi.plan.importing.IndicatorImport;
import be.obmi.plan.importing.PlanImport;
import be.obmi.plan.importing.StatusUpdateImport;
import be.obmi.stats.AreaNames;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every tenant without a plan a plausible Dutch demo plan 2026–2031
 * ({@link DemoPlanContent}), the same for the same tenant on every start, loaded through
 * the front door: the plan and its indicators as files through the plan and indicator
 * imports, the status rounds opened, filled by a status file, approved, published and
 * closed through the round workflow, and the rest (contributors, wijken, commitments,
 * projects, releases) through the services the pages use. So the demo plan can never hold
 * a state the application forbids. Runs only with {@code obmi.demo.enabled=true}; the
 * plan is marked as demo.
 */
@Component
class DemoPlan implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(DemoPlan.class);

	static final String NAME = "Meerjarenplan 2026–2031";

	private final AreaNames areaNames;

	private final Tenants tenants;

	private final Plans plans;

	private final PlanItems items;

	private final PlanImport planImport;

	private final IndicatorImport indicatorImport;

	private final StatusUpdateImport statusImport;

	private final StatusRounds rounds;

	private final Commitments commitments;

	private final Indicators indicators;

	private final Projects projects;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	DemoPlan(Tenants tenants, Plans plans, PlanItems items, PlanImport planImport, IndicatorImport indicatorImport,
			StatusUpdateImport statusImport, StatusRounds rounds, Commitments commitments, Indicators indicators,
			Projects projects, TransactionTemplate transaction, AreaNames areaNames,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.projects = projects;
		this.areaNames = areaNames;
		this.tenants = tenants;
		this.plans = plans;
		this.items = items;
		this.planImport = planImport;
		this.indicatorImport = indicatorImport;
		this.statusImport = statusImport;
		this.rounds = rounds;
		this.commitments = commitments;
		this.indicators = indicators;
		this.transaction = transaction;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		long start = System.nanoTime();
		List<Tenant> without = tenants.all().stream().filter(tenant -> plans.current(tenant).isEmpty()).toList();
		if (without.isEmpty()) {
			return;
		}
		// one transaction per tenant, two tenants at a time: the services lock per tenant
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			List<Future<?>> done = without.stream()
				.<Future<?>>map(tenant -> pool.submit(() -> transaction.executeWithoutResult(status -> create(tenant))))
				.toList();
			for (Future<?> future : done) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while making the demo plans", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A demo plan could not be made", ex.getCause());
		}
		log.info("Demo plans made for {} tenants in {} ms", without.size(), (System.nanoTime() - start) / 1_000_000);
	}

	void create(Tenant tenant) {
		DemoPlanContent content = DemoPlanContent.of(tenant.slug(), wijken(tenant.nisCode()));
		String editor = "redacteur." + tenant.slug();
		Plan plan = plans.create(tenant.id(), NAME, 2026, 2031, true);
		planImport.importPlan(tenant, content.planFile(), editor);
		indicatorImport.importIndicators(tenant, content.indicatorFile());
		Map<String, PlanItem> byCode = new HashMap<>();
		items.all(plan).forEach(item -> byCode.put(item.code(), item));
		for (DemoPlanContent.Assignment assignment : content.assignments) {
			PlanItem item = byCode.get(assignment.code());
			PlanItemForm form = PlanItemForm.of(item);
			items.update(tenant, item.id(),
					new PlanItemForm(form.title(), form.description(), form.priority(), form.policyField(),
							form.politicalOwner(), form.administrativeOwner(), assignment.contributor(),
							form.startDate(), form.endDate(), form.tags(), assignment.wijk(), form.latitude(),
							form.longitude(), form.weight(), form.version()));
		}
		for (DemoPlanContent.CommitmentLinks commitment : content.commitments) {
			commitments.add(tenant, plan, commitment.code(), commitment.title());
			commitment.itemCodes()
				.forEach(code -> commitments.link(tenant, plan, byCode.get(code).id(), commitment.code()));
		}
		for (DemoPlanContent.ProjectRow project : content.projects) {
			projects.create(tenant, byCode.get(project.itemCode()).id(),
					new ProjectForm(project.name(), project.description(), null, null, 0));
		}
		for (DemoPlanContent.ReleaseRow release : content.releases) {
			long itemId = byCode.get(release.itemCode()).id();
			long releaseId = indicators.addRelease(tenant, itemId, release.title(), release.planned());
			if (release.realised() != null) {
				indicators.realise(tenant, releaseId, release.realised());
			}
		}
		for (DemoPlanContent.Round round : content.rounds) {
			run(tenant, plan, round, byCode, editor);
		}
	}

	/**
	 * Opens a round, lets each update reach its state through the workflow (a concept
	 * saved, the rest submitted by a status file, approved, published) and closes it when
	 * it is a past round.
	 */
	private void run(Tenant tenant, Plan plan, DemoPlanContent.Round content, Map<String, PlanItem> byCode,
			String editor) {
		StatusRound round = rounds.open(tenant, plan, content.name(), content.reference(), content.deadline(),
				StatusRound.Scope.ALL, List.of(), editor);
		for (DemoPlanContent.UpdateRow update : content.updates()) {
			if (update.state() == UpdateState.CONCEPT) {
				rounds.save(tenant, round.id(), byCode.get(update.code()).id(),
						new StatusUpdateForm(update.status(), update.progress(), update.narrative(),
								update.bottlenecks(), "Volgende stap: verdere uitvoering en rapportering.", -1),
						false, "bijdrager (demo)");
			}
		}
		statusImport.importStatuses(tenant, round.id(), content.statusFile(), editor);
		if (content.closed()) {
			rounds.approveSubmitted(tenant, round.id(), editor);
			rounds.publishApproved(tenant, round.id());
		}
		else {
			Map<Long, Long> updateIds = new HashMap<>();
			rounds.tasks(tenant, round)
				.stream()
				.filter(task -> task.update() != null)
				.forEach(task -> updateIds.put(task.item().id(), task.update().id()));
			for (DemoPlanContent.UpdateRow update : content.updates()) {
				if (update.state() == UpdateState.GOEDGEKEURD || update.state() == UpdateState.GEPUBLICEERD) {
					long id = updateIds.get(byCode.get(update.code()).id());
					rounds.approve(tenant, id, editor);
					if (update.state() == UpdateState.GEPUBLICEERD) {
						rounds.publish(tenant, id);
					}
				}
			}
		}
		if (content.closed()) {
			rounds.saveReportTexts(tenant, round.id(), content.assumptions(), content.risks(),
					rounds.round(tenant, round.id()).orElseThrow().version());
			rounds.close(tenant, round.id());
		}
	}

	/**
	 * The real wijken of a municipality (at most 12), from Stad in cijfers' reference
	 * areas; the generic names when the municipality has none (the VGC).
	 */
	private String[] wijken(String nisCode) {
		List<String> names = areaNames.wijken(nisCode);
		return names.isEmpty() ? DemoPlanContent.WIJKEN : names.stream().limit(12).toArray(String[]::new);
	}

}
