package be.obmi.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionSystemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A failure of the database server rather than of the request: it cannot be reached, it
 * has no room to write, or it refuses writes. Pages and the API answer these with 503,
 * {@code Retry-After} and the Dutch {@link #message()}, never with a stack trace; since
 * every change runs in one transaction, nothing was changed. Recognised from the SQLSTATE
 * of an {@link SQLException} anywhere in the cause chain (and the pool's connection
 * timeout).
 */
public enum DatabaseFailure {

	/**
	 * The server is down, restarting or out of connections (SQLSTATE 08…, 57P01–57P03,
	 * 53300, pool timeout).
	 */
	UNREACHABLE("De databank is even niet bereikbaar. Probeer het over enkele ogenblikken opnieuw; wat je net "
			+ "deed, is niet bewaard."),

	/**
	 * The server has no room to write (SQLSTATE 53100 disk_full, 53200 out_of_memory,
	 * 53400, 58030 io_error).
	 */
	FULL("De databank kon niet schrijven (schijf vol); er is niets gewijzigd. Verwittig de beheerder van het platform "
			+ "en probeer het later opnieuw."),

	/**
	 * The server refuses writes (SQLSTATE 25006 read-only transaction, 42501 insufficient
	 * privilege).
	 */
	REFUSED("De databank weigerde de bewerking (alleen-lezen of geen rechten); er is niets gewijzigd. "
			+ "Verwittig de beheerder van het platform.");

	/**
	 * The request attribute under which the failure of a request is kept for the error
	 * page.
	 */
	public static final String REQUEST_ATTRIBUTE = DatabaseFailure.class.getName();

	/** Seconds a client should wait before it tries again. */
	public static final int RETRY_AFTER_SECONDS = 30;

	private final String message;

	DatabaseFailure(String message) {
		this.message = message;
	}

	/** The Dutch message for the user. */
	public String message() {
		return message;
	}

	/**
	 * Answers 503 with {@code Retry-After}; the error page (or JSON) shows this failure's
	 * message.
	 */
	public void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		request.setAttribute(REQUEST_ATTRIBUTE, this);
		response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") && !response.isCommitted()) {
			// the API's one refusal shape
			response.resetBuffer();
			ApiProblem.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, Reason.of("error.503." + name()));
			return;
		}
		response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, message);
	}

	/**
	 * The database failure behind {@code error}, or empty when it is something else (a
	 * bug, bad input, a conflict).
	 */
	public static Optional<DatabaseFailure> of(Throwable error) {
		int depth = 0;
		for (Throwable cause = error; cause != null && depth < 25; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLTransientConnectionException) {
				return Optional.of(UNREACHABLE);
			}
			// a rollback that failed on the broken connection hides the failure that
			// caused the rollback
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& rollback.getApplicationException() != error) {
				Optional<DatabaseFailure> failure = of(rollback.getApplicationException());
				if (failure.isPresent()) {
					return failure;
				}
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				Optional<DatabaseFailure> failure = ofSqlState(sql.getSQLState());
				if (failure.isPresent()) {
					return failure;
				}
			}
		}
		return Optional.empty();
	}

	static Optional<DatabaseFailure> ofSqlState(String state) {
		if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
				|| state.equals("53300")) {
			return Optional.of(UNREACHABLE);
		}
		if (state.equals("53100") || state.equals("53200") || state.equals("53400") || state.equals("58030")) {
			return Optional.of(FULL);
		}
		if (state.equals("25006") || state.equals("42501")) {
			return Optional.of(REFUSED);
		}
		return Optional.empty();
	}

}
