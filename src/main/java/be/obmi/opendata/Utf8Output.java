package be.obmi.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 output for the writers that write a row per cell: texts encoded once
 * (a category's columns) and copied as bytes, numbers written as digits, so that a cell
 * costs no {@code String}, no character encoding and no lock. The bytes are those of the
 * same texts through an {@code OutputStreamWriter} in UTF-8.
 */
final class Utf8Output {

	private final OutputStream out;

	private final byte[] buffer = new byte[64 * 1024];

	private int used;

	Utf8Output(OutputStream out) {
		this.out = out;
	}

	static byte[] encoded(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	void write(byte[] bytes) throws IOException {
		if (bytes.length > this.buffer.length - this.used) {
			drain();
			if (bytes.length > this.buffer.length) {
				this.out.write(bytes);
				return;
			}
		}
		System.arraycopy(bytes, 0, this.buffer, this.used, bytes.length);
		this.used += bytes.length;
	}

	void write(String text) throws IOException {
		write(encoded(text));
	}

	/** A cell value as {@link CellNumbers#plain(double)} writes it. */
	void number(double value) throws IOException {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			if (this.buffer.length - this.used < 20) {
				drain();
			}
			long rest = (long) value;
			if (rest < 0) {
				this.buffer[this.used++] = '-';
				rest = -rest;
			}
			int digits = 1;
			for (long bound = 10; digits < 16 && rest >= bound; bound *= 10) {
				digits++;
			}
			for (int i = this.used + digits - 1; i >= this.used; i--) {
				this.buffer[i] = (byte) ('0' + rest % 10);
				rest /= 10;
			}
			this.used += digits;
		}
		else {
			write(CellNumbers.plain(value));
		}
	}

	/** Writes out what is buffered and flushes the stream. */
	void flush() throws IOException {
		drain();
		this.out.flush();
	}

	private void drain() throws IOException {
		if (this.used > 0) {
			this.out.write(this.buffer, 0, this.used);
			this.used = 0;
		}
	}

}
