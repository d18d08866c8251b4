package be.obmi.identity;

import org.springframework.http.HttpStatus;

import be.obmi.shared.ApiProblem;
import be.obmi.shared.Reason;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads a multipart upload before anything else asks for a request parameter (the CSRF
 * check does), so a file over {@code spring.servlet.multipart.max-file-size} or
 * {@code max-request-size} gets a clear 413 — JSON with a Dutch message from the API, a
 * short page in the visitor's language (Dutch unless the browser asks for English) for
 * pages — instead of the servlet container's own error page. The page is written here,
 * not by the error controller: after a failed multipart parse the container cannot run
 * the normal error dispatch (the CSRF token is never read).
 */
final class UploadSizeGuard extends OncePerRequestFilter {

	private final String maxFileSize;

	private final MessageSource messages;

	UploadSizeGuard(String maxFileSize, MessageSource messages) {
		this.maxFileSize = maxFileSize;
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (IllegalStateException | IOException | ServletException ex) {
			if (isSizeLimit(ex)) {
				refuse(request, response);
				return;
			}
			// another unreadable form: the upload handlers answer it (400)
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ApiProblem.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
					Reason.of("identity.refused.uploadTooLarge", maxFileSize));
			return;
		}
		Locale locale = request.getHeader("Accept-Language") != null
				&& Locale.ENGLISH.getLanguage().equals(request.getLocale().getLanguage()) ? Locale.ENGLISH
						: Locale.forLanguageTag("nl");
		String title = HtmlUtils.htmlEscape(messages.getMessage("error.413.title", null, locale));
		String text = HtmlUtils.htmlEscape(messages.getMessage("error.413.text", null, locale));
		String home = HtmlUtils.htmlEscape(messages.getMessage("error.home", null, locale));
		response.setStatus(413);
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
					+ "<title>" + title + "</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
					+ "/css/obmi.css\"></head><body><main id=\"main\"><h1>" + title + "</h1><p>" + text
					+ "</p><p><a href=\"" + request.getContextPath() + "/\">" + home + "</a></p></main></body></html>");
	}

	static boolean isSizeLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getSimpleName();
			if (name.contains("SizeLimitExceeded") || name.contains("MaxUploadSizeExceeded")) {
				return true;
			}
		}
		return false;
	}

}
