package be.obmi.knowledge.search;

import java.sql.Date;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link SearchIndex} on PostgreSQL: the documents in {@code knowledge.search_document}.
 */
@Component
class PostgresSearchIndex implements SearchIndex {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PostgresSearchIndex(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void put(SearchDocument d) {
		jdbc.sql("""
				insert into knowledge.search_document (kind, ref_id, collection, tenant_slug, title, summary, body,
				    attachment_text, published, facets, themes, content_date, latitude, longitude, path, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, now())
				on conflict (kind, ref_id) do update set collection = excluded.collection,
				    tenant_slug = excluded.tenant_slug, title = excluded.title, summary = excluded.summary,
				    body = excluded.body, attachment_text = excluded.attachment_text, published = excluded.published,
				    facets = excluded.facets, themes = excluded.themes, content_date = excluded.content_date,
				    latitude = excluded.latitude, longitude = excluded.longitude, path = excluded.path,
				    updated_at = now()""")
			.params(d.kind().name(), d.refId(), d.collection(), d.tenantSlug(), d.title(), d.summary(), d.body(),
					d.attachmentText(), d.published(), json.writeValueAsString(d.facets()),
					d.themes().toArray(String[]::new), d.date() == null ? null : Date.valueOf(d.date()), d.latitude(),
					d.longitude(), d.path())
			.update();
	}

	@Override
	public void remove(SearchDocument.Kind kind, long refId) {
		jdbc.sql("delete from knowledge.search_document where kind = ? and ref_id = ?")
			.params(kind.name(), refId)
			.update();
	}

}
