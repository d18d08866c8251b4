package be.obmi.knowledge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case of a collection.
 *
 * @param tenantId the contributing city, or null for the Kenniscentrum's own
 * @param body sanitised HTML
 * @param fieldValues the values by field code (see {@link FieldValues})
 * @param verifiedAt the day an editor last checked the case, or null
 */
public record KnowledgeCase(long id, UUID publicId, long collectionId, Long tenantId, String title, String summary,
		String body, Map<String, Object> fieldValues, String areaLevel, String areaCode, Double latitude,
		Double longitude, CaseStatus status, boolean demo, String author, Instant createdAt, Instant updatedAt,
		Instant publishedAt, LocalDate verifiedAt, int version, List<String> themes) {

	public KnowledgeCase {
		fieldValues = fieldValues == null ? Map.of() : Map.copyOf(fieldValues);
		themes = themes == null ? List.of() : List.copyOf(themes);
	}

	public Object value(String fieldCode) {
		return fieldValues.get(fieldCode);
	}

	public boolean published() {
		return status == CaseStatus.PUBLISHED;
	}

	public boolean located() {
		return latitude != null && longitude != null;
	}

}
