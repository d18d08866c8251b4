package be.obmi.opendata;

import java.util.List;

import be.obmi.shared.Texts;
import be.obmi.shared.tabular.ImportError;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A file in an open data format could not be read (or a cube cannot be written in a
 * format). It names where the problem is (line or row, column or keyword) and the reason
 * as a message code ({@code import.opendata.*}, texts in {@code i18n/opendata_nl} and
 * {@code _en}) with its arguments, so that the reason can be shown in the user's language
 * ({@code MessageSource.getMessage(exception, locale)}). Numbers are passed on as
 * written, never regrouped by the language. {@link #getMessage()} is the Dutch text, for
 * logs and for callers without a message source: {@code Regel 3, DATA: reason}.
 */
public class OpenDataFormatException extends RuntimeException implements MessageSourceResolvable {

	private final Long line;

	private final String column;

	private final String code;

	private final List<Object> arguments;

	/**
	 * @param line the line or row, or null
	 * @param column the column, keyword or property, or null
	 * @param code the message code of the reason, {@code import.opendata.*}
	 * @param arguments the arguments of the reason
	 */
	public OpenDataFormatException(Long line, String column, String code, Object... arguments) {
		this((Throwable) null, line, column, code, arguments);
	}

	/** The same, with the exception that caused it. */
	public OpenDataFormatException(Throwable cause, Long line, String column, String code, Object... arguments) {
		this(line, column, code, Texts.importArguments(code, arguments), cause);
	}

	private OpenDataFormatException(Long line, String column, String code, List<Object> arguments, Throwable cause) {
		super(Texts.dutch(located(line, column, code, arguments)), cause);
		this.line = line;
		this.column = column;
		this.code = code;
		this.arguments = arguments;
	}

	/** A problem at a line (or row) and column (or keyword or property). */
	public static OpenDataFormatException at(long line, String column, String code, Object... arguments) {
		return new OpenDataFormatException(line, column, code, arguments);
	}

	/** A problem with the whole file. */
	public static OpenDataFormatException of(String code, Object... arguments) {
		return new OpenDataFormatException(null, null, code, arguments);
	}

	/**
	 * Where and why: {@code Regel 3, DATA: reason} (the codes
	 * {@code import.opendata.where.*}), or the reason alone when the reader names no
	 * place.
	 */
	private static MessageSourceResolvable located(Long line, String column, String code, List<Object> arguments) {
		MessageSourceResolvable reason = new DefaultMessageSourceResolvable(new String[] { code }, arguments.toArray());
		if (line != null && column != null) {
			return where("lineAndColumn", line.toString(), column, reason);
		}
		if (line != null) {
			return where("line", line.toString(), reason);
		}
		return column != null ? where("column", column, reason) : reason;
	}

	private static MessageSourceResolvable where(String place, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { "import.opendata.where." + place }, arguments);
	}

	/**
	 * This problem as an error of an uploaded file: at its line (or row 1) and column,
	 * with the place and the reason in the reader's language.
	 */
	public ImportError asImportError() {
		MessageSourceResolvable located = located(line, column, code, arguments);
		return new ImportError(line == null ? 1 : line, column == null ? "" : column, located.getCodes()[0],
				located.getArguments());
	}

	/** The line (text formats) or row (spreadsheets) where the problem is, or null. */
	public Long line() {
		return this.line;
	}

	/** The column, keyword or JSON property concerned, or null. */
	public String column() {
		return this.column;
	}

	/** The message code of the reason, {@code import.opendata.*}. */
	public String code() {
		return this.code;
	}

	/** The arguments of the reason; numbers as text. */
	public List<Object> arguments() {
		return this.arguments;
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.toArray();
	}

	@Override
	public String getDefaultMessage() {
		return null;
	}

}
