package be.obmi.platform;

import java.io.IOException;

import be.obmi.shared.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.core.env.Environment;

/**
 * A file upload the server refuses before any module sees it: larger than
 * {@code spring.servlet.multipart.max-file-size} / {@code max-request-size} gives 413, a
 * request to an upload route that is not a readable multipart form gives 400 — never a
 * 500. The API answers JSON with a Dutch message; pages show the error page for that
 * status.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadErrorAdvice {

	static final String TOO_LARGE = "Het bestand is te groot: de server aanvaardt bestanden tot %s. Er is niets gewijzigd.";

	static final String NOT_MULTIPART = "De vraag bevat geen leesbaar bestand (verwacht: een formulier met een bestand). "
			+ "Er is niets gewijzigd.";

	private final String maxFileSize;

	UploadErrorAdvice(Environment environment) {
		this.maxFileSize = environment.getProperty("spring.servlet.multipart.max-file-size", "1MB");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<?> tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		return refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE.formatted(maxFileSize));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<?> notMultipart(MultipartException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (isSizeLimit(ex)) {
			return tooLarge(request, response);
		}
		return refuse(request, response, HttpStatus.BAD_REQUEST, NOT_MULTIPART);
	}

	/**
	 * Tomcat reports a size limit as a plain MultipartException when the limit is hit
	 * while streaming the parts.
	 */
	private static boolean isSizeLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getSimpleName();
			if (cause instanceof MaxUploadSizeExceededException || name.contains("SizeLimitExceeded")
					|| name.contains("SizeException")) {
				return true;
			}
		}
		return false;
	}

	private static ResponseEntity<?> refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String message) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ApiProblem.of(status, message);
		}
		response.sendError(status.value());
		return null;
	}

}
