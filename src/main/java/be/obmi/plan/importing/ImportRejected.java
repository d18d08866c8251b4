package be.obmi.plan.importing;

import java.util.List;

/** The file had errors and nothing was changed; {@link #errors()} lists every one of them. */
public class ImportRejected extends RuntimeException {

	private final List<ImportError> errors;

	public ImportRejected(List<ImportError> errors) {
		super(errors.size() + " fout(en) in het bestand; er is niets gewijzigd.");
		this.errors = List.copyOf(errors);
	}

	public static ImportRejected of(int row, String column, String message) {
		return new ImportRejected(List.of(new ImportError(row, column, message)));
	}

	public List<ImportError> errors() {
		return errors;
	}

}
