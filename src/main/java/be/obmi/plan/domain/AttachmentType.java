package be.obmi.plan.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file an update may carry, recognised from their first bytes (and, for the
 * office formats inside a ZIP and for plain text, from the name's extension as well). The
 * content type stored and served is the one that belongs to the recognised kind, never
 * the one the browser sent.
 */
public enum AttachmentType {

	PDF("application/pdf", "pdf"), PNG("image/png", "png"), JPEG("image/jpeg", "jpg", "jpeg"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
	PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
	ODT("application/vnd.oasis.opendocument.text", "odt"), ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
	CSV("text/csv", "csv"), TXT("text/plain", "txt");

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private final String contentType;

	private final String[] extensions;

	AttachmentType(String contentType, String... extensions) {
		this.contentType = contentType;
		this.extensions = extensions;
	}

	public String contentType() {
		return contentType;
	}

	/** The kind of the file, or empty when it is none of the allowed kinds. */
	public static Optional<AttachmentType> sniff(String filename, byte[] content) {
		String extension = extension(filename);
		if (starts(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(PDF);
		}
		if (starts(content, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (starts(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of(JPEG);
		}
		if (starts(content, ZIP_MAGIC)) {
			return byExtension(extension, DOCX, XLSX, PPTX, ODT, ODS);
		}
		if (plainText(content)) {
			return byExtension(extension, CSV, TXT);
		}
		return Optional.empty();
	}

	private static Optional<AttachmentType> byExtension(String extension, AttachmentType... candidates) {
		return Arrays.stream(candidates).filter(t -> Arrays.asList(t.extensions).contains(extension)).findFirst();
	}

	private static String extension(String filename) {
		int dot = filename == null ? -1 : filename.lastIndexOf('.');
		return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static boolean starts(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

	/** No control characters other than tab, line feed, form feed and carriage return. */
	private static boolean plainText(byte[] content) {
		for (byte b : content) {
			if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r') || b == 0x7F) {
				return false;
			}
		}
		return content.length > 0;
	}

}
