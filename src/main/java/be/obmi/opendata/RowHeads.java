package be.obmi.opendata;

import java.io.ByteArrayOutputStream;

/**
 * Walks the category positions of a cube's cells in row-major order (as
 * {@link CellPositions}) with each row's encoded category columns: a fixed prefix and the
 * columns of every dimension but the last, joined once per run of the last dimension, and
 * the last dimension's columns apart. A row per cell then costs two copies of bytes.
 */
final class RowHeads {

	private final byte[][][] rendered;

	private final byte[] prefix;

	private final CellPositions positions;

	private final int last;

	private int[] position;

	private byte[] head;

	/**
	 * @param rendered per dimension, per category, its encoded columns
	 * @param prefix what every row starts with
	 */
	RowHeads(byte[][][] rendered, byte[] prefix) {
		this.rendered = rendered;
		this.prefix = prefix;
		var sizes = new int[rendered.length];
		for (int d = 0; d < rendered.length; d++) {
			sizes[d] = rendered[d].length;
		}
		this.positions = new CellPositions(sizes);
		this.last = rendered.length - 1;
	}

	/**
	 * Moves to the next cell and returns the prefix and the columns of every dimension
	 * but the last.
	 */
	byte[] next() {
		this.position = this.positions.next();
		if (this.head == null || this.position[this.last] == 0) {
			var joined = new ByteArrayOutputStream();
			joined.writeBytes(this.prefix);
			for (int d = 0; d < this.last; d++) {
				joined.writeBytes(this.rendered[d][this.position[d]]);
			}
			this.head = joined.toByteArray();
		}
		return this.head;
	}

	/** The columns of the last dimension of the current cell. */
	byte[] lastColumns() {
		return this.rendered[this.last][this.position[this.last]];
	}

}
