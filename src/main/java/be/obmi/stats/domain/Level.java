package be.obmi.stats.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The area levels, from coarse to fine, with the level names Swing files use. */
public enum Level {

	GEWEST, PROVINCIE, GEMEENTE, DEELGEMEENTE, WIJK, STATSEC;

	private static final Map<String, Level> ALIASES = Map.ofEntries(Map.entry("gewest", GEWEST),
			Map.entry("regio", GEWEST), Map.entry("provincie", PROVINCIE), Map.entry("gemeente", GEMEENTE),
			Map.entry("fusiegemeente", GEMEENTE), Map.entry("deelgemeente", DEELGEMEENTE), Map.entry("wijk", WIJK),
			Map.entry("ggw7", WIJK), Map.entry("ggw", WIJK), Map.entry("statsec", STATSEC),
			Map.entry("sector", STATSEC), Map.entry("statistische sector", STATSEC));

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Level> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(ALIASES.get(text.trim().toLowerCase(Locale.ROOT)));
	}

}
