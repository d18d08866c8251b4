package be.obmi.stats.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import be.obmi.opendata.Cell;
import be.obmi.opendata.CellStatus;
import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Level;
import be.obmi.stats.domain.Scope;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid an export of all indicators fills from the stored rows ({@link ExportGrids})
 * holds exactly the cells of the read model ({@link StatsQueries#cells}, as the export
 * built them before): for the platform and a city, every level, every indicator with demo
 * data (counts with a threshold, ratios), their breakdowns, for the public and for
 * editors. A value suppressed in the read model is suppressed in the grid.
 */
@ObmiIntegrationTest
class ExportGridsIntegrationTests {

	@Autowired
	ExportGrids grids;

	@Autowired
	StatsQueries queries;

	@Autowired
	Indicators indicators;

	@Autowired
	Areas areas;

	@Autowired
	Tenants tenants;

	@Test
	void theGridHoldsTheCellsOfTheReadModelSuppressedOnesSuppressed() {
		Tenant tenant = tenants.require("mechelen");
		Scope city = new Scope(tenant.id(), tenant.slug(), tenant.statisticsNisCode());
		int[] seen = new int[CellStatus.values().length];
		int ratios = 0;
		int aggregated = 0;
		for (Scope scope : List.of(Scope.platform(), city)) {
			Area within = scope.isPlatform() ? null : areas.find("gemeente", scope.nisCode()).orElseThrow();
			List<Indicator> list = indicators.withData(scope, true)
				.stream()
				.sorted(Comparator.comparing(Indicator::code))
				.toList();
			for (Level level : Level.values()) {
				List<Area> targets = areas.atLevel(level.code(),
						level.ordinal() <= Level.GEMEENTE.ordinal() ? null : within);
				if (targets.isEmpty()) {
					continue;
				}
				AreaPositions positions = grids.positions(targets);
				aggregated += positions.inner().length;
				// every sector of Flanders: a sample of the indicators, ratios included
				List<Indicator> chosen = scope.isPlatform() && level == Level.STATSEC
						? list.stream().filter(i -> i.isRatio() || list.indexOf(i) % 3 == 0).toList() : list;
				for (Indicator indicator : chosen) {
					List<String> periods = queries.periods(scope, indicator);
					if (periods.isEmpty()) {
						continue;
					}
					ratios += indicator.isRatio() ? 1 : 0;
					List<String> breakdowns = queries.breakdowns(scope, indicator);
					for (String breakdown : breakdowns.subList(0, Math.min(3, breakdowns.size()))) {
						for (boolean editor : List.of(false, true)) {
							Cell[] expected = readModel(scope, indicator, breakdown, targets, positions, periods,
									editor);
							ExportGrid grid = grids.fill(queries.series(scope, indicator, null, breakdown), positions,
									periods, editor);
							assertThat(grid.size()).isEqualTo(expected.length);
							for (int i = 0; i < expected.length; i++) {
								String where = scope.slug() + " " + level + " " + indicator.code() + " [" + breakdown
										+ "] " + targets.get(i / periods.size()).code() + " "
										+ periods.get(i % periods.size()) + (editor ? " editor" : " public");
								assertThat(grid.cell(i)).as(where).isEqualTo(expected[i]);
								seen[expected[i].status().ordinal()]++;
							}
						}
					}
				}
			}
		}
		assertThat(seen[CellStatus.SUPPRESSED.ordinal()]).as("suppressed cells compared").isPositive();
		assertThat(seen[CellStatus.OK.ordinal()]).as("values compared").isPositive();
		assertThat(seen[CellStatus.MISSING.ordinal()]).as("missing cells compared").isPositive();
		assertThat(ratios).as("ratios compared").isPositive();
		assertThat(aggregated).as("areas whose value can be aggregated").isPositive();
	}

	/** The cells as the export computed them before the grid: a cell list per period. */
	private Cell[] readModel(Scope scope, Indicator indicator, String breakdown, List<Area> targets,
			AreaPositions positions, List<String> periods, boolean editor) {
		StatsQueries.Series series = queries.series(scope, indicator, null, breakdown);
		Cell[] cells = new Cell[targets.size() * periods.size()];
		Arrays.fill(cells, Cell.missing());
		for (int p = 0; p < periods.size(); p++) {
			for (StatsQueries.Cell c : queries.cells(series, targets, periods.get(p), editor)) {
				cells[positions.of(c.area().id()) * periods.size() + p] = "missing".equals(c.status()) ? Cell.missing()
						: "suppressed".equals(c.status()) ? Cell.suppressed() : Cell.ok(c.value());
			}
		}
		return cells;
	}

	@Test
	void areaIdsMapToTheirPositionsAndOthersToNone() {
		List<Area> targets = new ArrayList<>(areas.atLevel("gemeente", null));
		AreaPositions positions = grids.positions(targets);
		assertThat(positions.size()).isEqualTo(targets.size());
		for (int i = 0; i < targets.size(); i++) {
			assertThat(positions.of(targets.get(i).id())).isEqualTo(i);
			assertThat(positions.area(i)).isEqualTo(targets.get(i));
		}
		Area province = areas.atLevel("provincie", null).getFirst();
		assertThat(positions.of(province.id())).isEqualTo(-1);
		assertThat(positions.of(Long.MAX_VALUE)).isEqualTo(-1);
		assertThat(positions.of(-1)).isEqualTo(-1);
		// ids far apart: mapped without an array over their span
		AreaPositions far = new AreaPositions(List.of(new Area(3, "statsec", "A", "A", null, false),
				new Area(40_000_000_000L, "statsec", "B", "B", null, false)), areas);
		assertThat(far.of(3)).isZero();
		assertThat(far.of(40_000_000_000L)).isEqualTo(1);
		assertThat(far.of(4)).isEqualTo(-1);
	}

}
