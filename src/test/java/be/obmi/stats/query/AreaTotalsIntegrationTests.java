package be.obmi.stats.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.obmi.audit.DataGenerations;
import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored aggregates ({@link AreaTotals}) give the area report the same values,
 * periods and "rests on data beyond the city" answers as the full read model, for every
 * published indicator of a tenant with the demo data, for the city, Flanders, the
 * centrumsteden, a wijk and a sector; and they are not used while a change is not yet
 * taken in.
 */
@ObmiIntegrationTest
class AreaTotalsIntegrationTests {

	@Autowired
	AreaTotals totals;

	@Autowired
	StatsQueries queries;

	@Autowired
	FocusedSeries focusedSeries;

	@Autowired
	StatsSite site;

	@Autowired
	Indicators indicators;

	@Autowired
	Tenants tenants;

	@Autowired
	DataGenerations generations;

	@Test
	void theStoredAggregatesGiveWhatTheFullReadModelComputes() {
		totals.refresh();
		Tenant tenant = tenants.require("mechelen");
		Scope scope = new Scope(tenant.id(), tenant.slug(), tenant.statisticsNisCode());
		assertThat(totals.usable(scope)).isTrue();
		Area city = site.city(tenant);
		Area flanders = site.flanders();
		List<Area> focus = new ArrayList<>(List.of(city, flanders));
		focus.addAll(site.centrumsteden());
		focus.add(site.areasOf(city, "wijk").getFirst());
		focus.add(site.areasOf(city, "statsec").getFirst());
		List<Indicator> all = indicators.withData(scope);
		assertThat(all).hasSizeGreaterThan(10);
		Map<Long, StatsQueries.Series> focused = focusedSeries.focused(scope, all, focus);
		int compared = 0;
		for (Indicator indicator : all) {
			StatsQueries.Series full = queries.series(scope, indicator, null);
			StatsQueries.Series light = focused.get(indicator.id());
			assertThat(light.periods()).as(indicator.code()).isEqualTo(full.periods());
			for (String period : full.periods()) {
				for (Area area : focus) {
					assertThat(light.value(area, period)).as(indicator.code() + " " + area.code() + " " + period)
						.isEqualTo(full.value(area, period));
					compared++;
				}
				assertThat(light.restsBeyond(flanders, city, period)).as(indicator.code() + " " + period)
					.isEqualTo(full.restsBeyond(flanders, city, period));
				assertThat(light.pooled(site.centrumsteden(), period)).as(indicator.code() + " " + period)
					.isEqualTo(full.pooled(site.centrumsteden(), period));
			}
		}
		assertThat(compared).isGreaterThan(1000);
	}

	@Test
	void afterAChangeTheAggregatesWaitForTheNextPass() {
		totals.refresh();
		assertThat(totals.usable(Scope.platform())).isTrue();
		// a change of platform data moves the generation on: not usable until a pass has
		// run
		generations.changedElsewhere(null, true);
		assertThat(totals.usable(Scope.platform())).isFalse();
		totals.refresh();
		assertThat(totals.usable(Scope.platform())).isTrue();
	}

}
