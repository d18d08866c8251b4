package be.obmi.knowledge.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.search.KnowledgeSearch;
import be.obmi.knowledge.search.SearchQuery;
import be.obmi.knowledge.search.SearchResults;
import be.obmi.knowledge.search.SearchTemplates;
import be.obmi.shared.tabular.SpreadsheetText;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The filtered results of a knowledge-bank search as CSV ({@code ;}, UTF-8 with BOM,
 * formulas neutralised), XLSX (POI's streaming workbook) or GeoJSON (the hits with
 * coordinates): the same query parameters as the page, all hits up to {@link #MAX_ROWS},
 * written while they are read. A collection's export has a column per field of its
 * template, read from the case. Drafts only for a Kenniscentrum editor who asks for them.
 */
@Controller
class KnowledgeSearchExportController {

	/** The most hits an export holds. */
	static final int MAX_ROWS = 10_000;

	private static final List<String> COLUMNS = List.of("titel", "soort", "collectie", "stad", "datum", "breedtegraad",
			"lengtegraad", "pad", "gepubliceerd");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KnowledgeSearch search;

	private final SearchTemplates templates;

	private final TenantAccess access;

	KnowledgeSearchExportController(KnowledgeSearch search, SearchTemplates templates, TenantAccess access) {
		this.search = search;
		this.templates = templates;
		this.access = access;
	}

	@GetMapping({ "/kennis/zoeken/resultaten.{format}", "/kennis/collecties/{code}/resultaten.{format}" })
	void export(@PathVariable(required = false) String code, @PathVariable String format,
			@RequestParam MultiValueMap<String, String> request, Locale locale, HttpServletResponse response)
			throws IOException {
		List<SearchTemplates.Field> fields = List.of();
		if (code != null) {
			templates.collection(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			fields = templates.fields(code).stream().filter(f -> !"FILE".equals(f.type())).toList();
		}
		SearchQuery query = KnowledgeSearchParams.of(request).query(code, access.kenniscentrum());
		String name = "kennisbank-" + (code == null ? "zoeken" : code);
		switch (format) {
			case "csv" -> csv(query, fields, locale, start(response, "text/csv;charset=UTF-8", name + ".csv"));
			case "xlsx" -> xlsx(query, fields, locale, start(response,
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"));
			case "geojson" -> geoJson(query, start(response, "application/geo+json", name + ".geojson"));
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private static OutputStream start(HttpServletResponse response, String type, String file) throws IOException {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
		return response.getOutputStream();
	}

	private void csv(SearchQuery query, List<SearchTemplates.Field> fields, Locale locale, OutputStream out)
			throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(writer)) {
			csv.writeRecord(header(fields));
			search.forEachHit(query, MAX_ROWS,
					hit -> csv.writeRecord(row(hit, fields, locale).stream()
						.map(v -> v == null ? "" : SpreadsheetText.neutralised(v))
						.toList()));
		}
	}

	private void xlsx(SearchQuery query, List<SearchTemplates.Field> fields, Locale locale, OutputStream out)
			throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		workbook.setCompressTempFiles(true);
		try (workbook) {
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			Sheet sheet = workbook.createSheet("resultaten");
			write(sheet.createRow(0), header(fields), text);
			int[] r = { 1 };
			search.forEachHit(query, MAX_ROWS, hit -> write(sheet.createRow(r[0]++), row(hit, fields, locale), text));
			workbook.write(out);
		}
	}

	private static void write(Row row, List<String> values, CellStyle text) {
		for (int c = 0; c < values.size(); c++) {
			var cell = row.createCell(c);
			cell.setCellStyle(text);
			cell.setCellValue(values.get(c) == null ? "" : values.get(c));
		}
	}

	private void geoJson(SearchQuery query, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write("{\"type\":\"FeatureCollection\",\"features\":[");
		boolean[] first = { true };
		search.forEachHit(query, MAX_ROWS, hit -> {
			if (!hit.located()) {
				return;
			}
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("title", hit.title());
			properties.put("path", hit.path());
			properties.put("kind", hit.kind().name());
			properties.put("collection", hit.collection());
			Map<String, Object> feature = new LinkedHashMap<>();
			feature.put("type", "Feature");
			feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(hit.longitude(), hit.latitude())));
			feature.put("properties", properties);
			try {
				writer.write((first[0] ? "" : ",") + JSON.writeValueAsString(feature));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			first[0] = false;
		});
		writer.write("]}");
		writer.flush();
	}

	private static List<String> header(List<SearchTemplates.Field> fields) {
		List<String> header = new ArrayList<>(COLUMNS);
		fields.forEach(f -> header.add(f.code()));
		return header;
	}

	private static List<String> row(SearchResults.Hit hit, List<SearchTemplates.Field> fields, Locale locale) {
		List<String> row = new ArrayList<>(List.of(hit.title(), hit.kind().name(), nonNull(hit.collection()),
				nonNull(hit.city()), hit.date() == null ? "" : hit.date().toString(),
				hit.latitude() == null ? "" : hit.latitude().toString(),
				hit.longitude() == null ? "" : hit.longitude().toString(), hit.path(),
				String.valueOf(hit.published())));
		fields.forEach(f -> row.add(value(f, hit.fieldValues().get(f.code()), locale)));
		return row;
	}

	/**
	 * A field's value as text: choices by their label, lists joined, structures as JSON.
	 */
	static String value(SearchTemplates.Field field, Object value, Locale locale) {
		if (value == null) {
			return "";
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map(v -> value(field, v, locale)).collect(Collectors.joining(", "));
		}
		if (value instanceof Map<?, ?>) {
			return JSON.writeValueAsString(value);
		}
		String text = String.valueOf(value);
		return field.choices().isEmpty() ? text : field.choiceLabel(text, locale);
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}

}
