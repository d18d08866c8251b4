package be.obmi.plan.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import be.obmi.plan.domain.ItemStatus;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The council report as a Word document (DOCX), since councils edit the text before it
 * goes out: the same content as the PDF ({@link ReportContent}) as editable headings,
 * paragraphs and tables — a cover in the city's colour, a table of contents (a Word field
 * that the word processor fills with page numbers on opening, listing the sections until
 * then), the summary, the priority items, finance, assumptions and risks.
 */
@Component
class ReportDocx {

	private static final String HEADING_1 = "Heading1";

	private static final String HEADING_2 = "Heading2";

	private final MessageSource messages;

	ReportDocx(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(ReportContent.Report content, Locale locale) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFStyles styles = document.createStyles();
			heading(styles, HEADING_1, "heading 1", 32);
			heading(styles, HEADING_2, "heading 2", 26);
			cover(document, content, locale);
			contents(document, content, locale);
			summary(document, content, locale);
			items(document, content, locale);
			finance(document, content, locale);
			section(document, msg(locale, "plan.report.assumptions"),
					text(content.report().round().changedAssumptions(), locale));
			section(document, msg(locale, "plan.report.risks"), text(content.report().round().changedRisks(), locale));
			document.enforceUpdateFields();
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void cover(XWPFDocument document, ReportContent.Report content, Locale locale) {
		String colour = content.colour().substring(1).toUpperCase(Locale.ROOT);
		XWPFParagraph city = document.createParagraph();
		city.setSpacingBefore(2400);
		XWPFRun name = city.createRun();
		name.setText(content.tenant().name());
		name.setBold(true);
		name.setFontSize(28);
		name.setColor(colour);
		XWPFParagraph title = document.createParagraph();
		XWPFRun heading = title.createRun();
		heading.setText(msg(locale, "plan.report.heading"));
		heading.setFontSize(22);
		line(document, content.report().round().name(), 14, false);
		line(document, msg(locale, "plan.report.reference", content.reference()), 11, false);
		line(document, content.report().plan().name(), 11, false);
		line(document, msg(locale, "plan.report.made", content.made()), 9, false);
		document.createParagraph().createRun().addBreak(BreakType.PAGE);
	}

	/**
	 * A TOC field over the two heading levels; until the word processor updates it, its
	 * result lists the sections and goals.
	 */
	private void contents(XWPFDocument document, ReportContent.Report content, Locale locale) {
		line(document, msg(locale, "plan.report.contents"), 16, true);
		List<String> entries = new ArrayList<>();
		entries.add(msg(locale, "plan.report.summary"));
		entries.add(msg(locale, "plan.report.priorityStatus"));
		content.goals().forEach(goal -> entries.add("    " + goal.code() + " " + goal.title()));
		entries.add(msg(locale, "plan.report.finance"));
		entries.add(msg(locale, "plan.report.assumptions"));
		entries.add(msg(locale, "plan.report.risks"));
		CTSimpleField field = document.createParagraph().getCTP().addNewFldSimple();
		field.setInstr("TOC \\o \"1-2\" \\h \\z \\u");
		for (int i = 0; i < entries.size(); i++) {
			var run = field.addNewR();
			if (i > 0) {
				run.addNewBr();
			}
			run.addNewT().setStringValue(entries.get(i));
		}
		document.createParagraph().createRun().addBreak(BreakType.PAGE);
	}

	private void summary(XWPFDocument document, ReportContent.Report content, Locale locale) {
		heading(document, HEADING_1, msg(locale, "plan.report.summary"));
		var tree = content.report().tree();
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { msg(locale, "plan.report.planProgress"),
				(tree.progress() == null ? msg(locale, "plan.progress.none") : tree.progress() + " %") + " ("
						+ msg(locale, "plan.progress.basis", tree.countedActions(), tree.actionCount()) + ")" });
		rows.add(new String[] { msg(locale, "plan.report.priorityActions"),
				String.valueOf(content.report().priorityActionCount()) });
		for (ItemStatus status : content.statuses()) {
			rows.add(new String[] { msg(locale, status.messageKey()),
					String.valueOf(content.report().priorityStatusCounts().getOrDefault(status, 0)) });
		}
		table(document, null, rows);
	}

