package be.obmi.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Holds the body back up to {@code limit} bytes; beyond that it writes what it holds and
 * streams the rest straight through (then nothing is stored: exports may be large).
 */
final class ResponseCapture extends HttpServletResponseWrapper {

	private final HttpServletResponse target;

	private final int limit;

	private ByteArrayOutputStream buffer = new ByteArrayOutputStream();

	private boolean overflowed;

	private boolean setsCookie;

	private Locale locale;

	/** The locale the page was rendered in. */
	Locale locale() {
		return locale;
	}

	private ServletOutputStream stream;

	private PrintWriter writer;

	ResponseCapture(HttpServletResponse target, int limit) {
		super(target);
		this.target = target;
		this.limit = limit;
	}

	@Override
	public void addCookie(Cookie cookie) {
		setsCookie = true;
		super.addCookie(cookie);
	}

	@Override
	public void addHeader(String name, String value) {
		if ("Set-Cookie".equalsIgnoreCase(name)) {
			setsCookie = true;
		}
		super.addHeader(name, value);
	}

	@Override
	public void setHeader(String name, String value) {
		if ("Set-Cookie".equalsIgnoreCase(name)) {
			setsCookie = true;
		}
		super.setHeader(name, value);
	}

	@Override
	public void setLocale(Locale loc) {
		this.locale = loc;
		super.setLocale(loc);
	}

	// after sendError or sendRedirect the container ignores header changes: make the
	// answer strict first
	@Override
	public void sendError(int sc, String msg) throws IOException {
		PublicResponseCache.notStored(target);
		super.sendError(sc, msg);
	}

	@Override
	public void sendError(int sc) throws IOException {
		PublicResponseCache.notStored(target);
		super.sendError(sc);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		PublicResponseCache.notStored(target);
		super.sendRedirect(location);
	}

	boolean setsCookie() {
		return setsCookie || target.getHeader("Set-Cookie") != null;
	}

	@Override
	public ServletOutputStream getOutputStream() {
		if (stream == null) {
			stream = new ServletOutputStream() {
				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
					throw new UnsupportedOperationException();
				}

				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] b, int off, int len) throws IOException {
					ResponseCapture.this.write(b, off, len);
				}

				@Override
				public void flush() throws IOException {
					if (overflowed) {
						target.getOutputStream().flush();
					}
				}
			};
		}
		return stream;
	}

	@Override
	public PrintWriter getWriter() {
		if (writer == null) {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
			writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
		}
		return writer;
	}

	@Override
	public void flushBuffer() throws IOException {
		if (writer != null) {
			writer.flush();
		}
		if (overflowed) {
			target.flushBuffer();
		}
	}

	@Override
	public void resetBuffer() {
		if (!overflowed) {
			buffer.reset();
		}
		super.resetBuffer();
	}

	@Override
	public void reset() {
		if (!overflowed) {
			buffer.reset();
		}
		setsCookie = false;
		super.reset();
	}

	@Override
	public void setContentLength(int len) {
		// the length is set from the stored body (or by the container when streaming)
	}

	@Override
	public void setContentLengthLong(long len) {
	}

	private void write(byte[] b, int off, int len) throws IOException {
		if (overflowed) {
			target.getOutputStream().write(b, off, len);
			return;
		}
		if (buffer.size() + len > limit) {
			overflowed = true;
			target.getOutputStream().write(buffer.toByteArray());
			buffer = null;
			target.getOutputStream().write(b, off, len);
			return;
		}
		buffer.write(b, off, len);
	}

	/**
	 * From now on every byte goes straight to the client (asynchronous answers are not
	 * stored).
	 */
	void passThrough() throws IOException {
		if (!overflowed) {
			overflowed = true;
			byte[] held = buffer.toByteArray();
			buffer = null;
			if (held.length > 0) {
				target.getOutputStream().write(held);
			}
		}
	}

	void finishCapture() {
		if (writer != null) {
			writer.flush();
		}
	}

	/** The held-back body, or null when it was streamed through. */
	byte[] captured() {
		return overflowed ? null : buffer.toByteArray();
	}

}
