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
import java.util.Arrays;
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
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.plan.domain.ItemType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a plan in the import format ({@code docs/formats/plan-import.md}): the same
 * columns, so that exporting and importing again changes nothing, followed by the
 * published state of each item ({@link #PROGRESS_COLUMNS}: the round, status and progress
 * of the latest published update, and progress rolled up by the one rule of
 * {@link PlanTree}), which the import ignores. CSV is UTF-8 with BOM and {@code ;}, as
 * Excel in Flanders expects. The CSV kept with each plan version ({@link #csvText}) is
 * the export as it was then.
 */
@Service
public class PlanExport {

	/** The columns of the plan file, in order. */
	public static final List<String> COLUMNS = List.of("code", "type", "bovenliggende_code", "titel", "omschrijving",
			"prioritair", "beleidsveld", "politiek_verantwoordelijke", "ambtelijk_verantwoordelijke", "startdatum",
			"einddatum");

	/**
	 * The optional columns of the plan file after {@link #COLUMNS}, for releases (and the
	 * realised date of projects); empty for items.
	 */
	public static final List<String> WORK_COLUMNS = List.of(ProjectReleaseRows.ACTUAL, ProjectReleaseRows.STATUS);

	/**
	 * The columns after {@link #WORK_COLUMNS} in an export: the round of the latest
	 * published update of an action, its status, and the item's progress in percent by
	 * the one roll-up rule (empty without a published update under it); and on how many
	 * actions that progress is based. The import ignores them.
	 */
	public static final List<String> PROGRESS_COLUMNS = List.of("ronde", "status", "voortgang", "voortgang_basis");

	private final PlanItems items;

	private final StatusRounds rounds;

	private final ProjectReleaseRows work;

	PlanExport(PlanItems items, StatusRounds rounds, ProjectReleaseRows work) {
		this.work = work;
		this.items = items;
		this.rounds = rounds;
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
			List<String> columns = exportColumns();
			for (int c = 0; c < columns.size(); c++) {
				header.createCell(c).setCellValue(columns.get(c));
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

	/** The header of an export: the plan's columns, then the published state. */
	static List<String> exportColumns() {
		List<String> columns = new ArrayList<>(COLUMNS);
		columns.addAll(WORK_COLUMNS);
		columns.addAll(PROGRESS_COLUMNS);
		return columns;
	}

	private static void write(List<List<String>> rows, Writer writer) {
		try (CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(writer)) {
			csv.writeRecord(exportColumns());
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
	 * plans each followed by their actions, each with its published state
	 * ({@link #PROGRESS_COLUMNS}) and followed by its projects and releases.
	 */
	List<List<String>> rows(Plan plan) {
		if (plan == null) {
			return List.of();
		}
		List<PlanItem> all = items.all(plan);
		PlanTree tree = new PlanTree(all, rounds.latest(plan, true));
		Map<Long, String> codes = all.stream().collect(Collectors.toMap(PlanItem::id, PlanItem::code));
		Map<Long, List<PlanItem>> children = all.stream()
			.filter(i -> i.parentId() != null)
			.collect(Collectors.groupingBy(PlanItem::parentId));
		Map<Long, List<Map<String, String>>> workRows = work.export(plan);
		List<List<String>> rows = new ArrayList<>();
		all.stream()
			.filter(i -> i.parentId() == null)
			.forEach(root -> addTree(root, children, codes, tree, workRows, rows));
		return rows;
	}

	private static void addTree(PlanItem item, Map<Long, List<PlanItem>> children, Map<Long, String> codes,
			PlanTree tree, Map<Long, List<Map<String, String>>> workRows, List<List<String>> rows) {
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
		WORK_COLUMNS.forEach(c -> row.add(null));
		row.addAll(progress(tree.node(item.id())));
		rows.add(row);
		workRows.getOrDefault(item.id(), List.of())
			.forEach(w -> rows.add(exportColumns().stream().map(w::get).toList()));
		children.getOrDefault(item.id(), List.of())
			.forEach(child -> addTree(child, children, codes, tree, workRows, rows));
	}

	/**
	 * Round, status (the Dutch word of the files, as in the status import) and progress
	 * of the latest published update, and the rolled-up progress with its basis ("3 van
	 * 5").
	 */
	private static List<String> progress(PlanTree.Node node) {
		StatusUpdate published = node.published();
		boolean action = node.item().type() == ItemType.AC;
		return Arrays.asList(action && published != null ? published.roundName() : null,
				action && published != null ? published.status().label() : null,
				node.progress() == null ? null : String.valueOf(node.progress()),
				node.countedActions() + " van " + node.actionCount());
	}

}
