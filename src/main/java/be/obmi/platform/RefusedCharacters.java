package be.obmi.platform;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.shared.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A request the firewall refuses (a NUL character in a field, an encoded slash or dot
 * segment in the address) gets 400 with the field it is about and the reason in the
 * user's language — JSON for the API, the error page for a browser — instead of a bare
 * status. Nothing was changed: the request never reached a handler.
 */
@Component
class RefusedCharacters implements RequestRejectedHandler {

	private final MessageSource messages;

	RefusedCharacters(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		Locale locale = RequestContextUtils.getLocale(request);
		String field = offendingField(request);
		String message = field == null ? messages.getMessage("field.rejectedRequest", null, locale)
				: messages.getMessage("field.rejectedCharacter", new Object[] { field }, locale);
		List<RequestFieldAdvice.FieldProblem> problems = List
			.of(new RequestFieldAdvice.FieldProblem(field == null ? "" : field, message));
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ApiProblem.write(response, HttpStatus.BAD_REQUEST, RequestFieldAdvice.body(message, problems));
			return;
		}
		request.setAttribute(RequestFieldAdvice.PROBLEMS_ATTRIBUTE, problems);
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	/**
	 * The first parameter whose name or value holds a control character (its name without
	 * them), or null.
	 */
	private static String offendingField(HttpServletRequest request) {
		try {
			for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
				boolean bad = control(parameter.getKey());
				for (String value : parameter.getValue()) {
					bad |= control(value);
				}
				if (bad) {
					return parameter.getKey().replaceAll("\\p{Cntrl}", "");
				}
			}
		}
		catch (RuntimeException unreadable) {
			return null;
		}
		return null;
	}

	private static boolean control(String text) {
		return text != null && text.indexOf('\0') >= 0;
	}

}
