package be.obmi.knowledge.search;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The collections and their field templates as the search reads them: straight from
 * {@code knowledge.collection} and {@code knowledge.field} at every request, so a field
 * an editor adds shows as a facet and an export column at once (no cache to go stale).
 */
@Component
public class SearchTemplates {

	/** A collection with the number of its published cases. */
	public record Collection(long id, String code, String nameNl, String nameEn, String descriptionNl,
			String descriptionEn, long published) {

		public String name(Locale locale) {
			return "en".equals(locale.getLanguage()) ? nameEn : nameNl;
		}

		public String description(Locale locale) {
			return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionNl;
		}

	}

	/** A field of a template; {@code choices} for CHOICE and MULTI_CHOICE. */
	public record Field(String code, String labelNl, String labelEn, String type, List<Choice> choices, boolean facet) {

		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) ? labelEn : labelNl;
		}

		/** The label of a choice's code in the language, else the code itself. */
		public String choiceLabel(String code, Locale locale) {
			return choices.stream()
				.filter(c -> c.code().equals(code))
				.findFirst()
				.map(c -> c.label(locale))
				.orElse(code);
		}

	}

	/** A value of a controlled list. */
	public record Choice(String code, String nl, String en) {

		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : nl == null ? code : nl;
		}

	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SearchTemplates(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Every collection in its order, with its number of published cases. */
	public List<Collection> collections() {
		return jdbc.sql("""
				select c.id, c.code, c.name_nl, c.name_en, c.description_nl, c.description_en,
				       (select count(*) from knowledge.knowledge_case k
				        where k.collection_id = c.id and k.status = 'PUBLISHED') as published
				from knowledge.collection c order by c.position, c.name_nl""").query(Collection.class).list();
	}

	public Optional<Collection> collection(String code) {
		return collections().stream().filter(c -> c.code().equals(code)).findFirst();
	}

	/** The template of a collection in its order; empty for an unknown code. */
	public List<Field> fields(String collectionCode) {
		return jdbc.sql("""
				select f.code, f.label_nl, f.label_en, f.type, f.choices::text as choices, f.facet
				from knowledge.field f join knowledge.collection c on c.id = f.collection_id
				where c.code = ? order by f.position, f.id""")
			.param(collectionCode)
			.query((rs, n) -> new Field(rs.getString("code"), rs.getString("label_nl"), rs.getString("label_en"),
					rs.getString("type"), choices(rs.getString("choices")), rs.getBoolean("facet")))
			.list();
	}

	private List<Choice> choices(String text) {
		JsonNode node = json.readTree(text);
		if (node == null || !node.isArray()) {
			return List.of();
		}
		return node.valueStream()
			.filter(c -> c.has("code"))
			.map(c -> new Choice(c.get("code").asString(), c.has("nl") ? c.get("nl").asString() : null,
					c.has("en") ? c.get("en").asString() : null))
			.toList();
	}

}
