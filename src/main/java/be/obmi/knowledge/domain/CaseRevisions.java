package be.obmi.knowledge.domain;

import java.util.ArrayList;
import java.util.List;

import be.obmi.audit.FieldChange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The saved states of a case ({@code knowledge.case_revision}): one kept on every save,
 * with the case handed to the search ({@link CaseIndexing}) at the same time, and the
 * history of a case as the changes between consecutive states, which are also what the
 * audit trail records for an edit.
 */
@Component
class CaseRevisions {

	private final JdbcClient jdbc;

	private final Collections collections;

	private final CaseRows rows;

	private final CaseIndexing indexing;

	CaseRevisions(JdbcClient jdbc, Collections collections, CaseRows rows, CaseIndexing indexing) {
		this.jdbc = jdbc;
		this.collections = collections;
		this.rows = rows;
		this.indexing = indexing;
	}

	/** Keeps the case's current state as a revision and hands it to the search. */
	KnowledgeCase saved(KnowledgeCase knowledgeCase, String by) {
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

	/**
	 * Each saved state of a case, newest first, with the changes against the state
	 * before.
	 */
	List<CaseRevision> history(KnowledgeCase knowledgeCase) {
		List<Field> template = collections.fields(knowledgeCase.collectionId());
		List<KnowledgeCase> states = jdbc.sql("""
				select r.id, c.public_id, c.collection_id, c.tenant_id, r.title, r.summary, r.body, r.field_values,
				    r.area_level, r.area_code, r.latitude, r.longitude, r.status, c.demo, r.saved_by as author,
				    c.created_at, r.saved_at as updated_at, c.published_at, c.verified_at, r.version, r.themes
				from knowledge.case_revision r join knowledge.knowledge_case c on c.id = r.case_id
				where r.case_id = ? order by r.id""").param(knowledgeCase.id()).query(rows::row).list();
		List<CaseRevision> revisions = new ArrayList<>();
		KnowledgeCase previous = null;
		for (KnowledgeCase state : states) {
			revisions.add(0, new CaseRevision(state.version(), state.updatedAt(), state.author(), state.status(),
					changes(template, previous, state)));
			previous = state;
		}
		return revisions;
	}

	/** What differs between two states of a case ({@code before} null: all is new). */
	static List<FieldChange> changes(List<Field> template, KnowledgeCase before, KnowledgeCase after) {
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

}
