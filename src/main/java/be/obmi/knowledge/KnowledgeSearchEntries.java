package be.obmi.knowledge;

import java.sql.Date;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import be.obmi.audit.DataChanged;
import be.obmi.knowledge.search.SearchDocument;
import be.obmi.knowledge.search.SearchIndex;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge bank's search as an extension point: another module puts and removes its
 * public records (kind {@code CONTRIBUTED}, the source as collection), so the portal
 * search {@code /kennis/zoeken} finds them beside the cases and news. Each record keeps a
 * stable id per {@code (source, key)} in {@code knowledge.search_contribution}. Calls
 * join the caller's transaction.
 */
@Service
public class KnowledgeSearchEntries {

	/** The entity type of the {@link DataChanged} it announces. */
	static final String ENTITY_TYPE = "kennisbank-zoekbijdrage";

	/** The condition that the contribution {@code c} is in the search now. */
	private static final String IN_SEARCH = " and exists (select 1 from knowledge.search_document d"
			+ " where d.kind = 'CONTRIBUTED' and d.ref_id = c.id)";

	private final JdbcClient jdbc;

	private final SearchIndex index;

	private final ApplicationEventPublisher events;

	KnowledgeSearchEntries(JdbcClient jdbc, SearchIndex index, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.index = index;
		this.events = events;
	}

	/**
	 * Adds or replaces the public record; a record the search already holds as it is
	 * changes nothing (so a contributor may put all its records at every start).
	 */
	@Transactional
	public void put(SearchEntry entry) {
		long id = jdbc.sql("""
				insert into knowledge.search_contribution (source, key) values (?, ?)
				on conflict (source, key) do update set key = excluded.key returning id""")
			.params(entry.source(), entry.key())
			.query(Long.class)
			.single();
		boolean same = jdbc.sql("""
				select count(*) from knowledge.search_document
				where kind = 'CONTRIBUTED' and ref_id = ? and collection = ? and title = ?
				  and coalesce(summary, '') = ? and coalesce(body, '') = ?
				  and content_date is not distinct from ? and path = ?""")
			.params(id, entry.source(), entry.title(), nonNull(entry.summary()), nonNull(entry.body()),
					entry.date() == null ? null : Date.valueOf(entry.date()), entry.path())
			.query(Long.class)
			.single() > 0;
		if (same) {
			return;
		}
		index.put(new SearchDocument(SearchDocument.Kind.CONTRIBUTED, id, entry.source(), null, entry.title(),
				entry.summary(), entry.body(), null, true, Map.of(), List.of(), entry.date(), null, null,
				entry.path()));
		changed();
	}

	/**
	 * Removes the record, if the search has it (a record removed before changes nothing
	 * and is not announced again).
	 */
	@Transactional
	public void remove(String source, String key) {
		jdbc.sql("select c.id from knowledge.search_contribution c where c.source = ? and c.key = ?" + IN_SEARCH)
			.params(source, key)
			.query(Long.class)
			.optional()
			.ifPresent(id -> {
				index.remove(SearchDocument.Kind.CONTRIBUTED, id);
				changed();
			});
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}

	/**
	 * The public search's answers change: the caches of public pages move on after the
	 * commit, as for any audited change.
	 */
	private void changed() {
		events.publishEvent(new DataChanged(null, ENTITY_TYPE));
	}

	/**
	 * Removes every record of the source in the search whose key is not among
	 * {@code keys}.
	 * @return how many were removed
	 */
	@Transactional
	public int retain(String source, Collection<String> keys) {
		List<String> gone = jdbc.sql("select c.key from knowledge.search_contribution c where c.source = ?" + IN_SEARCH)
			.param(source)
			.query(String.class)
			.list()
			.stream()
			.filter(k -> !keys.contains(k))
			.toList();
		gone.forEach(k -> remove(source, k));
		return gone.size();
	}

}
