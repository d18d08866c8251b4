package be.obmi.opendata;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Lets a writer close its generator without closing the caller's stream (which the caller
 * owns).
 */
final class NonClosingOutputStream extends FilterOutputStream {

	NonClosingOutputStream(OutputStream out) {
		super(out);
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		this.out.write(b, off, len);
	}

	@Override
	public void close() throws IOException {
		flush();
	}

}
