package be.obmi.buildings.comparison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.obmi.knowledge.KnowledgeRound;
import be.obmi.shared.tabular.SpreadsheetText;
import be.obmi.tenancy.Tenant;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the comparison matrix of a round with the previous round's diff, and its exports
 * (CSV and XLSX, one row per process and city; docs/modules/buildings.md).
 */
@Service
public class ComparisonMatrices {

	/** The export's columns, in order. */
	public static final List<String> COLUMNS = List.of("proces", "proces_naam", "stad", "nis", "ronde", "systeem",
			"leverancier", "koppeling", "object", "kwaliteitsproblemen", "maturiteit", "vorige_ronde", "wijziging",
			"gewijzigde_velden", "vorig_systeem", "vorige_leverancier", "vorige_koppeling", "vorig_object",
			"vorige_kwaliteitsproblemen", "vorige_maturiteit");

	private final ComparisonEntries entries;

	ComparisonMatrices(ComparisonEntries entries) {
		this.entries = entries;
	}

	/**
	 * The matrix of the round with that id, or (null) of the open round, else the latest
	 * closed one; without a round (none known, or an unknown id) the matrix is empty.
	 */
	@Transactional(readOnly = true)
	public ComparisonMatrix of(Long roundId) {
		List<KnowledgeRound> inOrder = entries.roundsInOrder();
		int index = -1;
		for (int i = 0; i < inOrder.size(); i++) {
			KnowledgeRound r = inOrder.get(i);
			if (roundId == null ? r.open() : r.id() == roundId) {
				index = i;
			}
		}
		if (roundId == null && index < 0) {
			index = inOrder.size() - 1;
		}
		KnowledgeRound round = index < 0 ? null : inOrder.get(index);
		KnowledgeRound previous = index > 0 ? inOrder.get(index - 1) : null;
		Map<Long, Map<String, ComparisonEntry>> now = entries.asOf(round);
		Map<Long, Map<String, ComparisonEntry>> before = entries.asOf(previous);
		Map<Long, Map<String, ComparisonMatrix.Cell>> cells = new HashMap<>();
		now.forEach((tenant, rows) -> rows.forEach((process, entry) -> {
			ComparisonEntry old = before.getOrDefault(tenant, Map.of()).get(process);
			List<String> changed = old == null ? List.of() : entry.state().changedFrom(old.state());
			ComparisonMatrix.Change change = old == null ? ComparisonMatrix.Change.NEW
					: entry.roundId() != round.id() ? ComparisonMatrix.Change.CARRIED
							: changed.isEmpty() ? ComparisonMatrix.Change.CONFIRMED : ComparisonMatrix.Change.CHANGED;
			cells.computeIfAbsent(tenant, t -> new HashMap<>())
				.put(process, new ComparisonMatrix.Cell(entry, old, change, changed));
		}));
		return new ComparisonMatrix(round, previous, entries.processes(), entries.cities(), cells);
	}

	/** The export's rows: one per process and city that has a row. */
	public List<List<String>> rows(ComparisonMatrix matrix) {
		List<List<String>> rows = new ArrayList<>();
		for (BuildingProcess process : matrix.processes()) {
			for (Tenant city : matrix.cities()) {
				ComparisonMatrix.Cell cell = matrix.cell(city, process);
				if (cell == null) {
					continue;
				}
				ComparisonEntry e = cell.now();
				ComparisonEntry b = cell.before();
				rows.add(List.of(process.code(), process.nameNl(), city.name(), text(city.nisCode()),
						matrix.round().name(), text(e.systemName()), text(e.supplier()), e.registerLink().name(),
						e.linkedObject().name(), text(e.qualityIssues()), number(e.maturity()),
						matrix.previous() == null ? "" : matrix.previous().name(), cell.change().name(),
						String.join(",", cell.changedFields()), b == null ? "" : text(b.systemName()),
						b == null ? "" : text(b.supplier()), b == null ? "" : b.registerLink().name(),
						b == null ? "" : b.linkedObject().name(), b == null ? "" : text(b.qualityIssues()),
						b == null ? "" : number(b.maturity())));
			}
		}
		return rows;
	}

	/** The matrix as a {@code ;} CSV in UTF-8 with BOM. */
	public byte[] csv(ComparisonMatrix matrix) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(out)) {
			csv.writeRecord(COLUMNS);
			for (List<String> row : rows(matrix)) {
				csv.writeRecord(row.stream().map(SpreadsheetText::neutralised).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The matrix as an XLSX workbook with one sheet. */
	public byte[] xlsx(ComparisonMatrix matrix) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("vergelijking");
			write(sheet.createRow(0), COLUMNS);
			int n = 1;
			for (List<String> row : rows(matrix)) {
				write(sheet.createRow(n++), row);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Row row, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			row.createCell(i).setCellValue(values.get(i));
		}
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static String number(Integer value) {
		return value == null ? "" : value.toString();
	}

}
