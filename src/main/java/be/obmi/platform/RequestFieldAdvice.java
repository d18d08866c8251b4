package be.obmi.platform;

import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.shared.ApiProblem;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A request field that does not fit its route — text too long, a number out of range or
 * not a number, a date that does not exist or lies outside 1900–2200, a choice that is
 * not offered, a required field left out — is answered with 400 and, per field, what is
 * wrong, in the user's language: JSON {@code {"error": "Veld \"naam\": reden", "errors":
 * [{"field", "message"}]}} for the API (in {@link ApiLanguage}), the error page listing
 * the fields for a browser. Nothing was changed: these checks run before the handler. An
 * identifier in the path that is not a number means nothing was found: 404.
 * <p>
 * The limits themselves are declared where the field is (Jakarta constraints on request
 * parameters and form records; see {@code docs/security.md}, "Field bounds").
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestFieldAdvice {

	/** One refused field: its name as sent and the reason. */
	public record FieldProblem(String field, String message) {
	}

	/** The request attribute the error page reads the refused fields from. */
	static final String PROBLEMS_ATTRIBUTE = RequestFieldAdvice.class.getName() + ".problems";

	private final MessageSource messages;

	RequestFieldAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<?> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return notFound(request, response);
		}
		return refuse(request, response, List.of(new FieldProblem(ex.getName(),
				text(request, "field.typeMismatch." + kind(ex.getRequiredType()), ex.getName()))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<?> missing(MissingServletRequestParameterException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		return refuse(request, response, List
			.of(new FieldProblem(ex.getParameterName(), text(request, "field.missing", ex.getParameterName()))));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<?> missingPart(MissingServletRequestPartException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		return refuse(request, response, List.of(new FieldProblem(ex.getRequestPartName(),
				text(request, "field.missingFile", ex.getRequestPartName()))));
	}

	@ExceptionHandler(MissingPathVariableException.class)
	ResponseEntity<?> missingPath(HttpServletRequest request, HttpServletResponse response) throws IOException {
		return notFound(request, response);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<?> invalid(HandlerMethodValidationException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Locale locale = RequestContextUtils.getLocale(request);
		List<FieldProblem> problems = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String field = name(result.getMethodParameter());
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				String name = error instanceof FieldError fieldError ? fieldError.getField() : field;
				problems.add(new FieldProblem(name, about(name, message(error, locale), locale)));
			}
		});
		return refuse(request, response, problems);
	}

	/**
	 * A form bound without a {@code BindingResult} beside it (which would let the page
	 * show the errors itself).
	 */
	@ExceptionHandler(BindException.class)
	ResponseEntity<?> unbound(BindException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Locale locale = RequestContextUtils.getLocale(request);
		List<FieldProblem> problems = ex.getFieldErrors()
			.stream()
			.map(error -> new FieldProblem(error.getField(), about(error.getField(), message(error, locale), locale)))
			.toList();
		return refuse(request, response, problems);
	}

	/**
	 * A check in the domain that refused a value (a {@code RefusedValueException} with
	 * its reason as a message code, or an {@code IllegalArgumentException} with a
	 * message): 400 with that reason in the user's language, on pages as well as in the
	 * API, never a 500.
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<?> refusedValue(IllegalArgumentException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String reason = String.valueOf(Texts.reason(messages, ex, RequestContextUtils.getLocale(request)));
		if (api(request)) {
			return json(HttpStatus.BAD_REQUEST, reason, null);
		}
		return refuse(request, response, List.of(new FieldProblem("", reason)));
	}

	/**
	 * A refusal a handler raised with a status and a Dutch reason (404 for an unknown
	 * dataset, ...): for the API as JSON with that reason instead of Spring's bare status
	 * text; a browser gets the error page for the status.
	 */
	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<?> refusedWithStatus(ResponseStatusException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (api(request)) {
			String reason = ex.getReason() == null ? ex.getStatusCode().toString() : ex.getReason();
			return ResponseEntity.status(ex.getStatusCode())
				.headers(ex.getHeaders())
				.contentType(ApiProblem.TYPE)
				.body(ApiProblem.body(HttpStatus.valueOf(ex.getStatusCode().value()), reason, null));
		}
		ex.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		if (ex.getReason() == null) {
			response.sendError(ex.getStatusCode().value());
		}
		else {
			response.sendError(ex.getStatusCode().value(), ex.getReason());
		}
		return null;
	}

	/**
	 * Something domain code (or a handler) looked for is not there: 404 with its reason
	 * in the user's language.
	 */
	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<?> notFound(NotFoundException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String reason = Texts.reason(messages, ex, RequestContextUtils.getLocale(request));
		return refusedWithStatus(new ResponseStatusException(HttpStatus.NOT_FOUND, reason), request, response);
	}

	private String message(MessageSourceResolvable error, Locale locale) {
		return messages.getMessage(error, locale);
	}

	/**
	 * A validator's reason as a sentence about the field:
	 * {@code Veld "naam": grootte moet tussen 0 en 200 liggen}.
	 */
	private String about(String field, String reason, Locale locale) {
		return messages.getMessage("field.invalid", new Object[] { label(field, locale), reason }, locale);
	}

	/**
	 * The message {@code code} about a field, named by its label
	 * ({@code field.label.<name>}) or else as sent.
	 */
	private String text(HttpServletRequest request, String code, String field) {
		Locale locale = RequestContextUtils.getLocale(request);
		return messages.getMessage(code, new Object[] { label(field, locale) }, locale);
	}

	private String label(String field, Locale locale) {
		return messages.getMessage("field.label." + field, null, field, locale);
	}

	private static String name(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
		if (path != null && !path.name().isEmpty()) {
			return path.name();
		}
		return String.valueOf(parameter.getParameterName());
	}

	private static String kind(Class<?> type) {
		if (type == null) {
			return "other";
		}
		if (type == int.class || type == long.class || type == Integer.class || type == Long.class
				|| type == short.class || type == Short.class) {
			return "integer";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "number";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "date";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "boolean";
		}
		if (type.isEnum()) {
			return "choice";
		}
		return "other";
	}

	private ResponseEntity<?> notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (api(request)) {
			return ApiProblem.of(HttpStatus.NOT_FOUND, text(request, "field.notFound", ""));
		}
		response.sendError(HttpStatus.NOT_FOUND.value());
		return null;
	}

	private static ResponseEntity<?> refuse(HttpServletRequest request, HttpServletResponse response,
			List<FieldProblem> problems) throws IOException {
		if (api(request)) {
			return json(HttpStatus.BAD_REQUEST, String.join(" ", problems.stream().map(FieldProblem::message).toList()),
					problems);
		}
		request.setAttribute(PROBLEMS_ATTRIBUTE, problems);
		response.sendError(HttpStatus.BAD_REQUEST.value());
		return null;
	}

	private static ResponseEntity<?> json(HttpStatus status, String message, List<FieldProblem> problems) {
		return ResponseEntity.status(status)
			.contentType(ApiProblem.TYPE)
			.body(ApiProblem.body(status, message, problems));
	}

	/** The API's refusal ({@link ApiProblem}) with the refused fields. */
	static Map<String, Object> body(String message, List<FieldProblem> problems) {
		return ApiProblem.body(HttpStatus.BAD_REQUEST, message, problems);
	}

	private static boolean api(HttpServletRequest request) {
		return ApiLanguage.api(request);
	}

}
