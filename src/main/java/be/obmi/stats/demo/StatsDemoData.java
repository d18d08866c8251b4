package be.obmi.stats.demo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Catalogue;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.importing.ObservationImporter;
import be.obmi.stats.reference.StatsReferenceData;
import be.obmi.tenancy.Municipalities;
import be.obmi.tenancy.Municipality;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo statistics, loaded at first start through the front door: the demo indicators as a
 * catalogue file ({@link DemoCatalogue}, imported by {@link Catalogue}) and their values
 * as a long-format file ({@link DemoObservations}, imported by
 * {@link ObservationImporter}), both into the platform scope, so they pass every check of
 * an upload and the values are in the platform's import history (file
 * {@value #FILE_NAME}, by {@value #ACTOR}), where they can be undone. Each part only when
 * absent; an undone demo import is not loaded again.
 * <p>
 * A module initializer of stats, like {@link StatsReferenceData}: Spring Modulith orders
 * initializers by module only, so it runs the reference initializer first (which does its
 * work once) for the areas it needs. Plan's and finance's demos run after both, as their
 * modules depend on stats.
 */
@Component
class StatsDemoData implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(StatsDemoData.class);

	static final String FILE_NAME = "demo-cijfers.csv";

	static final String ACTOR = "Demogegevens";

	private final StatsReferenceData reference;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Areas areas;

	private final Municipalities municipalities;

	private final Tenants tenants;

	private final Catalogue catalogue;

	private final ObservationImporter importer;

	private final boolean enabled;

	StatsDemoData(StatsReferenceData reference, JdbcClient jdbc, TransactionTemplate transaction, Areas areas,
			Municipalities municipalities, Tenants tenants, Catalogue catalogue, ObservationImporter importer,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.reference = reference;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.areas = areas;
		this.municipalities = municipalities;
		this.tenants = tenants;
		this.catalogue = catalogue;
		this.importer = importer;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		reference.initialize();
		transaction.executeWithoutResult(status -> {
			if (!exists("select 1 from stats.indicator where tenant_id is null and code = 'bev_totaal'")) {
				Catalogue.Result result = catalogue.importFile(Scope.platform(), DemoCatalogue.file());
				log.info("Stats demo indicators: {} created", result.created());
			}
			if (!exists("select 1 from stats.import_batch where tenant_id is null and filename = ?", FILE_NAME)
					&& !exists("""
							select 1 from stats.observation o join stats.indicator i on i.id = o.indicator_id
							where i.tenant_id is null and i.code = 'bev_totaal' and o.tenant_id is null""")) {
				loadObservations();
			}
		});
		// a transaction of its own: an import's temporary table lives until the commit
		transaction.executeWithoutResult(status -> {
			if (!exists("select 1 from stats.import_batch where tenant_id is null and filename = ?",
					DemoSurvey.FILE_NAME)
					&& !exists("""
							select 1 from stats.observation o join stats.indicator i on i.id = o.indicator_id
							where i.tenant_id is null and i.code = ? and o.tenant_id is null""",
							DemoSurvey.ITEMS.get(0).code())) {
				loadSurvey();
			}
		});
	}

	/**
	 * The Stadsmonitor demo: its indicators (seeded from the reference catalogue,
	 * published) are marked demo so the site labels them, then their results for the
	 * centrumsteden are imported.
	 */
	private void loadSurvey() {
		List<Municipality> cities = tenants.all()
			.stream()
			.filter(Tenant::centrumstad)
			.map(Tenant::nisCode)
			.filter(Objects::nonNull)
			.map(municipalities::byNisCode)
			.flatMap(Optional::stream)
			.toList();
		List<String> codes = DemoSurvey.codes();
		long seeded = jdbc.sql("select count(*) from stats.indicator where tenant_id is null and code in (:codes)")
			.param("codes", codes)
			.query(Long.class)
			.single();
		if (cities.isEmpty() || seeded < codes.size()) {
			return;
		}
		jdbc.sql("""
				update stats.indicator set demo = true, version = version + 1
				where tenant_id is null and code in (:codes) and not demo""").param("codes", codes).update();
		ObservationImporter.Summary summary = importer.importFile(Scope.platform(), DemoSurvey.FILE_NAME,
				new ByteArrayResource(DemoSurvey.file(cities)), false, ACTOR);
		log.info("Stats demo survey: {} observations of {} Stadsmonitor indicators", summary.rows(), codes.size());
	}

	private void loadObservations() {
		long start = System.nanoTime();
		Set<String> cities = tenants.all()
			.stream()
			.map(Tenant::nisCode)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		byte[] file = DemoObservations.file(areas, municipalities.all(), cities);
		long written = System.nanoTime();
		ObservationImporter.Summary summary = importer.importFile(Scope.platform(), FILE_NAME,
				new ByteArrayResource(file), false, ACTOR);
		log.info("Stats demo data: {} observations in {} ms (file of {} kB written in {} ms, then imported)",
				summary.rows(), (System.nanoTime() - start) / 1_000_000, file.length / 1000,
				(written - start) / 1_000_000);
	}

	private boolean exists(String query, Object... params) {
		return jdbc.sql("select exists (" + query + ")").params(params).query(Boolean.class).single();
	}

}
