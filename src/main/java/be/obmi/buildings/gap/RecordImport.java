package be.obmi.buildings.gap;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One import of a city's process-record list.
 *
 * @param processes the process codes whose lists it replaced
 */
public record RecordImport(long id, long tenantId, String fileName, List<String> processes, int records,
		String importedBy, OffsetDateTime importedAt, String undoneBy, OffsetDateTime undoneAt, boolean demo) {

	public boolean undone() {
		return undoneAt != null;
	}

}
