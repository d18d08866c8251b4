package be.obmi.stats.query;

import be.obmi.opendata.Cells;
import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Scope;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The cells of an export of indicators × areas × periods, filled one indicator at a time
 * into an {@link ExportGrid}: for an area with a stored value (every area of a level
 * without children, such as {@code statsec}) straight from the cached rows of each
 * period, marked suppressed from the stored disclosure decision's area ids, with area ids
 * mapped to positions once per export ({@link AreaPositions}); only an area without a
 * stored value that has children (a sum aggregated from them), and every area of a ratio,
 * goes through {@link StatsQueries.Series#value}. The cells are exactly those of
 * {@link StatsQueries#cells(StatsQueries.Series, List, String, boolean)}: a value that is
 * suppressed there is suppressed here.
 */
@Component
public class ExportGrids {

	private final StatsQueries queries;

	private final Areas areas;

	ExportGrids(StatsQueries queries, Areas areas) {
		this.queries = queries;
		this.areas = areas;
	}

	/** The areas of an export, their ids mapped to positions once. */
	public AreaPositions positions(List<Area> list) {
		return new AreaPositions(list, this.areas);
	}

	/**
	 * Indicators × areas × periods (the period varies fastest), each indicator with its
	 * breakdown ({@code ""}: the total), computed one indicator at a time while the
	 * writer asks for cells: memory holds one indicator's grid, whatever the number of
	 * indicators. Read again from the first indicator when a writer iterates twice.
	 */
	public Cells cells(Scope scope, List<Indicator> indicators, List<String> breakdowns, AreaPositions positions,
			List<String> periods, boolean editor) {
		int perIndicator = Math.multiplyExact(positions.size(), periods.size());
		ExportGrid[] current = new ExportGrid[1];
		int[] currentIndex = { -1 };
		return Cells.generated((long) indicators.size() * perIndicator, i -> {
			int indicator = (int) (i / perIndicator);
			if (indicator != currentIndex[0]) {
				current[0] = fill(
						this.queries.series(scope, indicators.get(indicator), null, breakdowns.get(indicator)),
						positions, periods, editor);
				currentIndex[0] = indicator;
			}
			return current[0].cell((int) (i % perIndicator));
		});
	}

	/**
	 * One series' cells of the areas × periods, as the caller (editor or not) may see
	 * them.
	 */
	public ExportGrid fill(StatsQueries.Series series, AreaPositions positions, List<String> periods, boolean editor) {
		ExportGrid grid = new ExportGrid(positions.size(), periods.size());
		Indicator indicator = series.indicator();
		boolean[] hidden = new boolean[positions.size()];
		boolean[] stored = new boolean[positions.size()];
		for (int p = 0; p < periods.size(); p++) {
			String period = periods.get(p);
			Map<Long, StatsQueries.Obs> rows = series.stored(period);
			if (rows.isEmpty() && !indicator.isRatio()) {
				// nothing stored in the period: nothing to aggregate either
				continue;
			}
			Set<Long> hiddenIds = editor ? Set.of() : this.queries.hiddenAreas(series, period);
			Arrays.fill(hidden, false);
			for (long id : hiddenIds) {
				int a = positions.of(id);
				if (a >= 0) {
					hidden[a] = true;
				}
			}
			if (indicator.isRatio()) {
				for (int a = 0; a < positions.size(); a++) {
					set(grid, a, p, series.value(positions.area(a), period), hidden[a]);
				}
				continue;
			}
			Arrays.fill(stored, false);
			for (Map.Entry<Long, StatsQueries.Obs> row : rows.entrySet()) {
				int a = positions.of(row.getKey());
				if (a >= 0) {
					stored[a] = true;
					grid.set(a, p, row.getValue(), hidden[a]);
				}
			}
			if (indicator.isSum()) {
				for (int a : positions.inner()) {
					if (!stored[a]) {
						set(grid, a, p, series.value(positions.area(a), period), hidden[a]);
					}
				}
			}
		}
		return grid;
	}

	private static void set(ExportGrid grid, int area, int period, Optional<StatsQueries.Obs> value, boolean hidden) {
		if (value.isPresent()) {
			grid.set(area, period, value.get(), hidden);
		}
	}

}
