package be.obmi.population.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.population.domain.PopulationIndicators.Indicator;
import be.obmi.population.domain.PopulationIndicators.Kind;
import be.obmi.population.domain.Snapshots.Snapshot;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Period;
import be.obmi.shared.Reason;
import be.obmi.stats.TenantFigures;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Derives the indicators of {@link PopulationIndicators} from a snapshot (and the
 * previous one for moves, births and deaths) in PostgreSQL — one {@code GROUP BY} over
 * the snapshot's partition for every stock, one full join of the two snapshots' rows for
 * every flow — and publishes the sector values through the statistics' own import
 * ({@link TenantFigures}), which aggregates them to deelgemeente, wijk, city and beyond,
 * computes the ratios at every level and applies disclosure control. Only counts per
 * sector leave the database; the JVM holds at most one indicator's values at a time. Each
 * run is recorded ({@code population.derivation_run}, {@code derivation_output}) with its
 * snapshots and the hash of every definition it used.
 */
@Service
public class Derivations {

	/** Where the published figures say they come from. */
	static final String SOURCE = "Bevolkingsregister van de stad (OBMi, afgeleid uit gepseudonimiseerde microdata)";

	/** What a run published. */
	public record Run(long id, LocalDate referenceDate, LocalDate previousReferenceDate, String stockPeriod,
			String flowPeriod, int indicators, int values, String definitionsSha256, OffsetDateTime finishedAt) {
	}

	/**
	 * The derived sector values of the counts: per indicator code, per sector code, the
	 * count; with the periods they belong to.
	 */
	public record Values(String stockPeriod, String flowPeriod, Map<String, Map<String, Long>> bySector) {
	}

	private final JdbcClient jdbc;

	private final Snapshots snapshots;

	private final TenantFigures figures;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate transaction;

