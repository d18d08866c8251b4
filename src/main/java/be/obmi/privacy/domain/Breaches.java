package be.obmi.privacy.domain;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.PlausibleDate;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The breach register of a tenant (art. 33(5)). The register is confidential: the pages
 * show it only to the DPO and redacteurs. Every query is bound to the tenant.
 */
@Service
public class Breaches {

	/** The time zone in which people enter and read the times. */
	public static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

	private static final String SELECT = """
			select id, discovered_at, description, nature, subject_categories, subjects_count, records_count,
			       consequences, measures, notified_at, not_notified_reason, inform_subjects, inform_reasoning,
			       informed_on, closed, demo, version
			from privacy.breach
			""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final CaseActivities activities;

	Breaches(JdbcClient jdbc, AuditTrail audit, CaseActivities activities) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.activities = activities;
	}

	/** The tenant's breaches, the latest discovered first. */
	@Transactional(readOnly = true)
	public List<Breach> of(Tenant tenant) {
		return jdbc.sql(SELECT + "where tenant_id = ? order by discovered_at desc, id desc")
			.param(tenant.id())
			.query(Breach.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Breach> byId(Tenant tenant, long id) {
		return jdbc.sql(SELECT + "where id = ? and tenant_id = ?")
			.params(id, tenant.id())
			.query(Breach.class)
			.optional();
	}

	@Transactional(readOnly = true)
	public List<CaseActivities.Choice> activities(Tenant tenant, long id) {
		return activities.of(tenant, CaseActivities.Link.BREACH, id);
	}

	/**
	 * Registers a breach; returns its id.
	 * @throws RefusedValueException for times out of order or a decision without its
	 * reasoning
	 */
	@Transactional
	public long create(Tenant tenant, BreachForm form, boolean demo) {
		check(form);
		long id = jdbc
			.sql("""
					insert into privacy.breach (tenant_id, discovered_at, description, nature, subject_categories, subjects_count,
					  records_count, consequences, measures, notified_at, not_notified_reason, inform_subjects, inform_reasoning,
					  informed_on, closed, demo)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), zoned(form.discoveredAt()), form.description().strip(), form.nature(),
					Agreements.blank(form.subjectCategories()), form.subjectsCount(), form.recordsCount(),
					Agreements.blank(form.consequences()), Agreements.blank(form.measures()), zoned(form.notifiedAt()),
					Agreements.blank(form.notNotifiedReason()), form.informSubjects(),
					Agreements.blank(form.informReasoning()), form.informedOn(), form.closed(), demo)
			.query(Long.class)
			.single();
		activities.replace(tenant, CaseActivities.Link.BREACH, id, form.activityIds());
		Breach created = byId(tenant, id).orElseThrow();
		audit.created(tenant.id(), "datalek", String.valueOf(id), created.title(),
				Changes.between(null, created, "id", "version"));
		return id;
	}

	/**
	 * Saves an edit made on the breach as it was at {@code form.version()}.
	 * @throws ConcurrentChangeException when someone else saved it meanwhile
	 */
	@Transactional
	public Breach update(Tenant tenant, long id, BreachForm form) {
		check(form);
		Breach before = byId(tenant, id)
			.orElseThrow(() -> new ConcurrentChangeException(Reason.of("privacy.refused.breachGone")));
		int rows = jdbc.sql("""
				update privacy.breach set discovered_at = ?, description = ?, nature = ?, subject_categories = ?,
				  subjects_count = ?, records_count = ?, consequences = ?, measures = ?, notified_at = ?,
				  not_notified_reason = ?, inform_subjects = ?, inform_reasoning = ?, informed_on = ?, closed = ?,
				  version = version + 1
				where id = ? and tenant_id = ? and version = ?""")
			.params(zoned(form.discoveredAt()), form.description().strip(), form.nature(),
					Agreements.blank(form.subjectCategories()), form.subjectsCount(), form.recordsCount(),
					Agreements.blank(form.consequences()), Agreements.blank(form.measures()), zoned(form.notifiedAt()),
					Agreements.blank(form.notNotifiedReason()), form.informSubjects(),
					Agreements.blank(form.informReasoning()), form.informedOn(), form.closed(), id, tenant.id(),
					form.version())
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.breachChanged", before.title()));
		}
		activities.replace(tenant, CaseActivities.Link.BREACH, id, form.activityIds());
		Breach after = byId(tenant, id).orElseThrow();
		audit.updated(tenant.id(), "datalek", String.valueOf(id), after.title(),
				Changes.between(before, after, "version"));
		return after;
	}

	private static void check(BreachForm form) {
		plausible(form.discoveredAt());
		plausible(form.notifiedAt());
		if (form.notifiedAt() != null && form.notifiedAt().isBefore(form.discoveredAt())) {
			throw new RefusedValueException(Reason.of("privacy.refused.notifiedBeforeDiscovery"));
		}
		if (form.informSubjects() != null && Agreements.blank(form.informReasoning()) == null) {
			throw new RefusedValueException(Reason.of("privacy.refused.informReasoning"));
		}
		if (form.informedOn() != null && !Boolean.TRUE.equals(form.informSubjects())) {
			throw new RefusedValueException(Reason.of("privacy.refused.informedWithoutDecision"));
		}
	}

	private static void plausible(LocalDateTime time) {
		if (time != null && (time.toLocalDate().isBefore(PlausibleDate.FIRST)
				|| time.toLocalDate().isAfter(PlausibleDate.LAST))) {
			throw new RefusedValueException(Reason.of("privacy.refused.timeRange"));
		}
	}

	static OffsetDateTime zoned(LocalDateTime time) {
		return time == null ? null : time.atZone(BELGIUM).toOffsetDateTime();
	}

	static LocalDateTime local(OffsetDateTime time) {
		return time == null ? null : time.atZoneSameInstant(BELGIUM).toLocalDateTime();
	}

}
