package be.obmi.platform;

import java.util.Locale;
import java.util.Map;

import be.obmi.shared.ApiProblem;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Texts;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How every REST controller answers the platform's common failures, in the one
 * {@link ApiProblem} shape: a refused file with 422 and all its errors (row, column,
 * reason), a concurrent change with 409, each reason in the client's language (the
 * request's locale, {@link ApiLanguage} for the API). A request that does not fit the
 * data (an unknown import, a value out of range) gets 400 from
 * {@link RequestFieldAdvice}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrorAdvice {

	private final MessageSource messages;

	ApiErrorAdvice(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Every error of the file with its reason in the client's language: the one chosen on
	 * the site, else the request's {@code Accept-Language} (Dutch or English), else
	 * Dutch.
	 */
	@ExceptionHandler(ImportRejectedException.class)
	ResponseEntity<Map<String, Object>> rejected(ImportRejectedException ex, Locale locale) {
		return ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("import.rejected", null, locale),
				ImportError.in(ex.errors(), messages, locale));
	}

	/** Someone else saved the same data first: 409 with the reason. */
	@ExceptionHandler(ConcurrentChangeException.class)
	ResponseEntity<Map<String, Object>> conflict(ConcurrentChangeException ex, Locale locale) {
		return ApiProblem.of(HttpStatus.CONFLICT, Texts.reason(messages, ex, locale));
	}

}
