package be.obmi.privacy.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's register of processing activities (art. 30 GDPR). Every substantive change
 * (any field of {@link ActivityContent}) adds an immutable version with the date it is
 * valid from; older versions stay readable. States: a service drafts and completes an
 * activity (refused while a mandatory field is empty), the tenant's DPO checks and
 * publishes it (refused unless complete and checked); an edit after the check returns it
 * to completed, an edit that leaves a mandatory field empty to draft (and unpublished).
 * Who may take a step is the caller's check (the pages: redacteur edits, DPO checks). The
 * steps' rules are in {@link ActivityWorkflow}, the rows in {@link ActivityRows}. A
 * little over 300 lines because the register's public types ({@link Activity},
 * {@link Header}, {@link ActivityVersion}, {@link HistoryEntry}, {@link Filter}) are
 * declared here, as the other modules and the pages name them.
 */
@Service
public class ProcessingActivities {

	/** The entity type of the audit trail. */
	public static final String ENTITY = "privacy-verwerking";

	/** An activity with the content of its current version. */
	public record Activity(long id, UUID publicId, long tenantId, Register register, Audience audience,
			Long organisationId, String organisationName, OrganisationRole role, ActivityState state, boolean published,
			int currentVersion, Long templateId, Integer templateVersion, boolean demo, int version,
			ActivityContent content, LocalDate validFrom) {

		/** The share of mandatory fields filled, 0 to 100. */
		public int completeness() {
			return Completeness.score(content);
		}

		public List<ActivityField> missing() {
			return Completeness.missing(content);
		}

		public boolean complete() {
			return missing().isEmpty();
		}

		/** The register fields beside the content. */
		public Header header() {
			return new Header(register, audience, organisationId, role);
		}

	}

	/** The fields of an activity that are not versioned content. */
	public record Header(Register register, Audience audience, Long organisationId, OrganisationRole role) {

		public Header {
			register = register == null ? Register.CONTROLLER : register;
			audience = audience == null ? Audience.CITIZENS : audience;
			role = role == null ? OrganisationRole.CONTROLLER : role;
		}

	}

	/** One immutable version of an activity's content. */
	public record ActivityVersion(int number, ActivityContent content, LocalDate validFrom, String createdBy,
			OffsetDateTime createdAt) {
	}

	/** A version with what it changed against the one before (empty for the first). */
	public record HistoryEntry(ActivityVersion version, List<ContentDiff.FieldDifference> changes) {
	}

	/** The register list's filters; null: any. */
	public record Filter(String service, ActivityState state, Register register, Audience audience) {

		public static Filter none() {
			return new Filter(null, null, null, null);
		}

	}

	private final JdbcClient jdbc;

	private final ActivityRows rows;

	private final AuditTrail audit;

	private final LinkedOrganisations organisations;

	private final ActivityWorkflow workflow;