	Derivations(JdbcClient jdbc, Snapshots snapshots, TenantFigures figures, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
		this.figures = figures;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Derives and publishes every indicator from the tenant's snapshot of the reference
	 * date; flows only when there is an earlier snapshot.
	 */
	public Run derive(Tenant tenant, LocalDate referenceDate, String actor) {
		OffsetDateTime started = OffsetDateTime.now();
		Snapshot snapshot = snapshots.find(tenant, referenceDate)
			.orElseThrow(() -> new NotFoundException(Reason.of("population.refused.noSnapshot", referenceDate)));
		Optional<Snapshot> previous = snapshots.previous(tenant, referenceDate);
		declare(tenant);
		Values values = values(tenant, snapshot, previous);
		int published = 0;
		List<Object[]> outputs = new ArrayList<>();
		for (Indicator indicator : PopulationIndicators.counts()) {
			String period = indicator.kind() == Kind.STOCK ? values.stockPeriod() : values.flowPeriod();
			Map<String, Long> bySector = values.bySector().get(indicator.code());
			if (period == null || bySector == null || bySector.isEmpty()) {
				continue;
			}
			List<TenantFigures.Value> list = new ArrayList<>(bySector.size());
			bySector.forEach((sector, count) -> list.add(new TenantFigures.Value("statsec", sector, period, count)));
			boolean ok = figures.publish(tenant, definition(indicator), list, actor);
			published += ok ? list.size() : 0;
			outputs.add(new Object[] { indicator.code(), period, list.size(), indicator.sha256(), ok });
		}
		int total = published;
		return transaction.execute(status -> record(tenant, snapshot, previous, outputs, total, actor, started,
				values.stockPeriod(), values.flowPeriod()));
	}

	/**
	 * The sector counts of every count indicator, computed in PostgreSQL over the
	 * snapshot's rows (and the previous snapshot's for the flows).
	 */
	public Values values(Tenant tenant, Snapshot snapshot, Optional<Snapshot> previous) {
		return readOnly.execute(status -> {
			Map<String, Map<String, Long>> bySector = new LinkedHashMap<>();
			List<Indicator> stocks = PopulationIndicators.counts()
				.stream()
				.filter(i -> i.kind() == Kind.STOCK)
				.toList();
			StringBuilder sql = new StringBuilder("select p.sector_code");
			for (int i = 0; i < stocks.size(); i++) {
				sql.append(", ").append(stocks.get(i).expression()).append(" as c").append(i);
			}
			sql.append(
					"""
							 from population.person p
							where p.tenant_id = :tenant and p.snapshot_id = :snapshot and p.resident and p.sector_code is not null
							group by p.sector_code""");
			jdbc.sql(sql.toString()).param("tenant", tenant.id()).param("snapshot", snapshot.id()).query(rs -> {
				String sector = rs.getString(1);
				for (int i = 0; i < stocks.size(); i++) {
					bySector.computeIfAbsent(stocks.get(i).code(), k -> new LinkedHashMap<>())
						.put(sector, rs.getLong(i + 2));
				}
			});
			String flowPeriod = null;
			if (previous.isPresent()) {
				flowPeriod = flowPeriod(previous.get().referenceDate(), snapshot.referenceDate());
				flows(tenant, previous.get(), snapshot, bySector);
			}
			return new Values(stockPeriod(snapshot.referenceDate()), flowPeriod, bySector);
		});
	}

	private void flows(Tenant tenant, Snapshot before, Snapshot after, Map<String, Map<String, Long>> bySector) {
		List<Indicator> flows = PopulationIndicators.counts().stream().filter(i -> i.kind() == Kind.FLOW).toList();
		StringBuilder sql = new StringBuilder("select sector");
		for (int i = 0; i < flows.size(); i++) {
			sql.append(", count(*) filter (where change = '")
				.append(flows.get(i).expression())
				.append("') as c")
				.append(i);
		}
		sql.append(
				"""
						 from (
						  select case when change in ('out', 'death') then coalesce(b_sector, a_sector) else b_sector end as sector,
						    change
						  from (
						    select a.sector_code as a_sector, b.sector_code as b_sector,
						      case
						        when b.resident and a.person_key is null and b.birth_month >= date_trunc('month', cast(:d1 as date))
						          then 'birth'
						        when b.resident and a.person_key is null then 'in'
						        when b.resident and a.address_key is distinct from b.address_key then 'within'
						        when b.resident then null
						        when b.deregistration_reason = 'overlijden' and (a.person_key is not null or b.deregistered_on > :d1)
						          then 'death'
						        when a.person_key is not null then 'out'
						      end as change
						    from (select person_key, sector_code, address_key from population.person
						          where tenant_id = :tenant and snapshot_id = :s1 and resident) a
						    full join (select person_key, sector_code, address_key, birth_month, resident, deregistered_on,
						                 deregistration_reason from population.person
						               where tenant_id = :tenant and snapshot_id = :s2) b on b.person_key = a.person_key
						  ) c
						) x
						where change is not null and sector is not null
						group by sector""");
		// every sector with residents in either snapshot gets a value, also 0
		for (Indicator flow : flows) {
			Map<String, Long> zeros = new LinkedHashMap<>();
			bySector.getOrDefault("bev-inwoners", Map.of()).keySet().forEach(s -> zeros.put(s, 0L));
			bySector.put(flow.code(), zeros);
		}
		jdbc.sql(sql.toString())
			.param("tenant", tenant.id())
			.param("s1", before.id())
			.param("s2", after.id())
			.param("d1", before.referenceDate())
			.query(rs -> {
				String sector = rs.getString(1);
				for (int i = 0; i < flows.size(); i++) {
					bySector.get(flows.get(i).code()).put(sector, rs.getLong(i + 2));
				}
			});
	}

	/**
	 * The period of a stock: the year when the reference date is 1 January (the
	 * population on 1 January, as Statbel), else its month.
	 */
	static String stockPeriod(LocalDate date) {
		return date.getDayOfYear() == 1 ? new Period(date.getYear(), Period.Kind.YEAR, 0).code()
				: new Period(date.getYear(), Period.Kind.MONTH, date.getMonthValue()).code();
	}

	/**
	 * The period of the flows between two snapshots: the year when they are 1 January of
	 * two successive years, else the month of the later one.
	 */
	static String flowPeriod(LocalDate before, LocalDate after) {
		if (before.getDayOfYear() == 1 && after.equals(before.plusYears(1))) {
			return new Period(before.getYear(), Period.Kind.YEAR, 0).code();
		}
		return new Period(after.getYear(), Period.Kind.MONTH, after.getMonthValue()).code();
	}

	/** Adds the indicators the tenant's catalogue lacks, through the catalogue import. */
	private void declare(Tenant tenant) {
		List<Indicator> missing = PopulationIndicators.ALL.stream()
			.filter(i -> !figures.declared(tenant, i.code()))
			.toList();
		if (missing.isEmpty()) {
			return;
		}
		StringBuilder csv = new StringBuilder("code;naam;thema;definitie;eenheid;bron;teller;noemer;factor;"
				+ "aggregatie;decimalen;drempel;gepubliceerd;naam_en;thema_en;definitie_en;eenheid_en\n");
		for (Indicator i : missing) {
			boolean ratio = i.kind() == Kind.RATIO;
			csv.append(String.join(";", quoted(i.code()), quoted(i.name()), quoted("Bevolking"), quoted(i.definition()),
					quoted(i.unit()), quoted(SOURCE), quoted(ratio ? i.numerator() : ""),
					quoted(ratio ? i.denominator() : ""), String.valueOf(i.factor()), ratio ? "ratio" : "sum",
					String.valueOf(i.decimals()), String.valueOf(ratio ? 0 : PopulationIndicators.THRESHOLD), "ja",
					quoted(i.nameEn()), quoted("Population"), quoted(i.definitionEn()), quoted(i.unitEn())))
				.append('\n');
		}
		figures.declare(tenant, csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String quoted(String text) {
		return "\"" + (text == null ? "" : text.replace("\"", "\"\"")) + "\"";
	}

	private static TenantFigures.Definition definition(Indicator i) {
		return new TenantFigures.Definition(i.code(), i.name(), i.nameEn(), "Bevolking", "Population", i.definition(),
				i.definitionEn(), i.unit(), i.unitEn(), SOURCE, true, PopulationIndicators.THRESHOLD, 0);
	}

	private Run record(Tenant tenant, Snapshot snapshot, Optional<Snapshot> previous, List<Object[]> outputs,
			int values, String actor, OffsetDateTime started, String stockPeriod, String flowPeriod) {
		String sha = PopulationIndicators.sha256();
		Run run = jdbc.sql("""
				insert into population.derivation_run (tenant_id, snapshot_id, reference_date, previous_snapshot_id,
				  previous_reference_date, definitions_sha256, indicators, values_published, run_by, started_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id, finished_at""")
			.params(tenant.id(), snapshot.id(), snapshot.referenceDate(), previous.map(Snapshot::id).orElse(null),
					previous.map(Snapshot::referenceDate).orElse(null), sha, outputs.size(), values, actor, started)
			.query((rs, n) -> new Run(rs.getLong("id"), snapshot.referenceDate(),
					previous.map(Snapshot::referenceDate).orElse(null), stockPeriod, flowPeriod, outputs.size(), values,
					sha, rs.getObject("finished_at", OffsetDateTime.class)))
			.single();
		for (Object[] o : outputs) {
			jdbc.sql("""
					insert into population.derivation_output (run_id, tenant_id, indicator_code, period, value_count,
					  definition_sha256, published) values (?, ?, ?, ?, ?, ?, ?)""")
				.params(run.id(), tenant.id(), o[0], o[1], o[2], o[3], o[4])
				.update();
		}
		return run;
	}

	/** The tenant's derivation runs, newest first. */
	public List<Run> runs(Tenant tenant) {
		return readOnly.execute(status -> jdbc.sql("""
				select r.id, r.reference_date, r.previous_reference_date, r.indicators, r.values_published,
				  r.definitions_sha256, r.finished_at,
				  (select min(o.period) from population.derivation_output o
				   where o.run_id = r.id and o.indicator_code = 'bev-inwoners') as stock_period,
				  (select min(o.period) from population.derivation_output o
				   where o.run_id = r.id and o.indicator_code = 'bev-inwijking') as flow_period
				from population.derivation_run r where r.tenant_id = ? order by r.id desc""")
			.param(tenant.id())
			.query((rs, n) -> new Run(rs.getLong("id"), rs.getObject("reference_date", LocalDate.class),
					rs.getObject("previous_reference_date", LocalDate.class), rs.getString("stock_period"),
					rs.getString("flow_period"), rs.getInt("indicators"), rs.getInt("values_published"),
					rs.getString("definitions_sha256"), rs.getObject("finished_at", OffsetDateTime.class)))
			.list());
	}

}
