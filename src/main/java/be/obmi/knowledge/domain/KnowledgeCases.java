package be.obmi.knowledge.domain;

import java.time.LocalDate;
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
 * null) reaches every case. A form's rules are in {@link CaseChecks}, the revisions and
 * their changes in {@link CaseRevisions}.
 */
@Service
public class KnowledgeCases {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Collections collections;

	private final AuditTrail audit;

	private final CaseIndexing indexing;

	private final CaseRows rows;

	private final CaseChecks checks;

	private final CaseRevisions revisions;

	KnowledgeCases(JdbcClient jdbc, JsonMapper json, Collections collections, AuditTrail audit, CaseIndexing indexing,
			CaseRows rows, CaseChecks checks, CaseRevisions revisions) {
		this.jdbc = jdbc;
		this.json = json;
		this.collections = collections;
		this.audit = audit;
		this.indexing = indexing;
		this.rows = rows;
		this.checks = checks;
		this.revisions = revisions;
	}

	@Transactional(readOnly = true)
	public Optional<KnowledgeCase> byPublicId(UUID publicId) {
		return jdbc.sql(CaseRows.SELECT + " where c.public_id = ?").param(publicId).query(rows::row).optional();
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
			.sql(CaseRows.SELECT + " where c.collection_id = ?" + (publishedOnly ? " and c.status = 'PUBLISHED'" : "")
					+ " order by c.updated_at desc, c.id desc")
			.param(collectionId)
			.query(rows::row)
			.list();
	}

	/** A city's own cases across the collections, newest first. */
	@Transactional(readOnly = true)
	public List<KnowledgeCase> ofCity(Tenant city) {
		return jdbc.sql(CaseRows.SELECT + " where c.tenant_id = ? order by c.updated_at desc, c.id desc")
			.param(city.id())
			.query(rows::row)
			.list();
	}

	/** Published cases last verified before {@code since} (or never), oldest first. */
	@Transactional(readOnly = true)
	public List<KnowledgeCase> notVerifiedSince(LocalDate since) {
		return jdbc
			.sql(CaseRows.SELECT + " where c.status = 'PUBLISHED' and (c.verified_at is null or c.verified_at < ?)"
					+ " order by c.verified_at nulls first, c.published_at, c.id")
			.param(since)
			.query(rows::row)
			.list();
	}

	/** Cases related to a case, in either direction; only published ones when asked. */
	@Transactional(readOnly = true)
	public List<KnowledgeCase> related(long caseId, boolean publishedOnly) {
		return jdbc
			.sql(CaseRows.SELECT + " where c.id in (select related_id from knowledge.case_relation where case_id = :id"
					+ " union select case_id from knowledge.case_relation where related_id = :id)"
					+ (publishedOnly ? " and c.status = 'PUBLISHED'" : "") + " order by c.title")
			.param("id", caseId)
			.query(rows::row)
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
		CaseChecks.Checked checked = checks.check(collection, city, form);
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
		return revisions.saved(created, author);
	}

	/**
	 * Saves an edit made on the case as it was at {@code form.version()}.
	 * @throws ConcurrentChangeException when someone else saved it meanwhile
	 */
	@Transactional
	public KnowledgeCase update(UUID publicId, Tenant city, CaseForm form, String by) {
		KnowledgeCase before = require(publicId, city);
		Collection collection = collectionOf(before);
		CaseChecks.Checked checked = checks.check(collection, city, form);
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
				CaseRevisions.changes(collections.fields(collection.id()), before, after));
		return revisions.saved(after, by);
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
		return revisions.saved(after, by);
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
		return revisions.history(knowledgeCase);
	}

	private Collection collectionOf(KnowledgeCase knowledgeCase) {
		return collections.byId(knowledgeCase.collectionId());
	}

	private KnowledgeCase byId(long id) {
		return jdbc.sql(CaseRows.SELECT + " where c.id = ?").param(id).query(rows::row).single();
	}

	private void links(long id, CaseForm form, CaseChecks.Checked checked) {
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

	static Map<String, List<String>> facetsOf(List<Field> template, KnowledgeCase knowledgeCase) {
		return template.stream()
			.filter(f -> f.facet() && knowledgeCase.value(f.code()) != null)
			.collect(Collectors.toMap(Field::code, f -> FieldValues.codes(knowledgeCase.value(f.code()))));
	}

}
