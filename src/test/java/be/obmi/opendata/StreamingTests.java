package be.obmi.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers stream: a cube of 5 million cells computed on demand is written while only a
 * bounded amount of memory stays in use, and output leaves the writer long before the
 * last cell has been produced.
 */
class StreamingTests {

	private static final int AREAS = 500;

	private static final int INDICATORS = 100;

	private static final int YEARS = 100;

	private static final long CELLS = (long) AREAS * INDICATORS * YEARS;

	/**
	 * Counts bytes and notes how many cells had been produced when the first megabyte
	 * came out.
	 */
	static final class CountingOutputStream extends OutputStream {

		long bytes;

		long cellsProducedAtFirstMegabyte = -1;

		final AtomicLong produced;

		CountingOutputStream(AtomicLong produced) {
			this.produced = produced;
		}

		@Override
		public void write(int b) {
			count(1);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			count(len);
		}

		private void count(int n) {
			this.bytes += n;
			if (this.cellsProducedAtFirstMegabyte < 0 && this.bytes >= 1 << 20) {
				this.cellsProducedAtFirstMegabyte = this.produced.get();
			}
		}

	}

	private static long usedHeap() {
		var runtime = Runtime.getRuntime();
		System.gc();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	@Test
	void writersStreamFiveMillionCellsWithBoundedMemory() throws IOException {
		for (CubeWriter writer : List.of(new JsonStatWriter(), new SdmxCsvWriter(), new PxWriter())) {
			var produced = new AtomicLong();
			var heapInTheMiddle = new AtomicLong();
			var template = SampleCubes.generated(AREAS, INDICATORS, YEARS);
			var cube = template.withCells(Cells.generated(CELLS, i -> {
				if (produced.incrementAndGet() == CELLS / 2 && heapInTheMiddle.get() == 0) {
					heapInTheMiddle.set(usedHeap());
				}
				return i % 1000 == 0 ? Cell.suppressed() : Cell.ok(i % 10_000);
			}));
			long before = usedHeap();
			var out = new CountingOutputStream(produced);
			writer.write(cube, out);
			assertThat(produced.get()).as(writer.getClass().getSimpleName()).isGreaterThanOrEqualTo(CELLS);
			assertThat(out.bytes).isGreaterThan(CELLS);
			assertThat(out.cellsProducedAtFirstMegabyte).as("cells produced before the first MB was written")
				.isBetween(0L, CELLS / 10);
			// 5 million cells held as objects or even as a double[] would take 40–200 MB
			assertThat(heapInTheMiddle.get() - before).as(writer.getClass().getSimpleName() + " heap growth")
				.isLessThan(32L * 1024 * 1024);
		}
	}

}
