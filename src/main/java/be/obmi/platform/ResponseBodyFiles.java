package be.obmi.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The large answers of the {@link PublicResponseCache} also as files, so that a hit is
 * sent by the kernel ({@code sendfile}, through Tomcat's NIO connector) instead of being
 * copied from the heap through Tomcat's 8 KB socket buffer — what nginx does with its
 * files. Most bytes the public side sends are in answers of 48 KB and more (GeoJSON of
 * the wijken, indicator pages with their maps, JSON-stat): 81 % of the bytes of the load
 * test's mix, and writing them was the largest part of a hit's CPU (JFR, issue 20 goal
 * 6).
 * <p>
 * The body stays in memory too: a connector without sendfile (TLS in Tomcat, a test's
 * mock request) gets it written as before. A file is deleted a minute after its entry
 * leaves the cache, so a hit that picked the entry just before is still sent in full; the
 * folder (in {@code java.io.tmpdir}) is removed when the application stops. A failed
 * write (disk full) only means the entry is sent from memory.
 */
final class ResponseBodyFiles implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ResponseBodyFiles.class);

	/** Tomcat's request attributes (org.apache.catalina.Globals). */
	static final String SUPPORTED = "org.apache.tomcat.sendfile.support";

	static final String FILENAME = "org.apache.tomcat.sendfile.filename";

	static final String START = "org.apache.tomcat.sendfile.start";

	static final String END = "org.apache.tomcat.sendfile.end";

	private static final Duration DELETE_AFTER = Duration.ofMinutes(1);

	private final int minSize;

	private final Path folder;

	private final ScheduledExecutorService deleter;

	/**
	 * @param minSize answers of at least this many bytes get a file; 0 or less: none do
	 */
	ResponseBodyFiles(long minSize) {
		this.minSize = (int) Math.min(Integer.MAX_VALUE, minSize);
		if (minSize <= 0) {
			this.folder = null;
			this.deleter = null;
			return;
		}
		try {
			this.folder = Files.createTempDirectory("obmi-responses-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No folder for the response cache's files", ex);
		}
		this.deleter = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("obmi-response-files").daemon(true).factory());
	}

	/**
	 * The body written to a new file, or null when it is too small or the write failed.
	 */
	Path write(byte[] body) {
		if (folder == null || body.length < minSize) {
			return null;
		}
		Path file = null;
		try {
			file = Files.createTempFile(folder, "r", ".body");
			Files.write(file, body);
			return file;
		}
		catch (IOException ex) {
			log.warn("Response cache: could not write a body file ({}); the answer is sent from memory",
					ex.getMessage());
			if (file != null) {
				delete(file);
			}
			return null;
		}
	}

	/**
	 * Hands the file to the connector when it can send files: Tomcat sends it after the
	 * headers and ignores anything written to the response.
	 * @return whether the connector will send it (false: write the body yourself)
	 */
	boolean send(Path file, long length, HttpServletRequest request, HttpServletResponse response) {
		if (file == null || !Boolean.TRUE.equals(request.getAttribute(SUPPORTED)) || response.isCommitted()) {
			return false;
		}
		request.setAttribute(FILENAME, file.toString());
		request.setAttribute(START, 0L);
		request.setAttribute(END, length);
		response.setContentLengthLong(length);
		return true;
	}

	/** The entry of the file left the cache: the file goes after a delay. */
	void release(Path file) {
		if (file != null && deleter != null && !deleter.isShutdown()) {
			deleter.schedule(() -> delete(file), DELETE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** The folder of the files, null when there are none. */
	Path folder() {
		return folder;
	}

	@Override
	public void close() {
		if (folder == null) {
			return;
		}
		deleter.shutdownNow();
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(ResponseBodyFiles::delete);
		}
		catch (IOException ex) {
			log.warn("Response cache: could not remove {}: {}", folder, ex.getMessage());
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.debug("Response cache: could not delete {}: {}", file, ex.getMessage());
		}
	}

}
