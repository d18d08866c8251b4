package be.obmi.privacy.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import be.obmi.plan.PlanActions;
import be.obmi.privacy.domain.DpiaMeasure;
import be.obmi.privacy.domain.DpiaMeasures;
import be.obmi.privacy.domain.DpiaModels;
import be.obmi.privacy.domain.DpiaSections;
import be.obmi.privacy.domain.Dpias;
import be.obmi.privacy.domain.Maturity;
import be.obmi.privacy.domain.MaturityQuestion;
import be.obmi.privacy.domain.ScreeningAnswer;
import be.obmi.privacy.domain.Wp248Criterion;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data of part P3 (only with {@code obmi.demo.enabled=true}, once: a tenant with a
 * demo DPIA is left alone): for Mechelen and Gent a DPIA on camera surveillance from the
 * smart-city model, screened, written, with the DPO's opinion (in Gent one measure is
 * already an action of the multi-year plan); for Mechelen also a pre-screening that
 * concluded "not required"; maturity answers for 2024 (closed) and 2025 (open) for a few
 * cities. Everything goes through the services the pages use. The processing activities
 * are those of the demo register ({@link PrivacyRegisterDemo}), looked up by name.
 */
@Component
class PrivacyDpiaDemo {

	private static final Logger log = LoggerFactory.getLogger(PrivacyDpiaDemo.class);

	static final List<String> DPIA_CITIES = List.of("mechelen", "gent");

	/**
	 * The city whose DPIA has a measure in its multi-year plan: Gent, so that the many
	 * plan tests on Mechelen's demo plan keep the plan the demo content describes.
	 */
	static final String PLAN_CITY = "gent";

	static final List<String> MATURITY_CITIES = List.of("mechelen", "gent", "leuven", "brugge");

	private final Tenants tenants;

	private final Dpias dpias;

	private final DpiaMeasures measures;

	private final Maturity maturity;

