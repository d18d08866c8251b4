package be.obmi.opendata;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Entry point for the API and the import: detects a format from content and hands out
 * readers and writers. Writers take a {@link Cube} whose cells may be computed on demand,
 * so a controller can stream {@code writer(...).write(cube, response.getOutputStream())}.
 */
@Component
public class OpenDataFormats {

	private static final Pattern PX_KEYWORD = Pattern.compile(
			"(?m)^\\s*(CHARSET|AXIS-VERSION|CODEPAGE|LANGUAGE|CREATION-DATE|DECIMALS|MATRIX|SUBJECT-CODE)\\s*(\\[[^\\]]*\\])?\\s*=");

	/**
	 * Recognises a format from the first bytes of a file (a few kilobytes are enough);
	 * never throws.
	 */
	public static OpenDataFormat detect(byte[] head) {
		if (head == null || head.length == 0) {
			return OpenDataFormat.OTHER;
		}
		int offset = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
				&& (head[2] & 0xFF) == 0xBF ? 3 : 0;
		var text = new String(head, offset, Math.min(head.length - offset, 64 * 1024), StandardCharsets.ISO_8859_1);
		var trimmed = text.stripLeading();
		if (trimmed.startsWith("{")) {
			var compact = trimmed.replaceAll("\\s+", "");
			return compact.contains("\"version\":\"2.0\"") || compact.contains("\"class\":\"dataset\"")
					|| (compact.contains("\"dimension\":") && compact.contains("\"value\":")) ? OpenDataFormat.JSON_STAT
							: OpenDataFormat.OTHER;
		}
		if (text.startsWith("STRUCTURE")) {
			int after = "STRUCTURE".length();
			if (after < text.length() && text.charAt(after) == '[') {
				after = text.indexOf(']', after) + 1;
			}
			if (after > 0 && after < text.length() && text.startsWith("STRUCTURE_ID", after + 1)) {
				return OpenDataFormat.SDMX_CSV;
			}
		}
		if (PX_KEYWORD.matcher(text.length() > 8192 ? text.substring(0, 8192) : text).find()) {
			return OpenDataFormat.PX;
		}
		return OpenDataFormat.OTHER;
	}

	public CubeReader reader(OpenDataFormat format) {
		return switch (format) {
			case PX -> new PxReader();
			case JSON_STAT -> new JsonStatReader();
			case SDMX_CSV -> new SdmxCsvReader();
			case OTHER -> throw OpenDataFormatException.of("import.opendata.formatUnknown");
		};
	}

	/**
	 * A writer for a format name as the API accepts it: {@code jsonstat},
	 * {@code sdmx-csv}, {@code px}, {@code csv}, {@code xlsx}.
	 */
	public CubeWriter writer(String format, String language) {
		return switch (format.toLowerCase(Locale.ROOT)) {
			case "jsonstat", "json-stat", "json" -> new JsonStatWriter(language);
			case "sdmx-csv", "sdmx" -> new SdmxCsvWriter(false, language);
			case "px" -> new PxWriter();
			case "csv" -> new CsvTableWriter(language);
			case "xlsx" -> new XlsxWriter(language);
			default -> throw new IllegalArgumentException("unknown format " + format);
		};
	}

}