	private void items(XWPFDocument document, ReportContent.Report content, Locale locale) {
		heading(document, HEADING_1, msg(locale, "plan.report.priorityStatus"));
		for (ReportContent.Item item : content.items()) {
			if ("bd".equals(item.css())) {
				heading(document, HEADING_2, item.code() + " " + item.title());
			}
			else {
				line(document, item.code() + " " + item.title(), 11, true);
			}
			List<String[]> rows = new ArrayList<>();
			rows.add(new String[] { msg(locale, "plan.col.status"), item.status() });
			rows.add(new String[] { msg(locale, "plan.col.progress"),
					item.progress() == null ? msg(locale, "plan.progress.noneLong") : item.progress() + " %" });
			if (item.narrative() != null) {
				rows.add(new String[] { msg(locale, "plan.update.narrative"), item.narrative() });
			}
			if (item.bottlenecks() != null) {
				rows.add(new String[] { msg(locale, "plan.update.bottlenecks"), item.bottlenecks() });
			}
			table(document, null, rows);
			if (!item.indicators().isEmpty()) {
				List<String[]> indicators = new ArrayList<>();
				item.indicators()
					.forEach(i -> indicators.add(new String[] { i.name(), i.baseline(), i.latest(), i.target() }));
				table(document,
						new String[] { msg(locale, "plan.indicator.name"), msg(locale, "plan.indicator.baseline"),
								msg(locale, "plan.indicator.latest"), msg(locale, "plan.indicator.target") },
						indicators);
			}
		}
	}

	private void finance(XWPFDocument document, ReportContent.Report content, Locale locale) {
		heading(document, HEADING_1, msg(locale, "plan.report.finance"));
		if (content.finance() == null) {
			line(document, msg(locale, "plan.report.noFinance"), 11, false);
			return;
		}
		line(document, msg(locale, "plan.report.finance.caption", content.report().finance().year()), 11, true);
		List<String[]> rows = content.finance()
			.stream()
			.map(r -> new String[] { r.label(), r.expenditureEstimate(), r.expenditureRealisation(), r.rate(),
					r.receiptsEstimate(), r.receiptsRealisation() })
			.toList();
		table(document,
				new String[] { msg(locale, "plan.report.finance.item"), msg(locale, "plan.report.finance.expEstimate"),
						msg(locale, "plan.report.finance.expRealisation"), msg(locale, "plan.report.finance.rate"),
						msg(locale, "plan.report.finance.recEstimate"),
						msg(locale, "plan.report.finance.recRealisation") },
				rows);
		line(document, msg(locale, "plan.report.finance.note"), 9, false);
	}

	private void section(XWPFDocument document, String title, String text) {
		heading(document, HEADING_1, title);
		line(document, text, 11, false);
	}

	private String text(String value, Locale locale) {
		return value == null || value.isBlank() ? msg(locale, "plan.report.nothing") : value;
	}

	private static void heading(XWPFDocument document, String style, String text) {
		XWPFParagraph paragraph = document.createParagraph();
		paragraph.setStyle(style);
		paragraph.createRun().setText(text);
	}

	private static void line(XWPFDocument document, String text, int size, boolean bold) {
		XWPFParagraph paragraph = document.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.LEFT);
		XWPFRun run = paragraph.createRun();
		run.setText(text);
		run.setFontSize(size);
		run.setBold(bold);
	}

	/** A table with an optional bold header row. */
	private static void table(XWPFDocument document, String[] header, List<String[]> rows) {
		int columns = header != null ? header.length : rows.getFirst().length;
		XWPFTable table = document.createTable(rows.size() + (header == null ? 0 : 1), columns);
		table.setWidth("100%");
		int r = 0;
		if (header != null) {
			fill(table.getRow(r++), header, true);
		}
		for (String[] row : rows) {
			fill(table.getRow(r++), row, false);
		}
		document.createParagraph();
	}

	private static void fill(XWPFTableRow row, String[] cells, boolean bold) {
		for (int c = 0; c < cells.length; c++) {
			XWPFRun run = row.getCell(c).getParagraphs().getFirst().createRun();
			run.setText(cells[c] == null ? "—" : cells[c]);
			run.setBold(bold);
		}
	}

	/** A paragraph style a TOC field picks up: a heading of the given outline level. */
	private static void heading(XWPFStyles styles, String id, String name, int halfPoints) {
		CTStyle style = CTStyle.Factory.newInstance();
		style.setStyleId(id);
		style.setType(STStyleType.PARAGRAPH);
		style.addNewName().setVal(name);
		style.addNewBasedOn().setVal("Normal");
		style.addNewQFormat();
		var run = style.addNewRPr();
		run.addNewB();
		run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
		styles.addStyle(new XWPFStyle(style, styles));
	}

	private String msg(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
