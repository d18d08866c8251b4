package be.obmi.privacy.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
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
 * The processor agreements of a tenant: listed, added, edited, with their linked
 * activities and the signed document (a PDF by its content, at most
 * {@code obmi.privacy.agreement-document-max-size}, 10 MB unless set). Every query is
 * bound to the tenant.
 */
@Service
public class Agreements {

	/** The signed document's bytes with what a download needs. */
	public record Document(String filename, byte[] bytes) {
	}

	private static final String SELECT = """
			select id, counterparty, kbo_number, city_role, template, signed_on, start_on, end_on, renewal_on,
			       sub_processors, transfer_country, transfer_safeguard, document_name, document_size, demo, version
			from privacy.processor_agreement
			""";

	private static final Tika TIKA = new Tika();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final CaseActivities activities;

	private final int reminderDays;

	private final DataSize maxDocumentSize;

	Agreements(JdbcClient jdbc, AuditTrail audit, CaseActivities activities,
			@Value("${obmi.privacy.agreement-reminder-days:30}") int reminderDays,
			@Value("${obmi.privacy.agreement-document-max-size:10MB}") DataSize maxDocumentSize) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.activities = activities;
		this.reminderDays = reminderDays;
		this.maxDocumentSize = maxDocumentSize;
	}

	/** How many days before its end an agreement counts as expiring. */
	public int reminderDays() {
		return reminderDays;
	}

	public DataSize maxDocumentSize() {
		return maxDocumentSize;
	}

	@Transactional(readOnly = true)
	public List<Agreement> of(Tenant tenant) {
		return jdbc.sql(SELECT + "where tenant_id = ? order by end_on nulls last, lower(counterparty), id")
			.param(tenant.id())
			.query(Agreement.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Agreement> byId(Tenant tenant, long id) {
		return jdbc.sql(SELECT + "where id = ? and tenant_id = ?")
			.params(id, tenant.id())
			.query(Agreement.class)
			.optional();
	}

	/** The signed agreements of the tenant that end between the two days (inclusive). */
	@Transactional(readOnly = true)
	public List<Agreement> ending(Tenant tenant, LocalDate from, LocalDate to) {
		return jdbc
			.sql(SELECT
					+ "where tenant_id = ? and signed_on is not null and end_on between ? and ? order by end_on, id")
			.params(tenant.id(), from, to)
			.query(Agreement.class)
			.list();
	}

	@Transactional(readOnly = true)
	public List<CaseActivities.Choice> activities(Tenant tenant, long id) {
		return activities.of(tenant, CaseActivities.Link.AGREEMENT, id);
	}

	/**
	 * Adds an agreement; returns its id.
	 * @throws RefusedValueException for a wrong KBO number, dates out of order, a bad
	 * sub-processor line or an activity of another tenant
	 */
	@Transactional
	public long create(Tenant tenant, AgreementForm form, boolean demo) {
		String kbo = check(form);
		long id = jdbc
			.sql("""
					insert into privacy.processor_agreement (tenant_id, counterparty, kbo_number, city_role, template, signed_on,
					  start_on, end_on, renewal_on, sub_processors, transfer_country, transfer_safeguard, demo)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), form.counterparty().strip(), kbo, form.cityRole(), blank(form.template()),
					form.signedOn(), form.startOn(), form.endOn(), form.renewalOn(), lines(form.subProcessors()),
					blank(form.transferCountry()), blank(form.transferSafeguard()), demo)
			.query(Long.class)
			.single();
		activities.replace(tenant, CaseActivities.Link.AGREEMENT, id, form.activityIds());
		Agreement created = byId(tenant, id).orElseThrow();
		audit.created(tenant.id(), "verwerkersovereenkomst", String.valueOf(id), created.counterparty(),
				Changes.between(null, created, "id", "version", "documentSize"));
		return id;
	}

	/**
	 * Saves an edit made on the agreement as it was at {@code form.version()}.
	 * @throws ConcurrentChangeException when someone else saved it meanwhile
	 */
	@Transactional
	public Agreement update(Tenant tenant, long id, AgreementForm form) {
		String kbo = check(form);
		Agreement before = byId(tenant, id)
			.orElseThrow(() -> new ConcurrentChangeException(Reason.of("privacy.refused.agreementGone")));
		int rows = jdbc.sql("""
				update privacy.processor_agreement set counterparty = ?, kbo_number = ?, city_role = ?, template = ?,
				  signed_on = ?, start_on = ?, end_on = ?, renewal_on = ?, sub_processors = ?, transfer_country = ?,
				  transfer_safeguard = ?, version = version + 1
				where id = ? and tenant_id = ? and version = ?""")
			.params(form.counterparty().strip(), kbo, form.cityRole(), blank(form.template()), form.signedOn(),
					form.startOn(), form.endOn(), form.renewalOn(), lines(form.subProcessors()),
					blank(form.transferCountry()), blank(form.transferSafeguard()), id, tenant.id(), form.version())
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.agreementChanged", before.counterparty()));
		}
		activities.replace(tenant, CaseActivities.Link.AGREEMENT, id, form.activityIds());
		Agreement after = byId(tenant, id).orElseThrow();
		audit.updated(tenant.id(), "verwerkersovereenkomst", String.valueOf(id), after.counterparty(),
				Changes.between(before, after, "version"));
		return after;
	}

	/**
	 * Stores the signed document of an agreement, replacing an earlier one.
	 * @throws RefusedValueException for an empty or too large file, or one that is no PDF
	 * by its content
	 */
	@Transactional
	public void attach(Tenant tenant, long id, String originalName, byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new RefusedValueException(Reason.of("privacy.refused.documentEmpty"));
		}
		if (bytes.length > maxDocumentSize.toBytes()) {
			throw new RefusedValueException(
					Reason.of("privacy.refused.documentTooLarge", maxDocumentSize.toMegabytes()));
		}
		if (!"application/pdf".equals(TIKA.detect(bytes))) {
			throw new RefusedValueException(Reason.of("privacy.refused.documentNotPdf"));
		}
		String filename = filename(originalName);
		Agreement agreement = byId(tenant, id)
			.orElseThrow(() -> new RefusedValueException(Reason.of("privacy.refused.agreementGone")));
		jdbc.sql(
				"""
						update privacy.processor_agreement set document_name = ?, document = ?, document_size = ?, version = version + 1
						where id = ? and tenant_id = ?""")
			.params(filename, bytes, bytes.length, id, tenant.id())
			.update();
		audit.updated(tenant.id(), "verwerkersovereenkomst", String.valueOf(id), agreement.counterparty(),
				List.of(FieldChange.between("document", agreement.documentName(), filename)));
	}

	@Transactional(readOnly = true)
	public Optional<Document> document(Tenant tenant, long id) {
		return jdbc.sql("""
				select document_name, document from privacy.processor_agreement
				where id = ? and tenant_id = ? and document is not null""")
			.params(id, tenant.id())
			.query((rs, row) -> new Document(rs.getString("document_name"), rs.getBytes("document")))
			.optional();
	}

	private static String check(AgreementForm form) {
		if (form.startOn() != null && form.endOn() != null && !form.endOn().isAfter(form.startOn())) {
			throw new RefusedValueException(Reason.of("privacy.refused.endBeforeStart"));
		}
		String lines = lines(form.subProcessors());
		if (lines != null) {
			for (String line : lines.split("\n")) {
				int semicolon = line.indexOf(';');
				if (semicolon <= 0 || line.substring(semicolon + 1).isBlank()
						|| line.indexOf(';', semicolon + 1) >= 0) {
					throw new RefusedValueException(Reason.of("privacy.refused.subProcessorLine", line));
				}
			}
		}
		return kbo(form.kboNumber());
	}

	/**
	 * A KBO/BCE enterprise number as ten digits, or null when none is given.
	 * @throws RefusedValueException when it is not ten digits starting with 0 or 1 whose
	 * last two are 97 minus the first eight modulo 97
	 */
	static String kbo(String input) {
		if (input == null || input.isBlank()) {
			return null;
		}
		String digits = input.replaceAll("[\\s.]", "");
		if (digits.startsWith("BE") || digits.startsWith("be")) {
			digits = digits.substring(2);
		}
		if (digits.length() == 9) {
			digits = "0" + digits;
		}
		if (!KboNumber.valid(digits)) {
			throw new RefusedValueException(Reason.of("privacy.refused.kboNumber", input.strip()));
		}
		return digits;
	}

	/** The non-blank lines, stripped, one per line; null when there are none. */
	private static String lines(String text) {
		if (text == null) {
			return null;
		}
		List<String> lines = new ArrayList<>();
		for (String line : text.split("\\R")) {
			if (!line.isBlank()) {
				lines.add(line.strip());
			}
		}
		return lines.isEmpty() ? null : String.join("\n", lines);
	}

	static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String filename(String name) {
		String base = name == null ? "" : name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (base.isEmpty()) {
			base = "overeenkomst.pdf";
		}
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

}
