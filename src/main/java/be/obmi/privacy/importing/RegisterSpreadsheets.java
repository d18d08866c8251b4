package be.obmi.privacy.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import be.obmi.privacy.domain.RegisterReading;
import be.obmi.shared.tabular.SpreadsheetText;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole register as XLSX (sheet {@code verwerkingen}: an activity a row with a column
 * per field; sheet {@code versies}: every version) and as CSV (the activities; UTF-8 with
 * BOM and {@code ;}, formulas neutralised by {@link SpreadsheetText}). XLSX cells are
 * string cells, which a spreadsheet never evaluates.
 */
@Service
public class RegisterSpreadsheets {

	private final RegisterReading reading;

	RegisterSpreadsheets(RegisterReading reading) {
		this.reading = reading;
	}

	@Transactional(readOnly = true)
	public byte[] xlsx(Tenant tenant) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			sheet(workbook.createSheet("verwerkingen"), RegisterRows.activityHeader(),
					reading.all(tenant).stream().map(RegisterRows::activity).toList());
			sheet(workbook.createSheet("versies"), RegisterRows.versionHeader(),
					reading.versions(tenant).stream().map(RegisterRows::version).toList());
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Transactional(readOnly = true)
	public byte[] csv(Tenant tenant) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CsvWriter csv = CsvWriter.builder()
					.fieldSeparator(';')
					.lineDelimiter(LineDelimiter.CRLF)
					.build(writer)) {
			csv.writeRecord(RegisterRows.activityHeader());
			for (var activity : reading.all(tenant)) {
				csv.writeRecord(RegisterRows.activity(activity)
					.stream()
					.map(v -> v == null ? "" : SpreadsheetText.neutralised(v))
					.toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void sheet(Sheet sheet, List<String> header, List<List<String>> rows) {
		Row first = sheet.createRow(0);
		for (int c = 0; c < header.size(); c++) {
			first.createCell(c).setCellValue(header.get(c));
		}
		int r = 1;
		for (List<String> values : rows) {
			Row row = sheet.createRow(r++);
			for (int c = 0; c < values.size(); c++) {
				if (values.get(c) != null && !values.get(c).isEmpty()) {
					row.createCell(c).setCellValue(values.get(c));
				}
			}
		}
		sheet.createFreezePane(0, 1);
	}

}
