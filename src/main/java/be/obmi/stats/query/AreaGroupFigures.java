package be.obmi.stats.query;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.AreaGroups;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.StatsAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures of area groups of municipalities (a stadsregio, a peer group; issue 21),
 * derived like every other aggregate from the same read model ({@link StatsQueries}): a
 * count is the sum of its municipalities (each itself the sum of its sectors), a ratio is
 * factor × Σnumerator / Σdenominator over them, aggregation {@code none} has no group
 * figure. A group figure needs every member's inputs (else it would not be the group's).
 * Disclosure: it is suppressed whenever one of its members is (for a ratio: a member's
 * numerator or denominator), as the centrumsteden figure; with every member published it
 * is their sum, so it gives nothing back that the members do not already show.
 */
@Service
@Transactional(readOnly = true)
public class AreaGroupFigures {

	/** One indicator in the latest period: the city, its stadsregio and Flanders. */
	public record RegionRow(Indicator indicator, String period, StatsSite.Shown city, StatsSite.Shown region,
			StatsSite.Shown flanders) {
	}

	/**
	 * A line of the detail of one indicator: a zone total ({@code area} null) or a member
	 * municipality with its zone.
	 */
	public record Line(String label, Area area, String zone, StatsSite.Shown value) {

		public boolean total() {
			return area == null;
		}

	}

	private final StatsQueries queries;

	private final StatsSite site;

	private final StatsAccess access;

	private final Tenants tenants;

	AreaGroupFigures(StatsQueries queries, StatsSite site, StatsAccess access, Tenants tenants) {
		this.queries = queries;
		this.site = site;
		this.access = access;
		this.tenants = tenants;
	}

	/**
	 * Every indicator with values in the scope in its latest period: city, stadsregio,
	 * Flanders.
	 */
	public List<RegionRow> overview(Scope scope, Tenant tenant, AreaGroups.AreaGroup region) {
		boolean editor = access.seesConfidential(scope);
		Area city = site.city(tenant);
		List<RegionRow> rows = new ArrayList<>();
		for (List<Indicator> theme : site.themes(scope).values()) {
			for (Indicator indicator : theme) {
				List<String> periods = queries.periods(scope, indicator);
				if (periods.isEmpty() || indicator.isSurvey()) {
					continue;
				}
				String period = periods.getLast();
				StatsQueries.Series series = queries.series(scope, indicator, period);
				StatsSite.Shown own = shown(series, city, period, editor);
				if ("missing".equals(own.status())) {
					continue;
				}
				rows.add(new RegionRow(indicator, period, own, pooled(series, region.areas(), period, editor),
						flanders(series, city, period, editor)));
			}
		}
		return rows;
	}

	/**
	 * One indicator in one period: the kernstad, the agglomeration (kernstad and
	 * agglomeratie), the banlieue, the whole stadsregio, then every municipality.
	 */
	public List<Line> detail(Scope scope, AreaGroups.AreaGroup region, Indicator indicator, String period,
			List<String> labels) {
		boolean editor = access.seesConfidential(scope);
		StatsQueries.Series series = queries.series(scope, indicator, period);
		List<Line> lines = new ArrayList<>();
		lines.add(new Line(labels.get(0), null, "kernstad", pooled(series, region.zone("kernstad"), period, editor)));
		lines.add(new Line(labels.get(1), null, "agglomeratie",
				pooled(series, region.zone("kernstad", "agglomeratie"), period, editor)));
		if (!region.zone("banlieue").isEmpty()) {
			lines.add(
					new Line(labels.get(2), null, "banlieue", pooled(series, region.zone("banlieue"), period, editor)));
		}
		lines.add(new Line(labels.get(3), null, "stadsregio", pooled(series, region.areas(), period, editor)));
		for (AreaGroups.Member member : region.members()) {
			lines.add(new Line(member.area().name(), member.area(), member.zone(),
					shown(series, member.area(), period, editor)));
		}
		return lines;
	}

	/**
	 * The city, its stadsregio and Flanders for one indicator and period (the
	 * comparison).
	 */
	public List<Line> sideBySide(Scope scope, Tenant tenant, AreaGroups.AreaGroup region, Indicator indicator,
			String period) {
		boolean editor = access.seesConfidential(scope);
		StatsQueries.Series series = queries.series(scope, indicator, period);
		Area city = site.city(tenant);
		return List.of(new Line(city.name(), city, "kernstad", shown(series, city, period, editor)),
				new Line(region.name(), null, "stadsregio", pooled(series, region.areas(), period, editor)),
				new Line(site.flanders().name(), site.flanders(), null, flanders(series, city, period, editor)));
	}

	/**
	 * The members of a peer group as rows of the comparison (a member that is a tenant
	 * links to its site), then the group taken together (for a ratio, the ratio of its
	 * sums) and Flanders as references.
	 */
	public List<StatsSite.Comparison> comparison(Scope scope, Indicator indicator, String period,
			AreaGroups.AreaGroup group, String together) {
		boolean editor = access.seesConfidential(scope);
		StatsQueries.Series series = queries.series(scope, indicator, period);
		List<StatsSite.Comparison> rows = new ArrayList<>();
		for (Area area : group.areas()) {
			String slug = tenants.all()
				.stream()
				.filter(t -> area.code().equals(t.nisCode()))
				.map(Tenant::slug)
				.findFirst()
				.orElse("");
			rows.add(new StatsSite.Comparison(area, slug, shown(series, area, period, editor)));
		}
		if (indicator.isRatio()) {
			rows.add(new StatsSite.Comparison(new Area(0, "groep", group.code(), together, null, false), null,
					pooled(series, group.areas(), period, editor)));
		}
		rows.add(new StatsSite.Comparison(site.flanders(), null, shown(series, site.flanders(), period, editor)));
		return rows;
	}

	/**
	 * The parts taken together: a sum adds them, a ratio is factor × Σnumerator /
	 * Σdenominator; suppressed when one part is (editors see it marked confidential).
	 */
	StatsSite.Shown pooled(StatsQueries.Series series, List<Area> parts, String period, boolean editor) {
		if (parts.isEmpty()) {
			return StatsSite.Shown.none(period);
		}
		Double value = series.pooled(parts, period);
		if (value == null) {
			return StatsSite.Shown.none(period);
		}
		Set<Long> hidden = queries.hiddenAreas(series, period);
		boolean confidential = parts.stream().anyMatch(p -> hidden.contains(p.id()));
		if (confidential && !editor) {
			return new StatsSite.Shown(period, null, "", "suppressed", false);
		}
		return new StatsSite.Shown(period, value, StatsSite.format(value, series.indicator().decimals()), "ok",
				confidential);
	}

	private StatsSite.Shown shown(StatsQueries.Series series, Area area, String period, boolean editor) {
		StatsQueries.Cell cell = queries.cell(series, area, period, editor);
		return new StatsSite.Shown(period, cell.value(), StatsSite.format(cell.value(), series.indicator().decimals()),
				cell.status(), cell.confidential() && editor);
	}

	private StatsSite.Shown flanders(StatsQueries.Series series, Area city, String period, boolean editor) {
		return series.restsBeyond(site.flanders(), city, period) ? shown(series, site.flanders(), period, editor)
				: StatsSite.Shown.none(period);
	}

}
