package be.obmi.rights.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.web.multipart.MultipartFile;

/** A DMN model as an editor gives it: an uploaded file, or else the pasted XML. */
final class DmnUpload {

	static final long MAX_BYTES = 500_000;

	private DmnUpload() {
	}

	/** The XML; refused when neither is given or the file is too large. */
	static String text(String pasted, MultipartFile file) {
		if (file != null && !file.isEmpty()) {
			if (file.getSize() > MAX_BYTES) {
				throw new RefusedValueException(Reason.of("rights.refused.tooLong"));
			}
			try {
				return new String(file.getBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (pasted == null || pasted.isBlank()) {
			throw new RefusedValueException(Reason.of("rights.refused.dmn", "-"));
		}
		return pasted;
	}

}
