package be.obmi.knowledge.domain;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.stats.AreaNames;
import be.obmi.tenancy.Tenant;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases of the collections: created and edited (optimistic {@code version}), moved
 * through the workflow, marked verified, related to each other. Every save keeps a
 * revision, records the change in the audit trail and hands the case to the search
 * ({@link CaseIndexing}) in the same transaction. A city ({@code city} not null) reaches
 * only its own cases and may not publish or archive; the Kenniscentrum ({@code city}
 * null) reaches every case.
 */
@Service
public class KnowledgeCases {

	/** Belgium's bounding box (WGS84). */
	static final double MIN_LAT = 49.49, MAX_LAT = 51.51, MIN_LON = 2.54, MAX_LON = 6.41;

	private static final Set<String> AREA_LEVELS = Set.of("gemeente", "deelgemeente", "wijk", "statsec");

	private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {
	};

	private static final String SELECT = """
			select c.*, coalesce((select array_agg(t.theme_code order by t.theme_code) from knowledge.case_theme t
			    where t.case_id = c.id), '{}') as themes
			from knowledge.knowledge_case c""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Collections collections;

	private final AuditTrail audit;

	private final AreaNames areas;

	private final CaseIndexing indexing;

	KnowledgeCases(JdbcClient jdbc, JsonMapper json, Collections collections, AuditTrail audit, AreaNames areas,
			CaseIndexing indexing) {
		this.jdbc = jdbc;
		this.json = json;
		this.collections = collections;
		this.audit = audit;
		this.areas = areas;
		this.indexing = indexing;
	}

	@Transactional(readOnly = true)
	public Optional<KnowledgeCase> byPublicId(UUID publicId) {
		return jdbc.sql(SELECT + " where c.public_id = ?").param(publicId).query(this::row).optional();
	}

	/**
	 * A case as {@code city} may change it: any case for the Kenniscentrum (null), only
	 * its own for a city.
	 * @throws NotFoundException otherwise
	 */
	@Transactional(readOnly = true)
	public KnowledgeCase require(UUID publicId, Tenant city) {
		return byPublicId(publicId).filter(c -> city == null || Long.valueOf(city.id()).equals(c.tenantId()))
			.orElseThrow(() -> new NotFoundException(Reason.of("knowledge.refused.caseUnknown")));
	}

	/** A collection's cases, newest first; only the published ones when asked. */
	@Transactional(readOnly = true)
	public List<KnowledgeCase> ofCollection(long collectionId, boolean publishedOnly) {
		return jdbc
			.sql(SELECT + " where c.collection_id = ?" + (publishedOnly ? " and c.status = 'PUBLISHED'" : "")
					+ " order by c.updated_at desc, c.id desc")
			.param(collectionId)
			.query(this::row)
			.list();
	}

	/** A city's own cases across the collections, newest first. */
	@Transactional(readOnly = true)
	public List<KnowledgeCase> ofCity(Tenant city) {
		return jdbc.sql(SELECT + " where c.tenant_id = ? order by c.updated_at desc, c.id desc")
			.param(city.id())
			.query(this::row)
			.list();
	}

	/** Published cases last verified before {@code since} (or never), oldest first. */
	@Transactional(readOnly = true)
	public List<KnowledgeCase> notVerifiedSince(LocalDate since) {
		return jdbc
			.sql(SELECT + " where c.status = 'PUBLISHED' and (c.verified_at is null or c.verified_at < ?)"
					+ " order by c.verified_at nulls first, c.published_at, c.id")
			.param(since)
			.query(this::row)
			.list();
	}

	/** Cases related to a case, in either direction; only published ones when asked. */
	@Transactional(readOnly = true)
	public List<KnowledgeCase> related(long caseId, boolean publishedOnly) {
		return jdbc
			.sql(SELECT + " where c.id in (select related_id from knowledge.case_relation where case_id = :id"
					+ " union select case_id from knowledge.case_relation where related_id = :id)"
					+ (publishedOnly ? " and c.status = 'PUBLISHED'" : "") + " order by c.title")
			.param("id", caseId)
			.query(this::row)
			.list();
	}

	/**
	 * Adds a draft case to a collection, for a city (its own case) or the Kenniscentrum
	 * (null).
	 * @throws RefusedValueException for a value the rules refuse, or a collection that
	 * takes no cases from cities
	 */
	@Transactional
	public KnowledgeCase create(String collectionCode, Tenant city, CaseForm form, String author, boolean demo) {
		Collection collection = collections.require(collectionCode);
		if (city != null && !collection.citiesContribute()) {
			throw new RefusedStateException(Reason.of("knowledge.refused.citiesNotContributing"));
		}
		Checked checked = check(collection, city, form);
		long id = jdbc.sql("""
				insert into knowledge.knowledge_case (collection_id, tenant_id, title, summary, body, field_values,
				    area_level, area_code, latitude, longitude, demo, author)
				values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?) returning id""")
			.params(collection.id(), city == null ? null : city.id(), checked.title(), checked.summary(),
					checked.body(), json.writeValueAsString(checked.values()), checked.areaLevel(), checked.areaCode(),
					checked.latitude(), checked.longitude(), demo, author)
			.query(Long.class)
			.single();
		links(id, form, checked);
		KnowledgeCase created = byId(id);
		audit.created(created.tenantId(), "knowledge-case", created.publicId().toString(), created.title(), List
			.of(FieldChange.added("collection", collectionCode), FieldChange.added("status", created.status())));
		return saved(created, author);
	}

	/**
	 * Saves an edit made on the case as it was at {@code form.version()}.
	 * @throws ConcurrentChangeException when someone else saved it meanwhile
	 */
	@Transactional
	public KnowledgeCase update(UUID publicId, Tenant city, CaseForm form, String by) {
		KnowledgeCase before = require(publicId, city);
		Collection collection = collectionOf(before);
		Checked checked = check(collection, city, form);
		int rows = jdbc
			.sql("""
					update knowledge.knowledge_case set title = ?, summary = ?, body = ?, field_values = cast(? as jsonb),
					    area_level = ?, area_code = ?, latitude = ?, longitude = ?, updated_at = now(), version = version + 1
					where id = ? and version = ?""")
			.params(checked.title(), checked.summary(), checked.body(), json.writeValueAsString(checked.values()),
					checked.areaLevel(), checked.areaCode(), checked.latitude(), checked.longitude(), before.id(),
					form.version())
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("knowledge.refused.caseChanged", before.title()));
		}
		links(before.id(), form, checked);
		KnowledgeCase after = byId(before.id());
		audit.updated(after.tenantId(), "knowledge-case", publicId.toString(), after.title(),
				changes(collections.fields(collection.id()), before, after));
		return saved(after, by);
	}

	/**
	 * Moves a case to another status: a city sends its draft to review or takes it back;
	 * only the Kenniscentrum publishes and archives.
	 * @throws RefusedStateException for a step the workflow does not allow
	 * @throws ConcurrentChangeException when the case changed since {@code version}
	 */
	@Transactional
	public KnowledgeCase move(UUID publicId, Tenant city, CaseStatus to, int version, String by) {
		KnowledgeCase before = require(publicId, city);
		boolean editorsOnly = to == CaseStatus.PUBLISHED || to == CaseStatus.ARCHIVED;
		if (!before.status().allows(to) || (city != null && editorsOnly)) {
			throw new RefusedStateException(Reason.of("knowledge.refused.statusStep", before.status(), to));
		}
		int rows = jdbc.sql("""
				update knowledge.knowledge_case set status = ?, updated_at = now(), version = version + 1,
				    published_at = case when ? = 'PUBLISHED' then now() else published_at end,
				    verified_at = case when ? = 'PUBLISHED' then current_date else verified_at end
				where id = ? and version = ?""").params(to.name(), to.name(), to.name(), before.id(), version).update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("knowledge.refused.caseChanged", before.title()));
		}
		KnowledgeCase after = byId(before.id());
		audit.updated(after.tenantId(), "knowledge-case", publicId.toString(), after.title(),
				List.of(FieldChange.between("status", before.status(), to)));
		return saved(after, by);
	}

	/** Marks a case as checked today by an editor of the Kenniscentrum. */
	@Transactional
	public KnowledgeCase markVerified(UUID publicId, String by) {
		KnowledgeCase before = require(publicId, null);
		jdbc.sql("update knowledge.knowledge_case set verified_at = current_date where id = ?")
			.param(before.id())
			.update();
		KnowledgeCase after = byId(before.id());
		audit.updated(after.tenantId(), "knowledge-case", publicId.toString(), after.title(),
				List.of(FieldChange.between("verified_at", before.verifiedAt(), after.verifiedAt())));
		indexing.index(after);
		return after;
	}

	/**
	 * Deletes a case with its files, revisions and relations, and its search document.
	 */
	@Transactional
	public void delete(UUID publicId, Tenant city) {
		KnowledgeCase before = require(publicId, city);
		jdbc.sql("delete from knowledge.knowledge_case where id = ?").param(before.id()).update();
		audit.deleted(before.tenantId(), "knowledge-case", publicId.toString(), before.title(),
				List.of(FieldChange.removed("status", before.status())));
		indexing.remove(before.id());
	}

	/** Hands the case to the search again (after a file was added or removed). */
	@Transactional
	public void reindex(KnowledgeCase knowledgeCase) {
		indexing.index(byId(knowledgeCase.id()));
	}

	/**
	 * Each saved state of a case, newest first, with the changes against the state
	 * before.
	 */
	@Transactional(readOnly = true)
	public List<CaseRevision> history(KnowledgeCase knowledgeCase) {
		List<Field> template = collections.fields(knowledgeCase.collectionId());
		List<KnowledgeCase> states = jdbc.sql("""
				select r.id, c.public_id, c.collection_id, c.tenant_id, r.title, r.summary, r.body, r.field_values,
				    r.area_level, r.area_code, r.latitude, r.longitude, r.status, c.demo, r.saved_by as author,
				    c.created_at, r.saved_at as updated_at, c.published_at, c.verified_at, r.version, r.themes
				from knowledge.case_revision r join knowledge.knowledge_case c on c.id = r.case_id
				where r.case_id = ? order by r.id""").param(knowledgeCase.id()).query(this::row).list();
		List<CaseRevision> revisions = new ArrayList<>();
		KnowledgeCase previous = null;
		for (KnowledgeCase state : states) {
			revisions.add(0, new CaseRevision(state.version(), state.updatedAt(), state.author(), state.status(),
					changes(template, previous, state)));
			previous = state;
		}
		return revisions;
	}

	private KnowledgeCase saved(KnowledgeCase knowledgeCase, String by) {
		jdbc.sql(
				"""
						insert into knowledge.case_revision (case_id, version, saved_by, status, title, summary, body, field_values,
						    area_level, area_code, latitude, longitude, themes)
						select id, version, ?, status, title, summary, body, field_values, area_level, area_code, latitude,
						    longitude, ? from knowledge.knowledge_case where id = ?""")
			.params(by, knowledgeCase.themes().toArray(String[]::new), knowledgeCase.id())
			.update();
		indexing.index(knowledgeCase);
		return knowledgeCase;
	}

	private static List<FieldChange> changes(List<Field> template, KnowledgeCase before, KnowledgeCase after) {
		List<FieldChange> changes = new ArrayList<>();
		add(changes, "title", before == null ? null : before.title(), after.title());
		add(changes, "summary", before == null ? null : before.summary(), after.summary());
		add(changes, "body", before == null ? null : before.body(), after.body());
		add(changes, "status", before == null ? null : before.status(), after.status());
		for (Field field : template) {
			add(changes, field.labelNl(), before == null ? null : before.value(field.code()),
					after.value(field.code()));
		}
		add(changes, "area", before == null ? null : area(before), area(after));
		add(changes, "point", before == null ? null : point(before), point(after));
		add(changes, "themes", before == null ? null : String.join(", ", before.themes()),
				String.join(", ", after.themes()));
		return changes;
	}

	private static void add(List<FieldChange> changes, String name, Object before, Object after) {
		String old = before == null ? "" : before.toString();
		String now = after == null ? "" : after.toString();
		if (!old.equals(now)) {
			changes.add(new FieldChange(name, old, now));
		}
	}

	private static String area(KnowledgeCase c) {
		return c.areaLevel() == null ? "" : c.areaLevel() + " " + c.areaCode();
	}

	private static String point(KnowledgeCase c) {
		return c.located() ? c.latitude() + ", " + c.longitude() : "";
	}

	private Collection collectionOf(KnowledgeCase knowledgeCase) {
		return collections.byId(knowledgeCase.collectionId());
	}

	private KnowledgeCase byId(long id) {
		return jdbc.sql(SELECT + " where c.id = ?").param(id).query(this::row).single();
	}

	private record Checked(String title, String summary, String body, Map<String, Object> values, String areaLevel,
			String areaCode, Double latitude, Double longitude, List<Long> related) {
	}

	private Checked check(Collection collection, Tenant city, CaseForm form) {
		String title = form.title() == null ? "" : form.title().strip();
		if (title.isEmpty() || title.length() > 300) {
			throw new RefusedValueException(Reason.of("knowledge.refused.caseTitle"));
		}
		String summary = form.summary() == null ? "" : form.summary().strip();
		if (summary.length() > FieldValues.MAX_TEXT) {
			throw new RefusedValueException(Reason.of("knowledge.refused.caseSummary"));
		}
		Map<String, Object> values = FieldValues.checked(collections.fields(collection.id()), form.fields());
		String level = blank(form.areaLevel()) ? null : form.areaLevel().strip();
		String code = blank(form.areaCode()) ? null : form.areaCode().strip();
		if ((level == null) != (code == null) || (level != null && (!AREA_LEVELS.contains(level)
				|| areas.name(level, code, city == null ? null : city.statisticsNisCode()).isEmpty()))) {
			throw new RefusedValueException(Reason.of("knowledge.refused.caseArea", String.valueOf(code)));
		}
		Double lat = coordinate(form.latitude(), MIN_LAT, MAX_LAT);
		Double lon = coordinate(form.longitude(), MIN_LON, MAX_LON);
		if ((lat == null) != (lon == null)) {
			throw new RefusedValueException(Reason.of("knowledge.refused.casePoint"));
		}
		checkThemes(form.themes());
		return new Checked(title, summary, RichText.sanitised(form.body()), values, level, code, lat, lon,
				related(form.related()));
	}

	private static Double coordinate(String text, double min, double max) {
		if (blank(text)) {
			return null;
		}
		Double value = BelgianNumber.parseDouble(text);
		if (value == null || value < min || value > max) {
			throw new RefusedValueException(Reason.of("knowledge.refused.casePoint"));
		}
		return value;
	}

	private void checkThemes(List<String> themes) {
		Set<String> known = jdbc.sql("select code from knowledge.theme").query(String.class).set();
		for (String theme : themes) {
			if (!known.contains(theme)) {
				throw new RefusedValueException(Reason.of("knowledge.refused.caseTheme", theme));
			}
		}
	}

	private List<Long> related(List<String> publicIds) {
		List<Long> ids = new ArrayList<>();
		for (String text : publicIds) {
			if (blank(text)) {
				continue;
			}
			UUID publicId;
			try {
				publicId = UUID.fromString(text.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new RefusedValueException(Reason.of("knowledge.refused.caseRelated", text));
			}
			ids.add(byPublicId(publicId)
				.orElseThrow(() -> new RefusedValueException(Reason.of("knowledge.refused.caseRelated", text)))
				.id());
		}
		return ids;
	}

	private void links(long id, CaseForm form, Checked checked) {
		jdbc.sql("delete from knowledge.case_theme where case_id = ?").param(id).update();
		for (String theme : form.themes().stream().distinct().toList()) {
			jdbc.sql("insert into knowledge.case_theme (case_id, theme_code) values (?, ?)").params(id, theme).update();
		}
		jdbc.sql("delete from knowledge.case_relation where case_id = ?").param(id).update();
		for (Long related : checked.related().stream().distinct().filter(r -> r != id).toList()) {
			jdbc.sql("""
					insert into knowledge.case_relation (case_id, related_id) values (?, ?) on conflict do nothing""")
				.params(id, related)
				.update();
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private KnowledgeCase row(ResultSet rs, int row) throws SQLException {
		Array themes = rs.getArray("themes");
		Double lat = rs.getObject("latitude", Double.class);
		Double lon = rs.getObject("longitude", Double.class);
		Date verified = rs.getDate("verified_at");
		return new KnowledgeCase(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getLong("collection_id"),
				rs.getObject("tenant_id", Long.class), rs.getString("title"), rs.getString("summary"),
				rs.getString("body"), json.readValue(rs.getString("field_values"), VALUES), rs.getString("area_level"),
				rs.getString("area_code"), lat, lon, CaseStatus.valueOf(rs.getString("status")), rs.getBoolean("demo"),
				rs.getString("author"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
				instant(rs.getTimestamp("published_at")), verified == null ? null : verified.toLocalDate(),
				rs.getInt("version"), themes == null ? List.of() : List.of((String[]) themes.getArray()));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static Map<String, List<String>> facetsOf(List<Field> template, KnowledgeCase knowledgeCase) {
		return template.stream()
			.filter(f -> f.facet() && knowledgeCase.value(f.code()) != null)
			.collect(Collectors.toMap(Field::code, f -> FieldValues.codes(knowledgeCase.value(f.code()))));
	}

}
