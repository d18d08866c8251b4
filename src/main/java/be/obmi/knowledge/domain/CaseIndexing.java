package be.obmi.knowledge.domain;

import java.time.LocalDate;
import java.time.ZoneId;

import be.obmi.knowledge.search.SearchDocument;
import be.obmi.knowledge.search.SearchIndex;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A case as the search knows it: title, summary, body and the text of its PDFs; published
 * when its status is; the values of its template's facet fields; its public path
 * {@code /kennis/collecties/{code}/{publicId}}.
 */
@Component
class CaseIndexing {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private final SearchIndex index;

	private final Collections collections;

	private final CaseFiles files;

	private final Tenants tenants;

	private final JdbcClient jdbc;

	CaseIndexing(SearchIndex index, Collections collections, CaseFiles files, Tenants tenants, JdbcClient jdbc) {
		this.index = index;
		this.collections = collections;
		this.files = files;
		this.tenants = tenants;
		this.jdbc = jdbc;
	}

	void index(KnowledgeCase c) {
		String code = jdbc.sql("select code from knowledge.collection where id = ?")
			.param(c.collectionId())
			.query(String.class)
			.single();
		String slug = c.tenantId() == null ? null : tenants.byId(c.tenantId()).map(Tenant::slug).orElse(null);
		LocalDate date = (c.publishedAt() != null ? c.publishedAt() : c.updatedAt()).atZone(BRUSSELS).toLocalDate();
		index.put(new SearchDocument(SearchDocument.Kind.CASE, c.id(), code, slug, c.title(), c.summary(),
				RichText.plain(c.body()), files.text(c.id()), c.published(),
				KnowledgeCases.facetsOf(collections.fields(c.collectionId()), c), c.themes(), date, c.latitude(),
				c.longitude(), "/kennis/collecties/" + code + "/" + c.publicId()));
	}

	void remove(long caseId) {
		index.remove(SearchDocument.Kind.CASE, caseId);
	}

}
