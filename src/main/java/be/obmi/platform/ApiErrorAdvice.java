package be.obmi.platform;

import java.util.List;
import java.util.Map;

import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How every REST controller answers the platform's common failures: a refused file with 422 and all its errors
 * (row, column, Dutch reason), a concurrent change with 409. A request that does not fit the data (an unknown
 * import, a value out of range) gets 400 with its Dutch message from {@link RequestFieldAdvice}.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrorAdvice {

	/** The body of a 422: every error of the file; nothing was changed. */
	public record Rejection(String message, List<ImportError> errors) {
	}

	@ExceptionHandler(ImportRejectedException.class)
	ResponseEntity<Rejection> rejected(ImportRejectedException ex) {
		return ResponseEntity.unprocessableContent()
			.body(new Rejection("Het bestand is geweigerd; er is niets gewijzigd.", ex.errors()));
	}

	@ExceptionHandler(ConcurrentChangeException.class)
	ResponseEntity<Map<String, String>> conflict(ConcurrentChangeException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", ex.getMessage()));
	}

}
