package be.obmi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The JDK HTTP client's send without its checked exceptions, for tests. */
public final class Http {

	private Http() {
	}

	/**
	 * Sends the request; an I/O failure is an {@link UncheckedIOException}, an interrupt
	 * keeps the thread's flag and fails the test.
	 */
	public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return client.send(request, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
