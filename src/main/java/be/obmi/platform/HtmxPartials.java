package be.obmi.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place where htmx requests get partials: a handler returns its full page view
 * name, and for an htmx request (header {@code HX-Request}, not a boosted navigation)
 * only the page's {@code content} fragment is rendered. Controllers never check for htmx
 * themselves.
 */
class HtmxPartials implements HandlerInterceptor {

	static final String FRAGMENT = "content";

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || !isPartialRequest(request)) {
			return;
		}
		String view = modelAndView.getViewName();
		if (view != null && !view.startsWith("redirect:") && !view.startsWith("forward:") && !view.contains("::")) {
			modelAndView.setViewName(view + " :: " + FRAGMENT);
		}
		response.addHeader("Vary", "HX-Request");
	}

	static boolean isPartialRequest(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-Boosted"));
	}

}
