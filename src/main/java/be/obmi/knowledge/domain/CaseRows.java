package be.obmi.knowledge.domain;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * How a case is read from {@code knowledge.knowledge_case} (and a revision from
 * {@code knowledge.case_revision}, with the same columns): the select with the case's
 * themes, and the row as a {@link KnowledgeCase}.
 */
@Component
class CaseRows {

	static final String SELECT = """
			select c.*, coalesce((select array_agg(t.theme_code order by t.theme_code) from knowledge.case_theme t
			    where t.case_id = c.id), '{}') as themes
			from knowledge.knowledge_case c""";

	private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {
	};

	private final JsonMapper json;

	CaseRows(JsonMapper json) {
		this.json = json;
	}

	KnowledgeCase row(ResultSet rs, int row) throws SQLException {
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

}
