package be.obmi.rights.nontakeup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import be.obmi.rights.catalogue.CityParameters;
import be.obmi.rights.catalogue.Publication;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.domain.Eligibility;
import be.obmi.rights.domain.EligibilityRule;
import be.obmi.shared.Period;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.stats.AreaNames;
import be.obmi.stats.TenantFigures;
import be.obmi.tenancy.Tenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The non-take-up batch: evaluates every right the city offers (published, in force on
 * the period's last day, or today when that is later) for each household of an
 * authorised, pseudonymised household file ({@link HouseholdFile}), counts the households
 * that are eligible per right and statistical sector, and publishes the counts as the
 * city's own Stad in cijfers indicators ({@code rechten-<code>}, one per right) with the
 * statistics' disclosure control (cells above 0 and below the threshold are hidden from
 * the public). No household leaves this class: the file is read in memory and dropped;
 * only the run (file name, number of households and rights) is recorded. Runs of one city
 * are serialised ({@link ScopeLock.Kind#RIGHTS}); a refused file or a refused publication
 * changes nothing.
 */
@Service
public class NonTakeUp {

	/** The prefix of the indicators' codes. */
	public static final String PREFIX = "rechten-";

	/** What a run counted: per right the eligible households (no sectors). */
	public record Result(long runId, String period, int households, List<RightCount> rights) {
	}

	/** One right's total of potential beneficiaries and its indicator. */
	public record RightCount(String code, String title, String indicator, long eligible) {
	}

	private final Rights rights;

	private final Publication publication;

	private final CityParameters parameters;

	private final TenantFigures figures;

	private final AreaNames areas;

	private final ScopeLock lock;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final int threshold;

	NonTakeUp(Rights rights, Publication publication, CityParameters parameters, TenantFigures figures, AreaNames areas,
			ScopeLock lock, JdbcClient jdbc, PlatformTransactionManager transactions,
			@Value("${obmi.rights.non-take-up.threshold:5}") int threshold) {
		this.rights = rights;
		this.publication = publication;
		this.parameters = parameters;
		this.figures = figures;
		this.areas = areas;
		this.lock = lock;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.threshold = threshold;
	}

	/** The threshold under which a published count is hidden from the public. */
	public int threshold() {
		return threshold;
	}

	/** The indicator code of a right's potential beneficiaries. */
	public static String indicator(RightEntry right) {
		String code = PREFIX + right.code();
		return code.length() <= 80 ? code : PREFIX + right.id();
	}

	/**
	 * Runs the batch on a household file.
	 * @param periodText the period the file describes ({@code 2025}, {@code 2025S1})
	 * @throws ImportRejectedException for a bad file or period (every problem with its
	 * row and column), or when the statistics refused the figures; nothing is changed
	 */
	public Result run(Tenant tenant, String fileName, byte[] file, String periodText, String actor) {
		Period period = Period.parse(periodText == null ? "" : periodText)
			.orElseThrow(() -> ImportRejectedException.of("import.rights.households.period",
					periodText == null ? "" : periodText));
		String nis = tenant.statisticsNisCode();
		if (nis == null) {
			throw ImportRejectedException.of("import.rights.households.noMunicipality");
		}
		LocalDate asOf = period.end().isAfter(LocalDate.now()) ? LocalDate.now() : period.end();
		return transaction.execute(status -> {
			lock.acquire(ScopeLock.Kind.RIGHTS, tenant.id());
			Map<String, Boolean> known = new HashMap<>();
			List<HouseholdFile.Household> households = HouseholdFile.read(file, nis,
					sector -> known.computeIfAbsent(sector, s -> areas.name("statsec", s, nis).isPresent()));
			TreeSet<String> sectors = new TreeSet<>();
			households.forEach(h -> sectors.add(h.sector()));
			List<RightCount> counts = new ArrayList<>();
			List<Publishing> publishing = new ArrayList<>();
			for (RightEntry right : offered(tenant, asOf)) {
				List<EligibilityRule> rule = publication.rule(right.id(), null);
				Map<String, BigDecimal> city = right.shared() ? parameters.of(tenant.id(), right.id()) : Map.of();
				Map<String, Long> perSector = new TreeMap<>();
				sectors.forEach(s -> perSector.put(s, 0L));
				long total = 0;
				for (HouseholdFile.Household household : households) {
					if (Eligibility.evaluate(rule, city, household.answers(), asOf)
						.verdict() == Eligibility.Verdict.ELIGIBLE) {
						perSector.merge(household.sector(), 1L, Long::sum);
						total++;
					}
				}
				List<TenantFigures.Value> values = new ArrayList<>();
				perSector
					.forEach((sector, n) -> values.add(new TenantFigures.Value("statsec", sector, period.code(), n)));
				publishing.add(new Publishing(right, values));
				counts.add(new RightCount(right.code(), right.title(), indicator(right), total));
			}
			publishApart(tenant, publishing, actor);
			long runId = jdbc
				.sql("""
						insert into rights.non_take_up_run (tenant_id, period, file_name, households, rights, published, run_by)
						values (?, ?, ?, ?, ?, true, ?) returning id""")
				.params(tenant.id(), period.code(), name(fileName), households.size(), counts.size(), actor)
				.query(Long.class)
				.single();
			return new Result(runId, period.code(), households.size(), counts);
		});
	}

	/** The city's runs, newest first: (period, file, households, rights, by, at). */
	public List<Map<String, Object>> runs(Tenant tenant) {
		return jdbc.sql("""
				select period, file_name, households, rights, run_by, run_at from rights.non_take_up_run
				where tenant_id = ? order by run_at desc, id desc limit 50""").param(tenant.id()).query().listOfRows();
	}

	private record Publishing(RightEntry right, List<TenantFigures.Value> values) {
	}

	/**
	 * Publishes each right's counts through the statistics' import, each in a transaction
	 * of its own (the import cannot run twice in one transaction), on another thread so
	 * that they do not join the run's transaction, which keeps the city's lock meanwhile.
	 * The file was checked before: a refusal by the statistics is not expected; should
	 * one come, the rights published before it stay published (publishing the same values
	 * again changes nothing) and the run is not recorded.
	 */
	private void publishApart(Tenant tenant, List<Publishing> publishing, String actor) {
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		Thread publisher = Thread.ofVirtual().name("rights-non-take-up-" + tenant.slug()).start(() -> {
			try {
				for (Publishing p : publishing) {
					if (!figures.publish(tenant, definition(p.right()), p.values(), actor)) {
						throw ImportRejectedException.of("import.rights.households.notPublished", p.right().code());
					}
				}
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
		});
		try {
			publisher.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing the non-take-up figures", ex);
		}
		if (failure.get() != null) {
			throw failure.get();
		}
	}

	private List<RightEntry> offered(Tenant tenant, LocalDate asOf) {
		return rights.visibleTo(tenant.id())
			.stream()
			.filter(RightEntry::published)
			.filter(right -> right.validFrom() == null || !asOf.isBefore(right.validFrom()))
			.filter(right -> right.validTo() == null || !asOf.isAfter(right.validTo()))
			.toList();
	}

	private TenantFigures.Definition definition(RightEntry right) {
		String title = right.title().length() > 150 ? right.title().substring(0, 150) : right.title();
		return new TenantFigures.Definition(indicator(right), "Mogelijke rechthebbenden: " + title,
				"Potential beneficiaries: " + title, "Sociale rechten", "Social rights",
				"Huishoudens die volgens de regels van de Rechtenverkenner in aanmerking komen voor '" + title
						+ "', geteld in een gepseudonimiseerd huishoudbestand van de stad (niet: wie het recht al krijgt).",
				"Households that qualify for '" + title + "' under the Rechtenverkenner's rules, counted in a "
						+ "pseudonymised household file of the city (not: who already receives it).",
				"huishoudens", "households", "Rechtenverkenner — gepseudonimiseerd huishoudbestand", true, threshold,
				0);
	}

	private static String name(String fileName) {
		String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

}
