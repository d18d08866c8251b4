package be.obmi.knowledge.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo or file of a case (without its bytes).
 *
 * @param fieldCode the FILE field it belongs to, or null for the case's own photos and
 * files
 */
public record CaseFile(long id, UUID publicId, long caseId, String fieldCode, String kind, String fileName,
		String contentType, int sizeBytes, Instant uploadedAt) {

	public boolean photo() {
		return "PHOTO".equals(kind);
	}

}
