package be.obmi.knowledge.news;

import java.util.regex.Pattern;

import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The rich text of news items and events: sanitised with the OWASP Java HTML Sanitizer
 * (formatting, blocks, lists, links, tables; no scripts, styles or images), and its plain
 * text for the search and the feeds.
 */
public final class RichText {

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES);

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private RichText() {
	}

	/** The HTML with everything unsafe removed; empty for null. */
	public static String sanitise(String html) {
		return html == null ? "" : POLICY.sanitize(html).strip();
	}

	/** The text of sanitised HTML, without tags, entities decoded. */
	public static String plain(String html) {
		if (html == null || html.isEmpty()) {
			return "";
		}
		String text = TAG.matcher(html)
			.replaceAll(" ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#34;", "\"")
			.replace("&#39;", "'")
			.replace("&#61;", "=")
			.replace("&#64;", "@")
			.replace("&#43;", "+")
			.replace("&#96;", "`")
			.replace("&nbsp;", " ")
			.replace("&amp;", "&");
		return SPACE.matcher(text).replaceAll(" ").strip();
	}

}
