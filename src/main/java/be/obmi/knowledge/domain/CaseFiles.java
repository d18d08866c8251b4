package be.obmi.knowledge.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photos (JPEG, PNG) and files (PDF) of cases, kept in the database. The type is
 * sniffed from the content with Apache Tika and must match the file name's; the text of a
 * PDF is extracted once, at upload, for the search.
 */
@Service
public class CaseFiles {

	/** The largest file accepted. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	static final int MAX_TEXT = 500_000;

	private static final Set<String> PHOTOS = Set.of("image/jpeg", "image/png");

	private static final String PDF = "application/pdf";

	private static final String SELECT = """
			select id, public_id, case_id, field_code, kind, file_name, content_type, size_bytes, uploaded_at
			from knowledge.case_file""";

	private final JdbcClient jdbc;

	private final Tika tika = new Tika();

	CaseFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.tika.setMaxStringLength(MAX_TEXT);
	}

	/** A file's bytes and type, for a download. */
	public record Content(CaseFile file, byte[] bytes) {
	}

	/** The photos and files of a case, the case's own first, then by field and name. */
	@Transactional(readOnly = true)
	public List<CaseFile> of(long caseId) {
		return jdbc.sql(SELECT + " where case_id = ? order by field_code nulls first, kind, file_name, id")
			.param(caseId)
			.query(CaseFile.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Content> content(long caseId, UUID publicId) {
		return jdbc.sql(SELECT + " where case_id = ? and public_id = ?")
			.params(caseId, publicId)
			.query(CaseFile.class)
			.optional()
			.map(file -> new Content(file,
					jdbc.sql("select content from knowledge.case_file where id = ?")
						.param(file.id())
						.query(byte[].class)
						.single()));
	}

	/** The text of all PDFs of a case, for its search document. */
	@Transactional(readOnly = true)
	public String text(long caseId) {
		return String.join("\n",
				jdbc.sql("select text from knowledge.case_file where case_id = ? and text <> '' order by id")
					.param(caseId)
					.query(String.class)
					.list());
	}

	/**
	 * Stores a photo or PDF of a case (for a FILE field when {@code fieldCode} is given).
	 * Callers update the case's search document afterwards.
	 * @throws RefusedValueException for an empty or too large file, a type other than
	 * JPEG, PNG or PDF, or content that is not what the name says
	 */
	@Transactional
	public CaseFile add(long caseId, String fieldCode, String fileName, byte[] bytes, String by) {
		String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
		if (bytes == null || bytes.length == 0 || name.isEmpty() || name.length() > 255) {
			throw new RefusedValueException(Reason.of("knowledge.refused.fileEmpty"));
		}
		if (bytes.length > MAX_BYTES) {
			throw new RefusedValueException(Reason.of("knowledge.refused.fileTooLarge", name, MAX_BYTES / 1024 / 1024));
		}
		String sniffed = tika.detect(bytes);
		String named = tika.detect(name);
		if (!PHOTOS.contains(sniffed) && !PDF.equals(sniffed)) {
			throw new RefusedValueException(Reason.of("knowledge.refused.fileType", name));
		}
		if (!sniffed.equals(named)) {
			throw new RefusedValueException(Reason.of("knowledge.refused.fileMismatch", name));
		}
		String kind = PDF.equals(sniffed) ? "FILE" : "PHOTO";
		String text = PDF.equals(sniffed) ? pdfText(name, bytes) : "";
		long id = jdbc
			.sql("""
					insert into knowledge.case_file (case_id, field_code, kind, file_name, content_type, size_bytes, content,
					    text, uploaded_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(caseId, fieldCode, kind, name, sniffed, bytes.length, bytes, text, by)
			.query(Long.class)
			.single();
		return jdbc.sql(SELECT + " where id = ?").param(id).query(CaseFile.class).single();
	}

	/** Removes a file of a case; false when the case has no such file. */
	@Transactional
	public boolean remove(long caseId, UUID publicId) {
		return jdbc.sql("delete from knowledge.case_file where case_id = ? and public_id = ?")
			.params(caseId, publicId)
			.update() > 0;
	}

	private String pdfText(String name, byte[] bytes) {
		try {
			return tika.parseToString(new ByteArrayInputStream(bytes)).replace('\u0000', ' ').strip();
		}
		catch (IOException | TikaException ex) {
			throw new RefusedValueException(Reason.of("knowledge.refused.fileUnreadable", name));
		}
	}

}
