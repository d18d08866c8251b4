package be.obmi.knowledge.domain;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The rich text of a case (its body and RICH_TEXT fields): HTML kept only in a small
 * policy (paragraphs, line breaks, emphasis, lists, h3/h4, quotes and http(s)/mailto
 * links with {@code rel="nofollow"}), so a page can show it as it is.
 */
public final class RichText {

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "strong", "em", "ul", "ol", "li", "h3", "h4", "blockquote", "a")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href")
		.onElements("a")
		.requireRelsOnLinks("nofollow")
		.toFactory();

	private RichText() {
	}

	/** The HTML with everything outside the policy removed; never null. */
	public static String sanitised(String html) {
		return html == null || html.isBlank() ? "" : POLICY.sanitize(html);
	}

	/** The text of sanitised HTML, without tags, for the search. */
	public static String plain(String html) {
		if (html == null) {
			return "";
		}
		String text = html.replaceAll("<[^>]*>", " ")
			.replace("&amp;", "&")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&#34;", "\"")
			.replace("&#39;", "'")
			.replace("&quot;", "\"");
		return text.replaceAll("\\s+", " ").trim();
	}

}
