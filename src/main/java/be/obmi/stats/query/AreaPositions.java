package be.obmi.stats.query;

import be.obmi.stats.domain.Area;
import be.obmi.stats.domain.Areas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The areas of an export in their order, with each area id mapped to its position once
 * per export: an array indexed by id when the ids are close together (as
 * {@code stats.area}'s are), so that filling a grid costs no boxed hash lookup per cell.
 * Also knows which areas have children, the only ones whose value can be aggregated
 * instead of stored.
 */
public final class AreaPositions {

	/**
	 * The widest span of ids held in an array (4 MB); wider spans (never seen in
	 * practice) use a map.
	 */
	private static final long MAX_SPAN = 1 << 20;

	private final List<Area> areas;

	private final long min;

	private final int[] dense;

	private final Map<Long, Integer> sparse;

	private final int[] inner;

	AreaPositions(List<Area> areas, Areas tree) {
		this.areas = List.copyOf(areas);
		long low = Long.MAX_VALUE;
		long high = Long.MIN_VALUE;
		for (Area area : areas) {
			low = Math.min(low, area.id());
			high = Math.max(high, area.id());
		}
		long span = areas.isEmpty() ? 0 : high - low + 1;
		this.min = areas.isEmpty() ? 0 : low;
		if (span <= Math.max(MAX_SPAN, 8L * areas.size())) {
			this.dense = new int[(int) span];
			Arrays.fill(this.dense, -1);
			this.sparse = null;
			for (int i = 0; i < areas.size(); i++) {
				this.dense[(int) (areas.get(i).id() - this.min)] = i;
			}
		}
		else {
			this.dense = null;
			this.sparse = new HashMap<>();
			for (int i = 0; i < areas.size(); i++) {
				this.sparse.put(areas.get(i).id(), i);
			}
		}
		List<Integer> withChildren = new ArrayList<>();
		for (int i = 0; i < areas.size(); i++) {
			if (!tree.children(areas.get(i).id()).isEmpty()) {
				withChildren.add(i);
			}
		}
		this.inner = withChildren.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The number of areas. */
	public int size() {
		return this.areas.size();
	}

	Area area(int position) {
		return this.areas.get(position);
	}

	/** The position of an area id, or -1 when the area is not one of these. */
	int of(long id) {
		if (this.dense != null) {
			long offset = id - this.min;
			return offset < 0 || offset >= this.dense.length ? -1 : this.dense[(int) offset];
		}
		Integer position = this.sparse.get(id);
		return position == null ? -1 : position;
	}

	/** The positions of the areas that have children, in order. */
	int[] inner() {
		return this.inner;
	}

}