	private final PlanActions planActions;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	PrivacyDpiaDemo(Tenants tenants, Dpias dpias, DpiaMeasures measures, Maturity maturity, PlanActions planActions,
			JdbcClient jdbc, TransactionTemplate transaction) {
		this.tenants = tenants;
		this.dpias = dpias;
		this.measures = measures;
		this.maturity = maturity;
		this.planActions = planActions;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	void load() {
		for (String slug : DPIA_CITIES) {
			tenants.bySlug(slug)
				.filter(tenant -> !hasDemo(tenant))
				.ifPresent(tenant -> transaction.executeWithoutResult(status -> dpias(tenant)));
		}
		for (String slug : MATURITY_CITIES) {
			tenants.bySlug(slug)
				.filter(tenant -> maturity.history(tenant).isEmpty())
				.ifPresent(tenant -> transaction.executeWithoutResult(status -> maturity(tenant)));
		}
	}

	private boolean hasDemo(Tenant tenant) {
		return jdbc.sql("select count(*) from privacy.dpia where tenant_id = ? and demo")
			.param(tenant.id())
			.query(Integer.class)
			.single() > 0;
	}

	private void dpias(Tenant tenant) {
		String editor = "redacteur." + tenant.slug();
		long cameras = activity(tenant, "Camerabewaking en slimme sensoren (slimme stad)");
		long id = dpias.start(tenant, cameras, DpiaModels.SMART_CITY, "Camerabewaking in het stadscentrum",
				Locale.forLanguageTag("nl-BE"), editor);
		List<ScreeningAnswer> answers = dpias.screening(tenant, id)
			.stream()
			.map(a -> new ScreeningAnswer(a.criterion(), a.met(),
					a.met() ? "Vaste camera's filmen de openbare ruimte dag en nacht." : null))
			.toList();
		dpias.screen(tenant, id, answers, "Drie criteria: stelselmatige monitoring, nieuwe technologie, grote schaal.",
				0);
		dpias.saveSections(tenant, id,
				new DpiaSections(
						"Twaalf vaste camera's in het centrum, beelden live bekeken in het stedelijk operatiecentrum.",
						"Alleen overlast, sluikstorten en bijstand aan de politie; geen andere doeleinden.",
						"Geen geluid, privézones gemaskeerd, geen automatische gezichtsherkenning.",
						"30 dagen, behalve beelden die als bewijs nodig zijn.",
						"Art. 6.1.e AVG en de camerawet; positief advies van de gemeenteraad.",
						"Wettelijk pictogram aan elke zone en een pagina op de website.",
						"Inzage via de DPO binnen een maand; beelden van derden worden vervaagd.", 1));
		dpias.saveViews(tenant, id, null,
				"Een bevraging van de buurtcomités loopt nog; hun standpunt volgt bij de evaluatie.", 2);
		dpias.saveOpinion(tenant, id,
				"Positief advies, op voorwaarde dat de logging van raadplegingen vóór de ingebruikname werkt.", 3,
				"dpo." + tenant.slug());
		if (tenant.slug().equals(PLAN_CITY)) {
			putFirstMeasureInPlan(tenant, id, editor);
		}
		markDemo(id);
		if (tenant.slug().equals("mechelen")) {
			notRequired(tenant, editor);
		}
		log.info("Demo DPIAs made for {}", tenant.slug());
	}

	private void putFirstMeasureInPlan(Tenant tenant, long id, String editor) {
		Optional<PlanActions.ActionPlan> actionPlan = planActions.actionPlans(tenant).stream().findFirst();
		List<DpiaMeasure> list = measures.of(tenant, id);
		if (actionPlan.isPresent() && !list.isEmpty()) {
			DpiaMeasure first = list.get(1 % list.size());
			measures.putInPlan(tenant, id, first.id(), actionPlan.get().code(), first.version(), editor);
		}
	}

	private void notRequired(Tenant tenant, String editor) {
		long newsletter = activity(tenant, "Nieuwsbrief van " + tenant.name());
		long id = dpias.start(tenant, newsletter, DpiaModels.GENERAL, "Voorscreening nieuwsbrief",
				Locale.forLanguageTag("nl-BE"), editor);
		List<ScreeningAnswer> answers = dpias.screening(tenant, id)
			.stream()
			.map(a -> new ScreeningAnswer(a.criterion(), a.criterion() == Wp248Criterion.LARGE_SCALE,
					a.criterion() == Wp248Criterion.LARGE_SCALE ? "Enkele tienduizenden abonnees." : null))
			.toList();
		dpias.screen(tenant, id, answers,
				"Eén criterium (grote schaal); alleen een e-mailadres met toestemming, geen profilering: geen hoog risico.",
				0);
		markDemo(id);
	}

	/**
	 * The activity of that name in the tenant's demo register
	 * ({@link PrivacyRegisterDemo}, which {@link PrivacyDemoData} loads first).
	 */
	private long activity(Tenant tenant, String name) {
		return jdbc.sql("""
				select a.id from privacy.processing_activity a
				join privacy.activity_version v on v.activity_id = a.id and v.number = a.current_version
				where a.tenant_id = ? and v.content ->> 'name' = ? order by a.id limit 1""")
			.params(tenant.id(), name)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("The demo register of " + tenant.slug() + " has no " + name));
	}

	private void markDemo(long id) {
		jdbc.sql("update privacy.dpia set demo = true where id = ?").param(id).update();
	}

	private void maturity(Tenant tenant) {
		int seed = Math.abs(tenant.slug().hashCode());
		String dpo = "dpo." + tenant.slug();
		Map<MaturityQuestion, Integer> y2024 = new EnumMap<>(MaturityQuestion.class);
		Map<MaturityQuestion, Integer> y2025 = new EnumMap<>(MaturityQuestion.class);
		for (MaturityQuestion q : MaturityQuestion.values()) {
			int base = 1 + (seed + q.ordinal() * 7) % 3;
			y2024.put(q, base);
			y2025.put(q, Math.min(MaturityQuestion.MAX_SCORE, base + (q.ordinal() + seed) % 2));
		}
		maturity.save(tenant, 2024, y2024, 0, dpo);
		int version = maturity.of(tenant, 2024).orElseThrow().version();
		maturity.close(tenant, 2024, version, dpo);
		maturity.save(tenant, 2025, y2025, 0, dpo);
		jdbc.sql("update privacy.maturity_assessment set demo = true where tenant_id = ?").param(tenant.id()).update();
	}

}
