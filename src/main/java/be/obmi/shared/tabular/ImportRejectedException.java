package be.obmi.shared.tabular;

import java.util.List;

/**
 * A file was refused as a whole: nothing of it was stored. Carries every error found, not
 * only the first, so the user can fix the file in one go. The API answers it with 422.
 */
public class ImportRejectedException extends RuntimeException {

	private final List<ImportError> errors;

	public ImportRejectedException(List<ImportError> errors) {
		super(errors.size() + " fout(en) in het bestand; er is niets ingelezen. Eerste: " + errors.getFirst());
		this.errors = List.copyOf(errors);
	}

	/** One problem in a row (1 = the header row) and column. */
	public static ImportRejectedException at(long row, String column, String code, Object... arguments) {
		return new ImportRejectedException(List.of(new ImportError(row, column, code, arguments)));
	}

	/** One problem with the whole file. */
	public static ImportRejectedException of(String code, Object... arguments) {
		return new ImportRejectedException(List.of(ImportError.ofFile(code, arguments)));
	}

	/** Never empty. */
	public List<ImportError> errors() {
		return errors;
	}

}
