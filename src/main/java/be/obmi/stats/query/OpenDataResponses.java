package be.obmi.stats.query;

import be.obmi.stats.domain.Scope;
import be.obmi.shared.Reason;
import be.obmi.shared.Refusal;
import be.obmi.shared.RefusedValueException;
import be.obmi.shared.Texts;

import java.io.IOException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import be.obmi.opendata.CsvwMetadataWriter;
import be.obmi.opendata.Cube;
import be.obmi.opendata.CubeWriter;
import be.obmi.opendata.OpenDataFormats;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import be.obmi.opendata.XlsxWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the open data endpoints answer: the format from {@code ?format=} or else from
 * {@code Accept} (406 when nothing asked for is available), validators from the data's
 * real last change ({@code Last-Modified}, and an {@code ETag} derived from it and the
 * request) answering {@code If-None-Match} and {@code If-Modified-Since} with 304, a
 * {@code Link} to the CSV on the Web metadata on CSV answers, and the body streamed
 * (never buffered for an ETag).
 * <p>
 * Over 300 lines because it answers one table in every open-data format with the same
 * headers, caching and limits.
 */
@Component
public class OpenDataResponses {

	/**
	 * A format the open data endpoints write, by its {@code ?format=} name and the media
	 * type it is served as.
	 */
	public enum ExportFormat {

		JSONSTAT("jsonstat", "application/json", List.of("jsonstat", "json-stat", "json")),
		SDMX_CSV("sdmx-csv", "application/vnd.sdmx.data+csv;version=2.0.0", List.of("sdmx-csv", "sdmx")),
		PX("px", "text/x-pcaxis", List.of("px")), CSV("csv", "text/csv", List.of("csv")),
		XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
		CSVW("csvw", "application/csvm+json", List.of("csvw", "csv-metadata"));

		private final String parameter;

		private final MediaType mediaType;

		private final List<String> names;

		ExportFormat(String parameter, String mediaType, List<String> names) {
			this.parameter = parameter;
			this.mediaType = MediaType.parseMediaType(mediaType);
			this.names = names;
		}

		public String parameter() {
			return parameter;
		}

		MediaType mediaType() {
			return mediaType;
		}

		static Optional<ExportFormat> named(String name) {
			String wanted = name.strip().toLowerCase(Locale.ROOT);
			return Arrays.stream(values()).filter(f -> f.names.contains(wanted)).findFirst();
		}

		/**
		 * Whether this format satisfies one media range of an Accept header (a version
		 * must match when given).
		 */
		boolean satisfies(MediaType range) {
			if (range.isWildcardType()) {
				return this == JSONSTAT;
			}
			if (range.isWildcardSubtype()) {
				return range.getType().equals(mediaType.getType()) && (this == JSONSTAT || this == CSV);
			}
			if (!range.getType().equalsIgnoreCase(mediaType.getType())
					|| !range.getSubtype().equalsIgnoreCase(mediaType.getSubtype())) {
				return false;
			}
			String version = range.getParameter("version");
			return version == null || version.equals(mediaType.getParameter("version"));
		}

	}

	/**
	 * No format that the client accepts: answered with 406 and its reason in the client's
	 * language ({@link #notAcceptable}).
	 */
	public static final class NotAcceptable extends RuntimeException implements Refusal {

		private final transient Reason reason;

		NotAcceptable(Reason reason) {
			super(Texts.dutch(reason));
			this.reason = reason;
		}

		@Override
		public Reason reason() {
			return this.reason;
		}

	}

	/**
	 * The data's last change and a fingerprint of everything else the answer depends on.
	 */
	public record Version(Instant lastModified, String fingerprint) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final OpenDataFormats formats;

	OpenDataResponses(JdbcClient jdbc, OpenDataFormats formats) {
		this.jdbc = jdbc;
		this.formats = formats;
	}

	/**
	 * The format to write: {@code ?format=} wins over {@code Accept}; without either
	 * JSON-stat.
	 * @throws RefusedValueException (400) for an unknown {@code format} parameter
	 * @throws NotAcceptable (406) when no media range of {@code Accept} names a format we
	 * write
	 */
	public static ExportFormat negotiate(String format, String accept) {
		if (format != null && !format.isBlank()) {
			return ExportFormat.named(format)
				.orElseThrow(() -> new RefusedValueException(Reason.of("stats.refused.formatUnknown", format,
						Arrays.stream(ExportFormat.values())
							.map(ExportFormat::parameter)
							.collect(Collectors.joining(", ")))));
		}
		if (accept == null || accept.isBlank()) {
			return ExportFormat.JSONSTAT;
		}
		List<MediaType> ranges;
		try {
			ranges = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			throw new NotAcceptable(Reason.of("stats.refused.acceptUnreadable", accept));
		}
		List<MediaType> ordered = ranges.stream()
			.sorted(Comparator.comparingDouble(MediaType::getQualityValue)
				.reversed()
				.thenComparing(MediaType::isWildcardType)
				.thenComparing(MediaType::isWildcardSubtype))
			.toList();
		for (MediaType range : ordered) {
			if (range.getQualityValue() == 0) {
				continue;
			}
			for (ExportFormat candidate : ExportFormat.values()) {
				if (candidate.satisfies(range)) {
					return candidate;
				}
			}
		}
		throw new NotAcceptable(Reason.of("stats.refused.notAcceptable", accept,
				Arrays.stream(ExportFormat.values())
					.map(f -> f.mediaType().toString())
					.collect(Collectors.joining(", ")),
				Arrays.stream(ExportFormat.values()).map(ExportFormat::parameter).collect(Collectors.joining("|"))));
	}