	ProcessingActivities(JdbcClient jdbc, ActivityRows rows, AuditTrail audit, LinkedOrganisations organisations,
			ActivityWorkflow workflow) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.audit = audit;
		this.organisations = organisations;
		this.workflow = workflow;
	}

	/** The tenant's activities matching the filter, by name. */
	@Transactional(readOnly = true)
	public List<Activity> list(Tenant tenant, Filter filter) {
		return rows.list(tenant.id(), filter);
	}

	/** The responsible services named in the tenant's register, for the filter. */
	@Transactional(readOnly = true)
	public List<String> services(Tenant tenant) {
		return rows.services(tenant.id());
	}

	@Transactional(readOnly = true)
	public Optional<Activity> find(Tenant tenant, UUID publicId) {
		return rows.find(tenant.id(), publicId);
	}

	/**
	 * @throws NotFoundException when the tenant has no such activity
	 */
	@Transactional(readOnly = true)
	public Activity require(Tenant tenant, UUID publicId) {
		return find(tenant, publicId)
			.orElseThrow(() -> new NotFoundException(Reason.of("privacy.refused.activityNotFound")));
	}

	/** Every version, newest first. */
	@Transactional(readOnly = true)
	public List<ActivityVersion> versions(Tenant tenant, UUID publicId) {
		return rows.versions(require(tenant, publicId).id());
	}

	/**
	 * @throws NotFoundException for a version the activity does not have
	 */
	@Transactional(readOnly = true)
	public ActivityVersion version(Tenant tenant, UUID publicId, int number) {
		return versions(tenant, publicId).stream()
			.filter(v -> v.number() == number)
			.findFirst()
			.orElseThrow(() -> new NotFoundException(Reason.of("privacy.refused.versionNotFound", number)));
	}

	/**
	 * The versions, newest first, each with its changes (old → new) against the one
	 * before.
	 */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(Tenant tenant, UUID publicId) {
		List<ActivityVersion> versions = versions(tenant, publicId);
		List<HistoryEntry> history = new ArrayList<>();
		for (int i = 0; i < versions.size(); i++) {
			ActivityVersion version = versions.get(i);
			history.add(new HistoryEntry(version, i + 1 < versions.size()
					? ContentDiff.between(versions.get(i + 1).content(), version.content()) : List.of()));
		}
		return history;
	}

	/**
	 * A new activity in draft, version 1.
	 * @throws RefusedValueException for bad form values or an organisation of another
	 * tenant
	 */
	@Transactional
	public Activity create(Tenant tenant, ActivityForm form, String actor) {
		return create(tenant, form.content(), header(form), form.validFrom(), null, null, false, actor);
	}

	/**
	 * A new activity in draft, version 1, optionally adopted from a template.
	 */
	@Transactional
	public Activity create(Tenant tenant, ActivityContent content, Header header, LocalDate validFrom, Long templateId,
			Integer templateVersion, boolean demo, String actor) {
		checkOrganisation(tenant, header.organisationId());
		if (content.name() == null) {
			throw new RefusedValueException(Reason.of("privacy.refused.nameRequired"));
		}
		long id = jdbc.sql("""
				insert into privacy.processing_activity (tenant_id, register, audience, organisation_id, role,
				       template_id, template_version, demo)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), header.register().name(), header.audience().name(), header.organisationId(),
					header.role().name(), templateId, templateVersion, demo)
			.query(Long.class)
			.single();
		rows.insertVersion(id, 1, content, validFrom, actor);
		Activity created = rows.byId(id);
		audit.created(tenant.id(), ENTITY, created.publicId().toString(), content.name(),
				Changes.between(null, content));
		return created;
	}

	/**
	 * Saves the form: a changed content becomes version n+1, valid from the form's date
	 * (today when none); the register fields are updated in place.
	 * @throws ConcurrentChangeException when the activity changed since the form was
	 * loaded
	 */
	@Transactional
	public Activity edit(Tenant tenant, UUID publicId, ActivityForm form, String actor) {
		Activity before = require(tenant, publicId);
		if (form.version() == null || form.version() != before.version()) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.changedMeanwhile"));
		}
		return save(tenant, before, form.content(), header(form), form.validFrom(), actor);
	}

	/**
	 * Saves a new content (a template's change accepted): as {@link #edit}, keeping the
	 * register fields.
	 */
	@Transactional
	public Activity save(Tenant tenant, Activity before, ActivityContent content, Header header, LocalDate validFrom,
			String actor) {
		checkOrganisation(tenant, header.organisationId());
		if (content.name() == null) {
			throw new RefusedValueException(Reason.of("privacy.refused.nameRequired"));
		}
		List<ContentDiff.FieldDifference> changed = ContentDiff.between(before.content(), content);
		int number = before.currentVersion() + (changed.isEmpty() ? 0 : 1);
		ActivityState state = before.state();
		boolean published = before.published();
		if (!changed.isEmpty()) {
			if (!Completeness.missing(content).isEmpty()) {
				state = ActivityState.DRAFT;
				published = false;
			}
			else if (state == ActivityState.CHECKED) {
				state = ActivityState.COMPLETED;
			}
		}
		int updated = jdbc.sql("""
				update privacy.processing_activity set register = ?, audience = ?, organisation_id = ?, role = ?,
				       state = ?, published = ?, current_version = ?, version = version + 1
				where tenant_id = ? and id = ? and version = ?""")
			.params(header.register().name(), header.audience().name(), header.organisationId(), header.role().name(),
					state.name(), published, number, tenant.id(), before.id(), before.version())
			.update();
		if (updated == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.changedMeanwhile"));
		}
		if (!changed.isEmpty()) {
			rows.insertVersion(before.id(), number, content, validFrom, actor);
		}
		List<FieldChange> changes = new ArrayList<>(Changes.between(before.content(), content));
		changes.addAll(Changes.between(before.header(), header));
		ActivityWorkflow.addChange(changes, "state", before.state(), state);
		ActivityWorkflow.addChange(changes, "published", before.published(), published);
		audit.updated(tenant.id(), ENTITY, before.publicId().toString(), content.name(), changes);
		return require(tenant, before.publicId());
	}

	/**
	 * The service declares the activity complete.
	 * @throws RefusedStateException while a mandatory field is empty
	 */
	@Transactional
	public Activity complete(Tenant tenant, UUID publicId, int version) {
		return workflow.complete(tenant, require(tenant, publicId), version);
	}

	/**
	 * The DPO has checked the activity (the caller checks that the user is the DPO).
	 * @throws RefusedStateException while incomplete or not yet completed
	 */
	@Transactional
	public Activity check(Tenant tenant, UUID publicId, int version) {
		return workflow.check(tenant, require(tenant, publicId), version);
	}

	/**
	 * Publishes or unpublishes the activity (the DPO).
	 * @throws RefusedStateException for a publication while incomplete or not checked
	 */
	@Transactional
	public Activity publish(Tenant tenant, UUID publicId, int version, boolean publish) {
		return workflow.publish(tenant, require(tenant, publicId), version, publish);
	}

	/** Records that the activity now follows a newer version of its template. */
	@Transactional
	public void followTemplate(Tenant tenant, UUID publicId, int templateVersion) {
		Activity activity = require(tenant, publicId);
		jdbc.sql("""
				update privacy.processing_activity set template_version = ?, version = version + 1
				where tenant_id = ? and id = ?""").params(templateVersion, tenant.id(), activity.id()).update();
		List<FieldChange> changes = new ArrayList<>();
		ActivityWorkflow.addChange(changes, "templateVersion", activity.templateVersion(), templateVersion);
		audit.updated(tenant.id(), ENTITY, publicId.toString(), activity.content().name(), changes);
	}

	private void checkOrganisation(Tenant tenant, Long organisationId) {
		if (organisationId != null && organisations.find(tenant, organisationId).isEmpty()) {
			throw new RefusedValueException(Reason.of("privacy.refused.organisationNotFound"));
		}
	}

	private static Header header(ActivityForm form) {
		return new Header(form.register(), form.audience(), form.organisationId(), form.role());
	}

}
