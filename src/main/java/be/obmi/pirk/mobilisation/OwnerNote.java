package be.obmi.pirk.mobilisation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A dated note of a case.
 *
 * @param kind NOTE, LETTER, CALL, VISIT, MAIL, STATUS or CAMPAIGN
 */
public record OwnerNote(long id, LocalDate notedOn, String kind, String text, String author, OffsetDateTime createdAt) {

	public String kindKey() {
		return "pirk.owner.noteKind." + kind.toLowerCase();
	}

}
