package be.obmi.pirk.screening;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import be.obmi.audit.FieldChange;

/** The field changes of an audit event, without those that changed nothing (null). */
public final class AuditFields {

	private AuditFields() {
	}

	public static List<FieldChange> of(FieldChange... changes) {
		return Arrays.stream(changes).filter(Objects::nonNull).toList();
	}

}
