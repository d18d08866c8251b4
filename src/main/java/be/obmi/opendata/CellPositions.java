package be.obmi.opendata;

import java.util.List;

/** Walks the category positions of a cube in row-major order, alongside its cells. */
final class CellPositions {

	private final int[] sizes;

	private final int[] position;

	private boolean started;

	CellPositions(List<Dimension> dimensions) {
		this(dimensions.stream().mapToInt(Dimension::size).toArray());
	}

	/**
	 * @param sizes the number of categories per dimension
	 */
	CellPositions(int[] sizes) {
		this.sizes = sizes.clone();
		this.position = new int[this.sizes.length];
	}

	/**
	 * Moves to the next cell and returns the category index per dimension (the same
	 * array, updated in place).
	 */
	int[] next() {
		if (!this.started) {
			this.started = true;
			return this.position;
		}
		for (int d = this.sizes.length - 1; d >= 0; d--) {
			if (++this.position[d] < this.sizes[d]) {
				return this.position;
			}
			this.position[d] = 0;
		}
		return this.position;
	}

}
