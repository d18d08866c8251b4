package be.obmi.pirk.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A register entry in its current version, with the provenance of the import that brought
 * that version.
 *
 * @param objectId the matched object, null while it waits in the work queue
 * @param queueReason the message code of why it waits in the queue, null when matched
 * @param currentVersion the number of its current version (1 for the first)
 */
public record RegisterEntry(long id, RegisterType register, EntryContent content, Long objectId, MatchMethod method,
		int quality, String queueReason, int currentVersion, long batchId, String source, LocalDate extractDate,
		String fileName, boolean demo, OffsetDateTime updatedAt, int version) {

	/** Whether it waits in the work queue. */
	public boolean queued() {
		return objectId == null;
	}

	/** The entry's address on one line, or its CaPaKey or key when it has none. */
	public String label() {
		String line = content.address().line();
		if (!line.isEmpty()) {
			return line;
		}
		return content.capakey() != null ? content.capakey() : content.sourceKey();
	}

}
