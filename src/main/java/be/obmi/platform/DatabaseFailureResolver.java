package be.obmi.platform;

import java.io.IOException;
import java.util.Map;

import be.obmi.shared.DatabaseFailure;
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

/**
 * Answers a request that failed because of the database server (unreachable, full, refusing writes; see
 * {@link DatabaseFailure}) with 503, {@code Retry-After} and a Dutch message: the error page for a browser, JSON
 * with {@code message} for the API. Runs before every other exception handler, so that such a failure is never
 * shown as a conflict, a bad request or a stack trace.
 */
@Component
class DatabaseFailureResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(DatabaseFailureResolver.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
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


	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/** The error attributes: with the Dutch message of a database failure, and the failure for the error page. */
	@Bean
	DefaultErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {
			@Override
			public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
				Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
				Object failure = webRequest.getAttribute(DatabaseFailure.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
				if (failure instanceof DatabaseFailure known) {
					attributes.put("message", known.message());
					attributes.put("databaseFailure", known.name());
				}
				return attributes;
			}
		};
	}

}
