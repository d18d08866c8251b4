package be.obmi.shared;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The one shape of an API refusal: {@code application/problem+json} (RFC 9457) with
 * {@code type}, {@code status} and {@code detail} (the reason in the user's language; no
 * {@code title}, which would be the English reason phrase), and as extension members
 * {@code message} and {@code error} (the same reason, which clients of the first API
 * versions read) and, where there is more than one problem, {@code errors} (per row and
 * column of a file, or per request field).
 */
public final class ApiProblem {

	public static final MediaType TYPE = MediaType.APPLICATION_PROBLEM_JSON;

	private ApiProblem() {
	}

	/** The body of a refusal. */
	public static Map<String, Object> body(HttpStatus status, String detail, List<?> errors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("message", detail);
		body.put("error", detail);
		if (errors != null) {
			body.put("errors", errors);
		}
		return body;
	}

	/** A refusal with its status, reason and (or null) its problems one by one. */
	public static ResponseEntity<Map<String, Object>> of(HttpStatus status, String detail, List<?> errors) {
		return ResponseEntity.status(status).contentType(TYPE).body(body(status, detail, errors));
	}

	public static ResponseEntity<Map<String, Object>> of(HttpStatus status, String detail) {
		return of(status, detail, null);
	}

	/**
	 * Writes a refusal straight to the response, for filters that answer before any
	 * controller (rate limits, tokens, upload size); the caller sets other headers.
	 */
	public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		write(response, status, body(status, detail, null));
	}

	/**
	 * Writes a refusal straight to the response in the reader's language: the language
	 * the application's {@code LocaleResolver} gives the request (for the API: the
	 * language cookie, else {@code Accept-Language}, else Dutch), the text from the
	 * message bundles. For filters, which answer before the dispatcher has set the
	 * request's locale; without an application context (a bare servlet test) in Dutch.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Reason reason)
			throws IOException {
		write(response, status, body(status, text(request, reason), null));
	}

	/**
	 * A reason in the request's language (see
	 * {@link #write(HttpServletRequest, HttpServletResponse, HttpStatus, Reason)}).
	 */
	public static String text(HttpServletRequest request, Reason reason) {
		WebApplicationContext context = WebApplicationContextUtils
			.getWebApplicationContext(request.getServletContext());
		if (context == null) {
			return reason.toString();
		}
		LocaleResolver resolver = context.getBeanProvider(LocaleResolver.class).getIfAvailable();
		Locale locale = resolver == null ? Texts.DUTCH : resolver.resolveLocale(request);
		return context.getBean(MessageSource.class).getMessage(reason, locale);
	}

	/** Writes a refusal body ({@link #body}) straight to the response. */
	public static void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(TYPE + ";charset=UTF-8");
		response.getWriter().write(JSON.writeValueAsString(body));
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

}
