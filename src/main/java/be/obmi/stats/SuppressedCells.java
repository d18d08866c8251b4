package be.obmi.stats;

import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.query.DisclosureControl;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.query.StatsQueries;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import be.obmi.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every cell of a published count indicator that disclosure control hides
 * ({@link DisclosureControl}), in every scope (the platform and each tenant) and period:
 * what other outputs built from the statistics — the warehouse's public facts — must hide
 * too, so that no published number reveals a suppressed cell.
 */
@Service
public class SuppressedCells {

	/**
	 * One hidden cell: an area (and breakdown, {@code ""} for the total) of an indicator
	 * in a period, in a scope.
	 */
	public record Cell(long scopeKey, long indicatorId, String period, long areaId, String breakdown) {
	}

	/** An indicator in a period: the unit in which disclosure control decides. */
	public record IndicatorPeriod(long indicatorId, String period) {
	}

	private final Tenants tenants;

	private final Indicators indicators;

	private final StatsQueries queries;

	private final DisclosureControl disclosure;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	SuppressedCells(Tenants tenants, Indicators indicators, StatsQueries queries, DisclosureControl disclosure,
			JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.tenants = tenants;
		this.indicators = indicators;
		this.queries = queries;
		this.disclosure = disclosure;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setReadOnly(true);
	}

	/**
	 * The hidden cells of every scope, decided as the public site decides them (and
	 * stored for it).
	 * @param lockTimeout how long a read waits for a lock on a statistics table before it
	 * fails (PostgreSQL syntax, e.g. {@code 5min})
	 */
	public List<Cell> all(String lockTimeout) {
		return cells(null, lockTimeout);
	}

	/**
	 * The hidden cells of every scope in the given indicators and periods only, decided
	 * as {@link #all} decides them (a decision covers one scope, indicator and period, so
	 * these are exactly the cells {@link #all} gives for them).
	 * @param lockTimeout as for {@link #all}
	 */
	public List<Cell> of(Collection<IndicatorPeriod> pairs, String lockTimeout) {
		return pairs.isEmpty() ? List.of() : cells(Set.copyOf(pairs), lockTimeout);
	}

	private List<Cell> cells(Set<IndicatorPeriod> only, String lockTimeout) {
		return transaction.execute(status -> {
			jdbc.sql("select set_config('lock_timeout', ?, true)").param(lockTimeout).query().listOfRows();
			List<Scope> scopes = new ArrayList<>();
			scopes.add(Scope.platform());
			tenants.all().forEach(t -> scopes.add(StatsAccess.of(t)));
			// without a value between 0 and the threshold there is nothing to hide: every
			// sum of values that are 0
			// or at least the threshold is 0 or at least the threshold too (no primary,
			// so no secondary suppression)
			String indicatorIds = only == null ? null
					: only.stream()
						.map(p -> Long.toString(p.indicatorId()))
						.distinct()
						.collect(Collectors.joining(",", "{", "}"));
			Set<String> small = new HashSet<>(jdbc.sql("""
					select distinct o.indicator_id || '|' || o.period || '|' || coalesce(o.tenant_id, 0)
					from stats.observation o join stats.indicator i on i.id = o.indicator_id
					where i.aggregation = 'sum' and i.threshold > 0 and o.value > 0 and o.value < i.threshold
					  and (cast(? as text) is null or o.indicator_id = any(cast(? as bigint[])))""")
				.params(indicatorIds, indicatorIds)
				.query(String.class)
				.list());
			List<Cell> cells = new ArrayList<>();
			for (Scope scope : scopes) {
				for (Indicator indicator : indicators.list(scope, false)) {
					if (!indicator.isSum() || indicator.threshold() <= 0) {
						continue;
					}
					for (String period : queries.periods(scope, indicator)) {
						if (only != null && !only.contains(new IndicatorPeriod(indicator.id(), period))) {
							continue;
						}
						if (!small.contains(indicator.id() + "|" + period + "|0")
								&& !small.contains(indicator.id() + "|" + period + "|" + scope.key())) {
							continue;
						}
						DisclosureControl.Decision decision = disclosure.decision(scope, indicator, period, queries);
						decision.areasByBreakdown()
							.forEach((breakdown, areas) -> areas.forEach(
									area -> cells.add(new Cell(scope.key(), indicator.id(), period, area, breakdown))));
					}
				}
			}
			return cells;
		});
	}

}
