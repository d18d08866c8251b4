package be.obmi.platform;

import java.io.IOException;
import java.util.Map;

import be.obmi.shared.DatabaseFailure;
import be.obmi.shared.Reason;
import be.obmi.shared.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import java.net.URI;
import java.sql.SQLException;

/**
 * Answers a request that failed because of the database server (unreachable, full,
 * refusing writes; see {@link DatabaseFailure}) with 503, {@code Retry-After} and a Dutch
 * message: the error page for a browser, JSON with {@code message} for the API. Runs
 * before every other exception handler, so that such a failure is never shown as a
 * conflict, a bad request or a stack trace.
 */
@Component
class DatabaseFailureResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(DatabaseFailureResolver.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (badValue(ex)) {
			// a value the database refuses (too long, out of range, a broken check) is
			// the request's fault: 400 in Dutch,
			// never a 500; nothing was changed (the transaction rolled back)
			log.info("{} {} refused a value: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
			String text = ApiProblem.text(request, Reason.of("error.400.badValue"));
			request.setAttribute(BAD_VALUE_ATTRIBUTE, text);
			try {
				response.sendError(HttpServletResponse.SC_BAD_REQUEST, text);
			}
			catch (IOException io) {
				log.debug("Could not send the 400", io);
			}
			return new ModelAndView();
		}
		return DatabaseFailure.of(ex).map(failure -> {
			log.warn("{} {} failed, the database is {}: {}", request.getMethod(), request.getRequestURI(), failure,
					ex.getMessage());
			try {
				failure.answer(request, response);
			}
			catch (IOException io) {
				log.debug("Could not send the 503", io);
			}
			return new ModelAndView();
		}).orElse(null);
	}

	static final String BAD_VALUE_ATTRIBUTE = DatabaseFailureResolver.class.getName() + ".badValue";

	/**
	 * A data exception (SQLSTATE class 22: too long, out of range, bad date) or a check
	 * violation (23514).
	 */
	static boolean badValue(Throwable error) {
		int depth = 0;
		for (Throwable cause = error; cause != null && depth < 25; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("22") || sql.getSQLState().equals("23514"))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * The page the refused request came from (its path), when it is a page of this site;
	 * else null.
	 */
	static String back(String referer, String host) {
		if (referer == null || host == null) {
			return null;
		}
		try {
			URI uri = URI.create(referer);
			String authority = uri.getRawAuthority();
			if (authority == null || !authority.equalsIgnoreCase(host) || uri.getRawPath() == null
					|| !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
				return null;
			}
			return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The error attributes: with the Dutch message of a database failure, and the failure
	 * for the error page.
	 */
	@Bean
	DefaultErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {
			@Override
			public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
				Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
				Object badValue = webRequest.getAttribute(BAD_VALUE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
				if (badValue != null) {
					attributes.put("message", badValue);
				}
				Object problems = webRequest.getAttribute(RequestFieldAdvice.PROBLEMS_ATTRIBUTE,
						RequestAttributes.SCOPE_REQUEST);
				if (problems != null) {
					attributes.put("problems", problems);
				}
				String back = back(webRequest.getHeader("Referer"), webRequest.getHeader("Host"));
				if (back != null) {
					attributes.put("back", back);
				}
				Object failure = webRequest.getAttribute(DatabaseFailure.REQUEST_ATTRIBUTE,
						RequestAttributes.SCOPE_REQUEST);
				if (failure instanceof DatabaseFailure known) {
					attributes.put("message", known.message());
					attributes.put("databaseFailure", known.name());
				}
				return attributes;
			}
		};
	}

}
