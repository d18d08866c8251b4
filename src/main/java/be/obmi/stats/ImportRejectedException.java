package be.obmi.stats;

import java.util.List;

/** An import was refused; nothing was changed. */
class ImportRejectedException extends RuntimeException {

	private final transient List<ImportError> errors;

	ImportRejectedException(List<ImportError> errors) {
		super(errors.size() + " fouten in het bestand");
		this.errors = List.copyOf(errors);
	}

	List<ImportError> errors() {
		return errors;
	}

}