	/**
	 * When the observations or indicator definitions of a scope (its own and the
	 * platform's) last changed: the latest import or undo of an import, or edit of an
	 * indicator. Coarse (per scope, not per indicator) but never too early.
	 */
	public Version scopeVersion(Scope scope) {
		return jdbc
			.sql("""
					select greatest(
					         (select max(greatest(imported_at, undone_at)) from stats.import_batch where coalesce(tenant_id, 0) in (0, :key)),
					         (select max(modified_at) from stats.indicator where coalesce(tenant_id, 0) in (0, :key))) as modified,
					       (select count(*) || '/' || coalesce(max(id), 0) || '/' || count(undone_at) from stats.import_batch
					         where coalesce(tenant_id, 0) in (0, :key)) as batches""")
			.param("key", scope.key())
			.query((rs,
					n) -> new Version(Optional.ofNullable(rs.getObject("modified", OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.orElse(Instant.EPOCH), rs.getString("batches")))
			.single();
	}

	/**
	 * Answers a conditional request: sets {@code ETag}, {@code Last-Modified} (only once
	 * the change is a whole second old, so that a later change can never share its
	 * second) and {@code Vary}, and returns true after answering 304.
	 * @param variant everything besides the data that the body depends on (path,
	 * parameters, format, who asks)
	 */
	public boolean notModified(HttpServletRequest request, HttpServletResponse response, Version version,
			String variant) {
		response.setHeader("Vary", "Accept");
		String etag = "\"" + Sha256
			.hex(version.lastModified().toEpochMilli() + "|" + version.lastModified().getNano() + "|"
					+ version.fingerprint() + "|" + variant)
			.substring(0, 32) + "\"";
		Instant lastModified = version.lastModified();
		boolean settled = Duration.between(lastModified, Instant.now()).compareTo(Duration.ofSeconds(1)) >= 0
				&& lastModified.isAfter(Instant.EPOCH);
		return new ServletWebRequest(request, response).checkNotModified(etag,
				settled ? lastModified.toEpochMilli() : -1);
	}

	/**
	 * Writes a cube in the negotiated format: streamed (the ETag filter does not buffer
	 * it), with a {@code describedby} link to the CSVW metadata on CSV, and the metadata
	 * itself for {@link ExportFormat#CSVW}.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ExportFormat format, String lang,
			boolean editor, Supplier<Cube> cubes) throws IOException {
		Cube cube = cubes.get();
		if (format == ExportFormat.XLSX && cube.cells().count() + 1 > XlsxWriter.MAX_ROWS) {
			throw new RefusedValueException(
					Reason.of("stats.refused.xlsxTooLarge", cube.cells().count(), XlsxWriter.MAX_ROWS - 1));
		}
		ShallowEtagHeaderFilter.disableContentCaching(request);
		// anonymous answers are revalidated every time (cheap: 304), so a publish is seen
		// at once; an answer to a
		// change less than a second old has no Last-Modified yet and is not stored by
		// anyone (nor by the public cache)
		boolean settled = response.getHeader("Last-Modified") != null;
		response.setHeader("Cache-Control", editor || !settled ? CacheControl.noStore().getHeaderValue()
				: CacheControl.noCache().cachePublic().getHeaderValue());
		String language = "en".equals(lang) ? "en" : "nl";
		if (format == ExportFormat.CSVW) {
			response.setContentType(format.mediaType().toString());
			response.setHeader("Content-Disposition", "inline; filename=\"" + cube.id() + ".csv-metadata.json\"");
			new CsvwMetadataWriter().write(cube, urlAs(ExportFormat.CSV), response.getOutputStream());
			return;
		}
		CubeWriter writer = formats.writer(format.parameter(), language);
		response.setContentType(
				format == ExportFormat.CSV ? "text/csv;charset=UTF-8;header=present" : format.mediaType().toString());
		if (format == ExportFormat.CSV) {
			response.setHeader("Link",
					"<" + urlAs(ExportFormat.CSVW) + ">; rel=\"describedby\"; type=\"application/csvm+json\"");
		}
		response.setHeader("Content-Disposition",
				"attachment; filename=\"" + cube.id() + "." + writer.fileExtension() + "\"");
		writer.write(cube, response.getOutputStream());
	}

	/**
	 * This request's URL with {@code format} set to another format (the CSV for its
	 * metadata and back).
	 */
	static String urlAs(ExportFormat format) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("format", format.parameter())
			.build()
			.toUriString();
	}

	/**
	 * Writes a 406 with its reason in the client's language ({@code locale}) as problem
	 * JSON, whatever the client accepts.
	 */
	public static void notAcceptable(HttpServletResponse response, NotAcceptable ex, MessageSource messages,
			Locale locale) throws IOException {
		response.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
		response.setHeader("Vary", "Accept");
		response.setContentType("application/problem+json;charset=UTF-8");
		var problem = new LinkedHashMap<String, Object>();
		problem.put("type", "about:blank");
		problem.put("title", messages.getMessage("stats.refused.notAcceptable.title", null, locale));
		problem.put("status", 406);
		problem.put("detail", messages.getMessage(ex, locale));
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}

}
