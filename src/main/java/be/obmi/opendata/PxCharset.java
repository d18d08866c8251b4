package be.obmi.opendata;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of a PX file, as {@link PxReader} reads it: the bytes decoded strictly in the
 * character set of {@code CODEPAGE} ({@code iso-8859-1}, {@code windows-1252},
 * {@code utf-8}, or any name Java knows), else UTF-8 after a byte order mark, else UTF-8
 * and then Windows-1252. Bytes that do not fit the character set are refused with their
 * line, never replaced.
 */
final class PxCharset {

	private static final Pattern CODEPAGE = Pattern.compile("(?m)^\\s*CODEPAGE\\s*=\\s*\"([^\"]*)\"");

	private PxCharset() {
	}

	static String decode(byte[] bytes) {
		int offset = 0;
		Charset charset = null;
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			offset = 3;
			charset = StandardCharsets.UTF_8;
		}
		var head = new String(bytes, offset, Math.min(bytes.length - offset, 64 * 1024), StandardCharsets.ISO_8859_1);
		var matcher = CODEPAGE.matcher(head);
		if (matcher.find()) {
			var name = matcher.group(1).trim().toLowerCase(Locale.ROOT);
			try {
				charset = switch (name) {
					case "utf-8", "utf8" -> StandardCharsets.UTF_8;
					case "iso-8859-1", "latin1", "iso8859-1" -> StandardCharsets.ISO_8859_1;
					default -> Charset.forName(name);
				};
			}
			catch (IllegalArgumentException ex) {
				throw OpenDataFormatException.at(lineOf(head, matcher.start()), "CODEPAGE",
						"import.opendata.pxCodepageUnknown", matcher.group(1));
			}
			return strictDecode(bytes, offset, charset, "CODEPAGE=\"" + matcher.group(1) + "\"");
		}
		if (charset != null) {
			return strictDecode(bytes, offset, charset, "UTF-8 (BOM)");
		}
		try {
			return strictDecode(bytes, offset, StandardCharsets.UTF_8, "UTF-8");
		}
		catch (OpenDataFormatException ex) {
			return strictDecode(bytes, offset, Charset.forName("windows-1252"), "Windows-1252");
		}
	}

	private static String strictDecode(byte[] bytes, int offset, Charset charset, String declared) {
		var decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		var input = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		var output = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
				(long) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 16));
		var result = decoder.decode(input, output, true);
		if (result.isError()) {
			int at = input.position();
			long line = 1;
			for (int i = offset; i < at; i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			throw OpenDataFormatException.at(line, "tekenset", "import.opendata.pxInvalidBytes", declared, at + 1);
		}
		decoder.flush(output);
		output.flip();
		return output.toString();
	}

	private static long lineOf(String text, int position) {
		long line = 1;
		for (int i = 0; i < position && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
