package be.obmi.platform;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page besides the tenant: the current path (for the
 * language switch).
 */
@ControllerAdvice
class ShellModelAdvice {

	private final boolean demo;

	ShellModelAdvice(@Value("${obmi.demo.enabled:true}") boolean demo) {
		this.demo = demo;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return demo;
	}

}
