package be.obmi.plan.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.plan.AttachmentScanner;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Files attached to a status update, stored in the database. A file is stored only when
 * it is not larger than {@code obmi.plan.attachments.max-size} (10 MB unless set), is one
 * of the {@link AttachmentType}s by its bytes, and every {@link AttachmentScanner} passes
 * it; only while the round is open. Who may upload and download is decided by the pages
 * (as for the update itself).
 */
@Service
public class UpdateAttachments {

	private static final Logger log = LoggerFactory.getLogger(UpdateAttachments.class);

	/** An attachment without its bytes, for lists. */
	public record Attachment(long id, long updateId, String filename, String contentType, int sizeBytes,
			String uploadedBy, OffsetDateTime uploadedAt) {
	}

	/** An attachment's bytes with what a download needs. */
	public record Content(String filename, String contentType, byte[] bytes) {
	}

	private static final String SELECT = """
			select id, update_id, filename, content_type, size_bytes, uploaded_by, uploaded_at from plan.update_attachment
			""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final List<AttachmentScanner> scanners;

	private final DataSize maxSize;

	UpdateAttachments(JdbcClient jdbc, AuditTrail audit, List<AttachmentScanner> scanners,
			@Value("${obmi.plan.attachments.max-size:10MB}") DataSize maxSize) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.scanners = scanners;
		this.maxSize = maxSize;
	}

	public DataSize maxSize() {
		return maxSize;
	}

	@Transactional(readOnly = true)
	public List<Attachment> of(Tenant tenant, long updateId) {
		return jdbc.sql(SELECT + "where update_id = ? and tenant_id = ? order by uploaded_at, id")
			.params(updateId, tenant.id())
			.query(Attachment.class)
			.list();
	}

	/** The bytes of an attachment of that update of the tenant. */
	@Transactional(readOnly = true)
	public Optional<Content> content(Tenant tenant, long updateId, long id) {
		return jdbc.sql("""
				select filename, content_type, content from plan.update_attachment
				where id = ? and update_id = ? and tenant_id = ?""")
			.params(id, updateId, tenant.id())
			.query((rs, row) -> new Content(rs.getString("filename"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional();
	}

	/**
	 * Stores a file for an update of an open round.
	 * @throws RefusedValueException for an empty, too large, unknown-kind or refused
	 * file, or an unknown update
	 * @throws RefusedStateException when the round is closed
	 */
	@Transactional
	public Attachment attach(Tenant tenant, long updateId, String originalName, byte[] bytes, String actor) {
		String filename = cleanName(originalName);
		if (bytes == null || bytes.length == 0) {
			throw new RefusedValueException(Reason.of("plan.refused.attachmentEmpty"));
		}
		if (bytes.length > maxSize.toBytes()) {
			throw new RefusedValueException(
					Reason.of("plan.refused.attachmentTooLarge", filename, maxSize.toMegabytes()));
		}
		AttachmentType type = AttachmentType.sniff(filename, bytes)
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.attachmentType", filename)));
		OpenUpdates.requireOpen(jdbc, tenant, updateId);
		for (AttachmentScanner scanner : scanners) {
			AttachmentScanner.Verdict verdict = scanner.scan(filename, bytes);
			if (verdict == null || !verdict.clean()) {
				log.warn("Attachment {} for update {} refused by {}: {}", filename, updateId,
						scanner.getClass().getSimpleName(), verdict == null ? "no verdict" : verdict.finding());
				throw new RefusedValueException(Reason.of("plan.refused.attachmentScan", filename));
			}
		}
		long id = jdbc
			.sql("""
					insert into plan.update_attachment (tenant_id, update_id, filename, content_type, size_bytes, content, uploaded_by)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), updateId, filename, type.contentType(), bytes.length, bytes, actor)
			.query(Long.class)
			.single();
		audit.created(tenant.id(), "updatebijlage", String.valueOf(id), filename,
				List.of(FieldChange.added("update", updateId), FieldChange.added("bestand", filename),
						FieldChange.added("type", type.contentType()), FieldChange.added("bytes", bytes.length)));
		return jdbc.sql(SELECT + "where id = ? and tenant_id = ?")
			.params(id, tenant.id())
			.query(Attachment.class)
			.single();
	}

	/** The name without a path or control characters, at most 200 characters. */
	static String cleanName(String name) {
		String base = name == null ? "" : name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (base.isEmpty()) {
			base = "bijlage";
		}
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

}
