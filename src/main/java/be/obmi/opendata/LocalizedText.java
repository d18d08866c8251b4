package be.obmi.opendata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A text in one or more languages (ISO 639-1 codes such as {@code nl}, {@code en},
 * {@code sv}), in a stable order: the first language is the main one.
 */
public record LocalizedText(Map<String, String> byLanguage) {

	public LocalizedText {
		Objects.requireNonNull(byLanguage, "byLanguage");
		byLanguage = Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
	}

	public static LocalizedText empty() {
		return new LocalizedText(Map.of());
	}

	public static LocalizedText single(String language, String text) {
		return new LocalizedText(Map.of(language, text));
	}

	/** Dutch and English, in that order. */
	public static LocalizedText of(String dutch, String english) {
		var map = new LinkedHashMap<String, String>();
		map.put("nl", dutch);
		map.put("en", english);
		return new LocalizedText(map);
	}

	public LocalizedText with(String language, String text) {
		var map = new LinkedHashMap<>(this.byLanguage);
		map.put(language, text);
		return new LocalizedText(map);
	}

	public Set<String> languages() {
		return this.byLanguage.keySet();
	}

	public boolean isEmpty() {
		return this.byLanguage.isEmpty();
	}

	/**
	 * The text in the language, else in the first language, else {@code fallback}. Never
	 * returns null unless fallback is.
	 */
	public String in(String language, String fallback) {
		var text = this.byLanguage.get(language);
		if (text != null) {
			return text;
		}
		return this.byLanguage.isEmpty() ? fallback : this.byLanguage.values().iterator().next();
	}

	public String in(String language) {
		return in(language, "");
	}

}
