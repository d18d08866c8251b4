package be.obmi.privacy.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import tools.jackson.databind.json.JsonMapper;

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
 * Who may take a step is the caller's check (the pages: redacteur edits, DPO checks).
 */
@Service
public class ProcessingActivities {

	/** The entity type of the audit trail. */
	public static final String ENTITY = "privacy-verwerking";

	private static final String SELECT = """
			select a.id, a.public_id, a.tenant_id, a.register, a.audience, a.organisation_id, o.name as organisation_name,
			       a.role, a.state, a.published, a.current_version, a.template_id, a.template_version, a.demo, a.version,
			       v.content::text as content, v.valid_from
			from privacy.processing_activity a
			join privacy.activity_version v on v.activity_id = a.id and v.number = a.current_version
			left join privacy.linked_organisation o on o.id = a.organisation_id and o.tenant_id = a.tenant_id
			""";

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

	private final JsonMapper json;

	private final AuditTrail audit;

	private final LinkedOrganisations organisations;

	ProcessingActivities(JdbcClient jdbc, JsonMapper json, AuditTrail audit, LinkedOrganisations organisations) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.organisations = organisations;
	}

	/** The tenant's activities matching the filter, by name. */
	@Transactional(readOnly = true)
	public List<Activity> list(Tenant tenant, Filter filter) {
		StringBuilder sql = new StringBuilder(SELECT).append("where a.tenant_id = ?");
		List<Object> params = new ArrayList<>(List.of(tenant.id()));
		if (filter.state() != null) {
			sql.append(" and a.state = ?");
			params.add(filter.state().name());
		}
		if (filter.register() != null) {
			sql.append(" and a.register = ?");
			params.add(filter.register().name());
		}
		if (filter.audience() != null) {
			sql.append(" and a.audience = ?");
			params.add(filter.audience().name());
		}
		if (filter.service() != null && !filter.service().isBlank()) {
			sql.append(" and v.content->>'responsibleService' = ?");
			params.add(filter.service());
		}
		sql.append(" order by lower(v.content->>'name'), a.id");
		return jdbc.sql(sql.toString()).params(params).query(this::activity).list();
	}

	/** The responsible services named in the tenant's register, for the filter. */
	@Transactional(readOnly = true)
	public List<String> services(Tenant tenant) {
		return jdbc.sql("""
				select distinct v.content->>'responsibleService' from privacy.processing_activity a
				join privacy.activity_version v on v.activity_id = a.id and v.number = a.current_version
				where a.tenant_id = ? and v.content->>'responsibleService' is not null order by 1""")
			.param(tenant.id())
			.query(String.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Activity> find(Tenant tenant, UUID publicId) {
		return jdbc.sql(SELECT + "where a.tenant_id = ? and a.public_id = ?")
			.params(tenant.id(), publicId)
			.query(this::activity)
			.optional();
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
		Activity activity = require(tenant, publicId);
		return jdbc
			.sql("""
					select number, content::text as content, valid_from, created_by, created_at from privacy.activity_version
					where activity_id = ? order by number desc""")
			.param(activity.id())
			.query(this::version)
			.list();
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
		insertVersion(id, 1, content, validFrom, actor);
		Activity created = jdbc.sql(SELECT + "where a.id = ?").param(id).query(this::activity).single();
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
			insertVersion(before.id(), number, content, validFrom, actor);
		}
		List<FieldChange> changes = new ArrayList<>(Changes.between(before.content(), content));
		changes.addAll(Changes.between(before.header(), header));
		addChange(changes, "state", before.state(), state);
		addChange(changes, "published", before.published(), published);
		audit.updated(tenant.id(), ENTITY, before.publicId().toString(), content.name(), changes);
		return require(tenant, before.publicId());
	}

	/**
	 * The service declares the activity complete.
	 * @throws RefusedStateException while a mandatory field is empty
	 */
	@Transactional
	public Activity complete(Tenant tenant, UUID publicId, int version) {
		Activity activity = require(tenant, publicId);
		refuseIncomplete(activity, "privacy.refused.incomplete");
		if (activity.state() != ActivityState.DRAFT) {
			throw new RefusedStateException(Reason.of("privacy.refused.notDraft"));
		}
		return step(tenant, activity, version, ActivityState.COMPLETED, activity.published());
	}

	/**
	 * The DPO has checked the activity (the caller checks that the user is the DPO).
	 * @throws RefusedStateException while incomplete or not yet completed
	 */
	@Transactional
	public Activity check(Tenant tenant, UUID publicId, int version) {
		Activity activity = require(tenant, publicId);
		refuseIncomplete(activity, "privacy.refused.incomplete");
		if (activity.state() != ActivityState.COMPLETED) {
			throw new RefusedStateException(Reason.of("privacy.refused.notCompleted"));
		}
		return step(tenant, activity, version, ActivityState.CHECKED, activity.published());
	}

	/**
	 * Publishes or unpublishes the activity (the DPO).
	 * @throws RefusedStateException for a publication while incomplete or not checked
	 */
	@Transactional
	public Activity publish(Tenant tenant, UUID publicId, int version, boolean publish) {
		Activity activity = require(tenant, publicId);
		if (publish) {
			refuseIncomplete(activity, "privacy.refused.publishIncomplete");
			if (activity.state() != ActivityState.CHECKED) {
				throw new RefusedStateException(Reason.of("privacy.refused.publishUnchecked"));
			}
		}
		return step(tenant, activity, version, activity.state(), publish);
	}

	/** Records that the activity now follows a newer version of its template. */
	@Transactional
	public void followTemplate(Tenant tenant, UUID publicId, int templateVersion) {
		Activity activity = require(tenant, publicId);
		jdbc.sql("""
				update privacy.processing_activity set template_version = ?, version = version + 1
				where tenant_id = ? and id = ?""").params(templateVersion, tenant.id(), activity.id()).update();
		List<FieldChange> changes = new ArrayList<>();
		addChange(changes, "templateVersion", activity.templateVersion(), templateVersion);
		audit.updated(tenant.id(), ENTITY, publicId.toString(), activity.content().name(), changes);
	}

	private Activity step(Tenant tenant, Activity before, int version, ActivityState state, boolean published) {
		int updated = jdbc.sql("""
				update privacy.processing_activity set state = ?, published = ?, version = version + 1
				where tenant_id = ? and id = ? and version = ?""")
			.params(state.name(), published, tenant.id(), before.id(), version)
			.update();
		if (updated == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.changedMeanwhile"));
		}
		List<FieldChange> changes = new ArrayList<>();
		addChange(changes, "state", before.state(), state);
		addChange(changes, "published", before.published(), published);
		audit.updated(tenant.id(), ENTITY, before.publicId().toString(), before.content().name(), changes);
		return require(tenant, before.publicId());
	}

	private static void refuseIncomplete(Activity activity, String code) {
		if (!activity.complete()) {
			throw new RefusedStateException(Reason.of(code, Reason
				.list(activity.missing().stream().map(f -> Reason.of("privacy.field." + f.code())).toList())));
		}
	}

	private static void addChange(List<FieldChange> changes, String field, Object before, Object after) {
		FieldChange change = FieldChange.between(field, before, after);
		if (change != null) {
			changes.add(change);
		}
	}

	private void checkOrganisation(Tenant tenant, Long organisationId) {
		if (organisationId != null && organisations.find(tenant, organisationId).isEmpty()) {
			throw new RefusedValueException(Reason.of("privacy.refused.organisationNotFound"));
		}
	}

	private static Header header(ActivityForm form) {
		return new Header(form.register(), form.audience(), form.organisationId(), form.role());
	}

	private void insertVersion(long activityId, int number, ActivityContent content, LocalDate validFrom,
			String actor) {
		jdbc.sql("""
				insert into privacy.activity_version (activity_id, number, content, valid_from, created_by)
				values (?, ?, cast(? as jsonb), ?, ?)""")
			.params(activityId, number, json.writeValueAsString(content),
					validFrom == null ? LocalDate.now() : validFrom, actor)
			.update();
	}

	private Activity activity(ResultSet rs, int row) throws SQLException {
		return new Activity(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("tenant_id"),
				Register.valueOf(rs.getString("register")), Audience.valueOf(rs.getString("audience")),
				rs.getObject("organisation_id", Long.class), rs.getString("organisation_name"),
				OrganisationRole.valueOf(rs.getString("role")), ActivityState.valueOf(rs.getString("state")),
				rs.getBoolean("published"), rs.getInt("current_version"), rs.getObject("template_id", Long.class),
				rs.getObject("template_version", Integer.class), rs.getBoolean("demo"), rs.getInt("version"),
				json.readValue(rs.getString("content"), ActivityContent.class),
				rs.getObject("valid_from", LocalDate.class));
	}

	private ActivityVersion version(ResultSet rs, int row) throws SQLException {
		return new ActivityVersion(rs.getInt("number"), json.readValue(rs.getString("content"), ActivityContent.class),
				rs.getObject("valid_from", LocalDate.class), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
