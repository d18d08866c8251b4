package be.obmi.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that shows its form again because fields were refused answers 400, not 200: the
 * refusal is visible to scripts, monitoring and assistive tools, as for the API.
 * Redirects and other statuses are left alone.
 */
class FormErrorStatus implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null || response.getStatus() != HttpServletResponse.SC_OK
				|| (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
			return;
		}
		boolean refused = view.getModel()
			.values()
			.stream()
			.anyMatch(value -> value instanceof BindingResult result && result.hasErrors());
		if (refused) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
	}

}
