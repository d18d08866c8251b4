package be.obmi.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a multipart upload before anything else asks for a request parameter (the CSRF check does), so a file over
 * {@code spring.servlet.multipart.max-file-size} or {@code max-request-size} gets a clear 413 — JSON with a Dutch
 * message from the API, the Dutch error page for pages — instead of the servlet container's own error page.
 */
final class UploadSizeGuard extends OncePerRequestFilter {

	static final String MESSAGE = "Het bestand is te groot: de server aanvaardt bestanden tot %s. Er is niets gewijzigd.";

	private final String maxFileSize;

	UploadSizeGuard(String maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
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
			response.setStatus(413);
			response.setContentType("application/json;charset=UTF-8");
			response.getWriter().write("{\"error\":\"" + MESSAGE.formatted(maxFileSize) + "\"}");
			return;
		}
		response.sendError(413);
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
