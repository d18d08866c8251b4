package be.obmi.plan.importing;

import be.obmi.shared.tabular.SpreadsheetText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a plan in the import format ({@code docs/formats/plan-import.md}): the same
 * columns, so that exporting and importing again changes nothing. CSV is UTF-8 with BOM
 * and {@code ;}, as Excel in Flanders expects.
 */
@Service
public class PlanExport {

	/** The columns of the plan file, in order. */
	public static final List<String> COLUMNS = List.of("code", "type", "bovenliggende_code", "titel", "omschrijving",
			"prioritair", "beleidsveld", "politiek_verantwoordelijke", "ambtelijk_verantwoordelijke", "startdatum",
			"einddatum");

	private final PlanItems items;

	PlanExport(PlanItems items) {
		this.items = items;
	}

	@Transactional(readOnly = true)
	public byte[] csv(Plan plan) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
			write(rows(plan), writer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The plan as CSV text (kept with every plan version). */
	@Transactional(readOnly = true)
	public String csvText(Plan plan) {
		StringWriter writer = new StringWriter();
		write(rows(plan), writer);
		return writer.toString();
	}

	@Transactional(readOnly = true)
	public byte[] xlsx(Plan plan) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("meerjarenplan");
			int r = 0;
			Row header = sheet.createRow(r++);
			for (int c = 0; c < COLUMNS.size(); c++) {
				header.createCell(c).setCellValue(COLUMNS.get(c));
			}
			for (List<String> values : rows(plan)) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					if (values.get(c) != null && !values.get(c).isEmpty()) {
						row.createCell(c).setCellValue(values.get(c));
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(List<List<String>> rows, Writer writer) {
		try (CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(writer)) {
			csv.writeRecord(COLUMNS);
			for (List<String> row : rows) {
				csv.writeRecord(row.stream().map(v -> v == null ? "" : SpreadsheetText.neutralised(v)).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Items in tree order (none for a tenant without plan): each goal, then its action
	 * plans each followed by their actions.
	 */
	List<List<String>> rows(Plan plan) {
		if (plan == null) {
			return List.of();
		}
		List<PlanItem> all = items.all(plan);
		Map<Long, String> codes = all.stream().collect(Collectors.toMap(PlanItem::id, PlanItem::code));
		Map<Long, List<PlanItem>> children = all.stream()
			.filter(i -> i.parentId() != null)
			.collect(Collectors.groupingBy(PlanItem::parentId));
		List<List<String>> rows = new ArrayList<>();
		all.stream().filter(i -> i.parentId() == null).forEach(root -> addTree(root, children, codes, rows));
		return rows;
	}

	private static void addTree(PlanItem item, Map<Long, List<PlanItem>> children, Map<Long, String> codes,
			List<List<String>> rows) {
		List<String> row = new ArrayList<>();
		row.add(item.code());
		row.add(item.type().name());
		row.add(item.parentId() == null ? null : codes.get(item.parentId()));
		row.add(item.title());
		row.add(item.description());
		row.add(item.priority() ? "ja" : "nee");
		row.add(item.policyField());
		row.add(item.politicalOwner());
		row.add(item.administrativeOwner());
		row.add(item.startDate() == null ? null : item.startDate().toString());
		row.add(item.endDate() == null ? null : item.endDate().toString());
		rows.add(row);
		children.getOrDefault(item.id(), List.of()).forEach(child -> addTree(child, children, codes, rows));
	}

}
