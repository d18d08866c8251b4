package be.obmi.privacy.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Kenniscentrum's shared templates (activities, agreements, DPIA models), published
 * in immutable numbered versions. A city adopts an activity template as a copy in draft
 * that remembers template and version; when a newer version appears the city sees the
 * fields the template changed, with its own current value beside them, and accepts (a new
 * version of its activity) or rejects each; once every field is decided the activity
 * follows the new version.
 */
@Service
public class PrivacyTemplates {

	static final String ENTITY = "privacy-sjabloon";

	/** A template with the number of its latest version. */
	public record Template(long id, TemplateKind kind, String code, String title, int latest, boolean demo) {
	}

	/** An immutable published version; {@code content} is JSON. */
	public record TemplateVersion(long templateId, int number, String content, String note, String publishedBy,
			OffsetDateTime publishedAt) {
	}

	/**
	 * A field a newer template version changed.
	 *
	 * @param accepted the city's decision so far, null when undecided
	 */
	public record FieldUpdate(String field, String templateBefore, String templateAfter, String current,
			Boolean accepted) {

		public String messageKey() {
			return "privacy.field." + field;
		}

	}

	/** What a newer version of its template changed for an adopted activity. */
	public record TemplateUpdate(Template template, int from, int to, List<FieldUpdate> fields) {

		public boolean decided() {
			return fields.stream().allMatch(f -> f.accepted() != null);
		}

	}

