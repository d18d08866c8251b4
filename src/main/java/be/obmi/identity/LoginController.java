package be.obmi.identity;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page; it names why the last login failed (wrong password, account locked,
 * account disabled).
 */
@Controller
class LoginController {

	static final String VIEW = "identity/login";

	@GetMapping("/login")
	String login(HttpSession session, Model model) {
		Object error = session.getAttribute("obmi.loginError");
		if (error != null) {
			model.addAttribute("loginError", error);
			session.removeAttribute("obmi.loginError");
		}
		return VIEW;
	}

}
