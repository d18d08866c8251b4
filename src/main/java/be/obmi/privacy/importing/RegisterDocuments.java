package be.obmi.privacy.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import be.obmi.shared.InvisibleCharacters;
import be.obmi.shared.PdfDocuments;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register as a document for the DPA or an audit: DOCX (Apache POI XWPF, editable)
 * and PDF (the template {@code privacy/register-pdf.html} through {@link PdfDocuments}),
 * both from {@link RegisterDocument}: a title, then per activity a heading and a table of
 * its state and all its fields.
 */
@Service
public class RegisterDocuments {

	private final RegisterDocument document;

	private final PdfDocuments pdfs;

	private final MessageSource messages;

	RegisterDocuments(RegisterDocument document, PdfDocuments pdfs, MessageSource messages) {
		this.document = document;
		this.pdfs = pdfs;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public byte[] pdf(Tenant tenant, Locale locale) {
		RegisterDocument.Content content = document.of(tenant, locale);
		return pdfs.render("privacy/register-pdf", locale,
				Map.of("tenant", tenant, "made", content.made(), "sections", content.sections()));
	}

	@Transactional(readOnly = true)
	public byte[] docx(Tenant tenant, Locale locale) {
		RegisterDocument.Content content = document.of(tenant, locale);
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			paragraph(doc, messages.getMessage("privacy.export.document.title", new Object[] { tenant.name() }, locale),
					20, true);
			paragraph(doc, messages.getMessage("privacy.export.document.made",
					new Object[] { content.made().toString() }, locale), 10, false);
			for (RegisterDocument.Section section : content.sections()) {
				paragraph(doc, section.name(), 14, true);
				XWPFTable table = doc.createTable(section.lines().size(), 2);
				table.setWidth("100%");
				for (int r = 0; r < section.lines().size(); r++) {
					RegisterDocument.Line line = section.lines().get(r);
					cell(table, r, 0, line.label(), true);
					cell(table, r, 1, line.value(), false);
				}
				doc.createParagraph();
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void paragraph(XWPFDocument doc, String text, int size, boolean bold) {
		XWPFParagraph paragraph = doc.createParagraph();
		XWPFRun run = paragraph.createRun();
		run.setText(InvisibleCharacters.clean(text));
		run.setFontSize(size);
		run.setBold(bold);
	}

	private static void cell(XWPFTable table, int row, int column, String text, boolean bold) {
		XWPFRun run = table.getRow(row).getCell(column).getParagraphs().getFirst().createRun();
		run.setText(InvisibleCharacters.clean(text));
		run.setBold(bold);
	}

}
