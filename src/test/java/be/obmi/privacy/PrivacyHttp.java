package be.obmi.privacy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import be.obmi.support.PageSession;

/** A logged-in page session with a CSRF token, posting forms of the privacy pages. */
final class PrivacyHttp {

	final PageSession session;

	private final String token;

	private PrivacyHttp(PageSession session, String token) {
		this.session = session;
		this.token = token;
	}

	/** Logs in a demo account and takes the CSRF token of a page of its tenant. */
	static PrivacyHttp as(int port, String username, String pageWithForm) {
		PageSession session = PageSession.login(port, username);
		return new PrivacyHttp(session, session.csrf(pageWithForm));
	}

	HttpResponse<String> get(String path) {
		return session.get(path);
	}

	HttpResponse<String> post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		String body = all.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return session.post(path, body + (body.isEmpty() ? "" : "&") + "_csrf=" + token);
	}

	/** The form fields of a complete activity, as the edit page posts them. */
	static Map<String, String> completeForm(String name, String purpose, String retention, int version) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("purpose", purpose);
		form.put("legalBases", "A6-1-e");
		form.put("dataSubjects", "Inwoners");
		form.put("dataCategories", "Naam;nee;5 jaar\nGezondheid;ja;10 jaar");
		form.put("recipients", "Niemand buiten de dienst");
		form.put("transfers", "");
		form.put("retention", retention);
		form.put("securityMeasures", "Toegang per rol");
		form.put("responsibleService", "Testdienst");
		form.put("controller", "Stad, Grote Markt 1");
		form.put("register", "CONTROLLER");
		form.put("audience", "CITIZENS");
		form.put("role", "CONTROLLER");
		form.put("organisationId", "");
		form.put("version", String.valueOf(version));
		return form;
	}

}
