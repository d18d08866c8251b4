package be.obmi.audit;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Field-by-field differences between two versions of a record, so modules need not list
 * their fields twice.
 */
public final class Changes {

	private Changes() {
	}

	/**
	 * Compares the components of two records of the same type. Components named in
	 * {@code ignored} (such as {@code version}) are skipped. Either side may be null (a
	 * create or a delete).
	 */
	public static List<FieldChange> between(Record before, Record after, String... ignored) {
		Record sample = before != null ? before : after;
		if (sample == null) {
			return List.of();
		}
		Set<String> skip = Set.of(ignored);
		List<FieldChange> changes = new ArrayList<>();
		for (RecordComponent component : sample.getClass().getRecordComponents()) {
			if (skip.contains(component.getName())) {
				continue;
			}
			FieldChange change = FieldChange.between(component.getName(), valueOf(component, before),
					valueOf(component, after));
			if (change != null) {
				changes.add(change);
			}
		}
		return changes;
	}

	private static Object valueOf(RecordComponent component, Record record) {
		if (record == null) {
			return null;
		}
		try {
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
