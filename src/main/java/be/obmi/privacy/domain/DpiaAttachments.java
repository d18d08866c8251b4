package be.obmi.privacy.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The signed DPIA: one PDF per DPIA (a new upload replaces it), recognised from its bytes
 * (Apache Tika), never from the name or the browser's content type, and at most
 * {@code obmi.privacy.dpia.attachment-max-size} (default 10MB).
 */
@Service
public class DpiaAttachments {

	public static final String PDF = "application/pdf";

	private static final Tika TIKA = new Tika();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Dpias dpias;

	private final long maxSize;

	DpiaAttachments(JdbcClient jdbc, AuditTrail audit, Dpias dpias,
			@Value("${obmi.privacy.dpia.attachment-max-size:10MB}") DataSize maxSize) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.dpias = dpias;
		this.maxSize = maxSize.toBytes();
	}

	/** What is known of the stored file. */
	public record Info(String filename, int size, String uploadedBy, OffsetDateTime uploadedAt) {
	}

	/** The stored file. */
	public record Content(String filename, byte[] bytes) {
	}

	@Transactional(readOnly = true)
	public Optional<Info> info(Tenant tenant, long dpiaId) {
		return jdbc.sql(
				"select filename, size, uploaded_by, uploaded_at from privacy.dpia_attachment where dpia_id = ? and tenant_id = ?")
			.params(dpiaId, tenant.id())
			.query(Info.class)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Content> content(Tenant tenant, long dpiaId) {
		return jdbc
			.sql("select filename, content as bytes from privacy.dpia_attachment where dpia_id = ? and tenant_id = ?")
			.params(dpiaId, tenant.id())
			.query(Content.class)
			.optional();
	}

	/**
	 * Stores the signed DPIA.
	 * @throws RefusedValueException for an empty or too large file or one that is no PDF
	 */
	@Transactional
	public void attach(Tenant tenant, long dpiaId, String filename, byte[] bytes, String actor) {
		Dpia dpia = dpias.require(tenant, dpiaId);
		if (bytes == null || bytes.length == 0) {
			throw new RefusedValueException(Reason.of("privacy.refused.dpia.attachmentEmpty"));
		}
		if (bytes.length > maxSize) {
			throw new RefusedValueException(Reason.of("privacy.refused.dpia.attachmentTooLarge", maxSize / 1_048_576));
		}
		if (!PDF.equals(detect(bytes))) {
			throw new RefusedValueException(Reason.of("privacy.refused.dpia.attachmentNotPdf"));
		}
		String name = name(filename);
		jdbc.sql("""
				insert into privacy.dpia_attachment (dpia_id, tenant_id, filename, size, content, uploaded_by)
				values (?, ?, ?, ?, ?, ?)
				on conflict (dpia_id) do update set filename = excluded.filename, size = excluded.size,
				  content = excluded.content, uploaded_by = excluded.uploaded_by, uploaded_at = now()""")
			.params(dpiaId, tenant.id(), name, bytes.length, bytes, actor)
			.update();
		audit.updated(tenant.id(), "dpia", String.valueOf(dpiaId), dpia.title(),
				List.of(FieldChange.between("ondertekend document", null, name)));
	}

	private static String detect(byte[] bytes) {
		try {
			return TIKA.detect(new ByteArrayInputStream(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String name(String filename) {
		String base = filename == null ? ""
				: filename.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}]", "").strip();
		if (base.isEmpty()) {
			base = "dpia.pdf";
		}
		return base.length() > 200 ? base.substring(0, 200) : base;
	}

}