	private static final String SELECT = """
			select t.id, t.kind, t.code, t.title,
			       (select max(number) from privacy.template_version v where v.template_id = t.id) as latest, t.demo
			from privacy.template t
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final ProcessingActivities activities;

	PrivacyTemplates(JdbcClient jdbc, JsonMapper json, AuditTrail audit, ProcessingActivities activities) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.activities = activities;
	}

	@Transactional(readOnly = true)
	public List<Template> all() {
		return jdbc.sql(SELECT + "order by t.kind, lower(t.title)").query(Template.class).list();
	}

	@Transactional(readOnly = true)
	public Optional<Template> find(long id) {
		return jdbc.sql(SELECT + "where t.id = ?").param(id).query(Template.class).optional();
	}

	@Transactional(readOnly = true)
	public Optional<Template> byCode(String code) {
		return jdbc.sql(SELECT + "where t.code = ?").param(code).query(Template.class).optional();
	}

	/** A template's versions, newest first. */
	@Transactional(readOnly = true)
	public List<TemplateVersion> versions(long templateId) {
		return jdbc.sql("""
				select template_id, number, content::text as content, note, published_by, published_at
				from privacy.template_version where template_id = ? order by number desc""")
			.param(templateId)
			.query(TemplateVersion.class)
			.list();
	}

	/**
	 * @throws NotFoundException for a version that does not exist
	 */
	@Transactional(readOnly = true)
	public TemplateVersion version(long templateId, int number) {
		return versions(templateId).stream()
			.filter(v -> v.number() == number)
			.findFirst()
			.orElseThrow(() -> new NotFoundException(Reason.of("privacy.refused.templateNotFound")));
	}

	/** The content of an activity template's version. */
	public ActivityContent activityContent(TemplateVersion version) {
		return json.readValue(version.content(), ActivityContent.class);
	}

	/**
	 * Publishes a new template (version 1) or, for a code that exists, its next version.
	 * Published versions never change.
	 * @param content an {@link ActivityContent} for an activity template, any JSON object
	 * (a {@link JsonNode} or record) for the others
	 * @throws RefusedValueException for a bad code or title, or a code of another kind
	 */
	@Transactional
	public TemplateVersion publish(TemplateKind kind, String code, String title, Object content, String note,
			String actor) {
		String checkedCode = code == null ? "" : code.strip().toLowerCase();
		if (!checkedCode.matches("[a-z0-9][a-z0-9-]{0,59}")) {
			throw new RefusedValueException(Reason.of("privacy.refused.templateCode", checkedCode));
		}
		if (title == null || title.isBlank() || title.length() > 300) {
			throw new RefusedValueException(Reason.of("privacy.refused.templateTitle"));
		}
		JsonNode tree = ContentDiff.tree(content);
		if (!tree.isObject()) {
			throw new RefusedValueException(Reason.of("privacy.refused.templateContent"));
		}
		Optional<Template> existing = byCode(checkedCode);
		long id;
		int number;
		if (existing.isPresent()) {
			if (existing.get().kind() != kind) {
				throw new RefusedValueException(Reason.of("privacy.refused.templateKind", checkedCode));
			}
			id = existing.get().id();
			jdbc.sql("select id from privacy.template where id = ? for update").param(id).query(Long.class).single();
			number = jdbc.sql("select max(number) + 1 from privacy.template_version where template_id = ?")
				.param(id)
				.query(Integer.class)
				.single();
			jdbc.sql("update privacy.template set title = ? where id = ?").params(title.strip(), id).update();
		}
		else {
			id = jdbc.sql("insert into privacy.template (kind, code, title) values (?, ?, ?) returning id")
				.params(kind.name(), checkedCode, title.strip())
				.query(Long.class)
				.single();
			number = 1;
		}
		jdbc.sql("""
				insert into privacy.template_version (template_id, number, content, note, published_by)
				values (?, ?, cast(? as jsonb), ?, ?)""")
			.params(id, number, json.writeValueAsString(tree), note == null || note.isBlank() ? null : note.strip(),
					actor)
			.update();
		audit.created(null, ENTITY, checkedCode + "@" + number, title.strip(),
				List.of(FieldChange.added("versie", number), FieldChange.added("soort", kind)));
		return version(id, number);
	}

	/** Marks a template as demo data. */
	@Transactional
	public void markDemo(long templateId) {
		jdbc.sql("update privacy.template set demo = true where id = ?").param(templateId).update();
	}

	/**
	 * The city adopts the latest version of an activity template: a new activity in
	 * draft, a copy that remembers template and version.
	 * @throws RefusedValueException for a template of another kind
	 */
	@Transactional
	public ProcessingActivities.Activity adopt(Tenant tenant, long templateId, String actor) {
		Template template = find(templateId)
			.orElseThrow(() -> new NotFoundException(Reason.of("privacy.refused.templateNotFound")));
		if (template.kind() != TemplateKind.ACTIVITY) {
			throw new RefusedValueException(Reason.of("privacy.refused.templateNotActivity"));
		}
		TemplateVersion latest = version(templateId, template.latest());
		return activities.create(tenant, activityContent(latest),
				new ProcessingActivities.Header(null, null, null, null), LocalDate.now(), templateId, latest.number(),
				template.demo(), actor);
	}

	/**
	 * The tenant's activities adopted from a template, with a newer version pending or
	 * not.
	 */
	@Transactional(readOnly = true)
	public List<ProcessingActivities.Activity> adopted(Tenant tenant) {
		return activities.list(tenant, ProcessingActivities.Filter.none())
			.stream()
			.filter(a -> a.templateId() != null)
			.toList();
	}

	/** What a newer template version changed, when there is one. */
	@Transactional(readOnly = true)
	public Optional<TemplateUpdate> update(Tenant tenant, UUID publicId) {
		ProcessingActivities.Activity activity = activities.require(tenant, publicId);
		if (activity.templateId() == null) {
			return Optional.empty();
		}
		Template template = find(activity.templateId()).orElseThrow();
		int from = activity.templateVersion() == null ? 0 : activity.templateVersion();
		if (template.latest() <= from) {
			return Optional.empty();
		}
		JsonNode before = from == 0 ? ContentDiff.tree(null) : json.readTree(version(template.id(), from).content());
		JsonNode after = json.readTree(version(template.id(), template.latest()).content());
		JsonNode current = ContentDiff.tree(activity.content());
		Map<String, Boolean> decisions = decisions(activity.id(), template.latest());
		List<FieldUpdate> fields = new ArrayList<>();
		for (ContentDiff.FieldDifference difference : ContentDiff.between(before, after)) {
			fields.add(new FieldUpdate(difference.field(), difference.beforeText(), difference.afterText(),
					ContentDiff.text(current.get(difference.field())), decisions.get(difference.field())));
		}
		return Optional.of(new TemplateUpdate(template, from, template.latest(), fields));
	}

	/**
	 * The city accepts or rejects one field a newer template version changed. Accepting
	 * applies the template's value as a new version of the activity; when every field is
	 * decided the activity records the new template version.
	 * @throws ConcurrentChangeException when the activity changed since the page was
	 * loaded
	 * @throws RefusedStateException for a field that is not pending
	 */
	@Transactional
	public TemplateUpdate decide(Tenant tenant, UUID publicId, String field, boolean accept, int version,
			String actor) {
		ProcessingActivities.Activity activity = activities.require(tenant, publicId);
		if (activity.version() != version) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.changedMeanwhile"));
		}
		TemplateUpdate update = update(tenant, publicId)
			.orElseThrow(() -> new RefusedStateException(Reason.of("privacy.refused.noTemplateUpdate")));
		FieldUpdate pending = update.fields()
			.stream()
			.filter(f -> f.field().equals(field) && f.accepted() == null)
			.findFirst()
			.orElseThrow(() -> new RefusedStateException(Reason.of("privacy.refused.fieldNotPending", field)));
		if (accept) {
			ObjectNode content = (ObjectNode) ContentDiff.tree(activity.content());
			JsonNode value = json.readTree(version(update.template().id(), update.to()).content()).get(field);
			content.set(pending.field(), value);
			activities.save(tenant, activity, json.treeToValue(content, ActivityContent.class), activity.header(),
					LocalDate.now(), actor);
		}
		jdbc.sql("""
				insert into privacy.template_decision (activity_id, template_version, field, accepted, decided_by)
				values (?, ?, ?, ?, ?)""").params(activity.id(), update.to(), field, accept, actor).update();
		TemplateUpdate after = update(tenant, publicId).orElseThrow();
		if (after.decided()) {
			activities.followTemplate(tenant, publicId, after.to());
		}
		return after;
	}

	private Map<String, Boolean> decisions(long activityId, int templateVersion) {
		return jdbc.sql("""
				select field, accepted from privacy.template_decision where activity_id = ? and template_version = ?""")
			.params(activityId, templateVersion)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
