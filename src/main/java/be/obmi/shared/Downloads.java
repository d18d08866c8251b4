package be.obmi.shared;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An uploaded file given back to those who may see it (an update's attachment, a DPIA's
 * signed document, a processor agreement): always offered as a file to save
 * ({@code Content-Disposition: attachment}, its name in UTF-8), never sniffed as another
 * type, and private, not kept in any cache.
 */
public final class Downloads {

	private Downloads() {
	}

	public static ResponseEntity<byte[]> privateFile(MediaType type, String filename, byte[] body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(body);
	}

}
