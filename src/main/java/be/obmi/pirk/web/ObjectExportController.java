package be.obmi.pirk.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.ObjectSearch;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.shared.tabular.SpreadsheetText;
import be.obmi.tenancy.Tenant;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The filtered set of the overview for staff (any member of the city; never anonymous) as
 * CSV ({@code ;}, UTF-8 with BOM, formulas neutralised), XLSX or GeoJSON (the objects'
 * geometries): the inventory's own data only — identifiers, address, areas, vacancy,
 * registers. Owner data is never in an export.
 */
@Controller
class ObjectExportController {

	static final List<String> COLUMNS = List.of("id", "soort", "straat", "huisnummer", "bus", "postcode", "gemeente",
			"adres_id", "gebouw_id", "gebouweenheid_id", "capakey", "functie", "wijk", "sector", "leegstandsklasse",
			"leeg_sinds", "maanden_leeg", "verdenkingsscore", "registers", "lengtegraad", "breedtegraad",
			"voorbeeldgegevens");

	private final ObjectSearch search;

	ObjectExportController(ObjectSearch search) {
		this.search = search;
	}

	@GetMapping("/{slug}/pirk/export.{format}")
	void export(Tenant tenant, @PathVariable String format, @RequestParam Map<String, String> query,
			HttpServletResponse response) throws IOException {
		ObjectFilter filter = ObjectFilter.from(query);
		String name = "pirk-" + tenant.slug();
		switch (format) {
			case "csv" -> csv(tenant, filter, start(response, "text/csv;charset=UTF-8", name + ".csv"));
			case "xlsx" -> xlsx(tenant, filter, start(response,
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"));
			case "geojson" -> geoJson(tenant, filter, start(response, "application/geo+json", name + ".geojson"));
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private static OutputStream start(HttpServletResponse response, String type, String file) throws IOException {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
		return response.getOutputStream();
	}

	private void csv(Tenant tenant, ObjectFilter filter, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(writer)) {
			csv.writeRecord(COLUMNS);
			search.forEach(tenant, filter, null, ObjectSearch.MAX_OBJECTS,
					listed -> csv.writeRecord(row(listed).stream().map(SpreadsheetText::neutralised).toList()));
		}
	}

	private void xlsx(Tenant tenant, ObjectFilter filter, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		workbook.setCompressTempFiles(true);
		try (workbook) {
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			Sheet sheet = workbook.createSheet("objecten");
			write(sheet.createRow(0), COLUMNS, text);
			int[] r = { 1 };
			search.forEach(tenant, filter, null, ObjectSearch.MAX_OBJECTS,
					listed -> write(sheet.createRow(r[0]++), row(listed), text));
			workbook.write(out);
		}
	}

	private static void write(Row row, List<String> values, CellStyle text) {
		for (int c = 0; c < values.size(); c++) {
			var cell = row.createCell(c);
			cell.setCellStyle(text);
			cell.setCellValue(values.get(c));
		}
	}

	private void geoJson(Tenant tenant, ObjectFilter filter, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write("{\"type\":\"FeatureCollection\",\"features\":[");
		boolean[] first = { true };
		search.forEach(tenant, filter, null, ObjectSearch.MAX_OBJECTS, listed -> {
			RealEstate object = listed.object();
			StringBuilder json = new StringBuilder(first[0] ? "" : ",");
			first[0] = false;
			json.append("{\"type\":\"Feature\",\"id\":").append(object.id()).append(",\"geometry\":");
			json.append(object.geometry() == null ? "null" : object.geometry()).append(",\"properties\":{");
			List<String> values = row(listed);
			for (int i = 1; i < COLUMNS.size(); i++) {
				json.append(i == 1 ? "" : ",").append('"').append(COLUMNS.get(i)).append("\":");
				MapDataController.string(json, values.get(i));
			}
			json.append("}}");
			try {
				writer.write(json.toString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		writer.write("]}");
		writer.flush();
	}

	static List<String> row(ObjectSearch.Listed listed) {
		RealEstate o = listed.object();
		List<String> row = new ArrayList<>();
		row.add(String.valueOf(o.id()));
		row.add(o.kind().name());
		row.add(text(o.address().street()));
		row.add(text(o.address().houseNumber()));
		row.add(text(o.address().box()));
		row.add(text(o.address().postcode()));
		row.add(text(o.address().municipality()));
		row.add(text(o.addressId()));
		row.add(text(o.buildingId()));
		row.add(text(o.buildingUnitId()));
		row.add(text(o.capakey()));
		row.add(o.function());
		row.add(text(o.wijkCode()));
		row.add(text(o.sectorCode()));
		row.add(o.vacancyClass().name());
		row.add(o.vacantSince() == null ? "" : o.vacantSince().toString());
		row.add(listed.months() == null ? "" : listed.months().toString());
		row.add(String.valueOf(o.suspicionScore()));
		row.add(String.join(",", listed.registers()));
		row.add(o.longitude() == null ? "" : o.longitude().toString());
		row.add(o.latitude() == null ? "" : o.latitude().toString());
		row.add(o.demo() ? "ja" : "nee");
		return row;
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
