package be.obmi.opendata;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;

/**
 * The cells of a cube in row-major order (the last dimension varies fastest). Iterable
 * more than once, so writers that need two passes (JSON-stat writes values, then
 * statuses) can stream without holding all cells.
 */
public interface Cells extends Iterable<Cell> {

	/** Number of cells; equals the product of the dimension sizes. */
	long count();

	/** Cells computed on demand from their row-major index: nothing is held in memory. */
	static Cells generated(long count, LongFunction<Cell> cellAt) {
		return new GeneratedCells(count, cellAt);
	}

	/**
	 * Cells held in arrays: values for OK cells, a status per cell and symbols for the
	 * few cells that have one.
	 */
	static Cells dense(double[] values, CellStatus[] statuses, Map<Integer, String> symbols) {
		return new DenseCells(values, statuses, symbols);
	}

	static Cells of(List<Cell> cells) {
		var copy = List.copyOf(cells);
		return generated(copy.size(), i -> copy.get((int) i));
	}

	/** Cells computed from their index. */
	record GeneratedCells(long count, LongFunction<Cell> cellAt) implements Cells {

		@Override
		public Iterator<Cell> iterator() {
			return new Iterator<>() {

				private long next;

				@Override
				public boolean hasNext() {
					return this.next < GeneratedCells.this.count;
				}

				@Override
				public Cell next() {
					if (!hasNext()) {
						throw new NoSuchElementException();
					}
					return GeneratedCells.this.cellAt.apply(this.next++);
				}
			};
		}

	}

	/** Cells held in arrays, as readers produce them. */
	record DenseCells(double[] values, CellStatus[] statuses, Map<Integer, String> symbols) implements Cells {

		public DenseCells {
			if (values.length != statuses.length) {
				throw new IllegalArgumentException("values and statuses differ in length");
			}
			symbols = Map.copyOf(symbols);
		}

		@Override
		public long count() {
			return this.values.length;
		}

		public Cell cell(int index) {
			return switch (this.statuses[index]) {
				case OK -> Cell.ok(this.values[index]);
				case SUPPRESSED -> new Cell(CellStatus.SUPPRESSED, Double.NaN, this.symbols.get(index));
				case MISSING -> new Cell(CellStatus.MISSING, Double.NaN, this.symbols.get(index));
			};
		}

		@Override
		public Iterator<Cell> iterator() {
			return generated(this.values.length, i -> cell((int) i)).iterator();
		}

	}

}
