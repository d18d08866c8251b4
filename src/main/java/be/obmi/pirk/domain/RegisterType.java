package be.obmi.pirk.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The registers an entry can come from: the Flemish registers of vacancy, neglect,
 * unbuilt parcels, unfit or uninhabitable dwellings and vacant business premises, and the
 * city's own list of suspected vacancy.
 */
public enum RegisterType {

	/** Leegstandsregister, woningen (Vlaamse Codex Wonen art. 2.9). */
	LEEGSTAND_WONINGEN,
	/** Leegstandsregister, gebouwen. */
	LEEGSTAND_GEBOUWEN,
	/** Verwaarlozingsregister. */
	VERWAARLOZING,
	/** Register van onbebouwde percelen. */
	ONBEBOUWDE_PERCELEN,
	/** Ongeschikte en onbewoonbare woningen. */
	ONGESCHIKT_ONBEWOONBAAR,
	/** Leegstaande en verwaarloosde bedrijfsruimten. */
	LEEGSTAND_BEDRIJFSRUIMTEN,
	/** The city's own list of suspected vacancy. */
	SUSPICION;

	public String messageKey() {
		return "pirk.register." + name().toLowerCase(Locale.ROOT);
	}

	/** The type of a code as written in a form or a file, case-insensitive. */
	public static Optional<RegisterType> of(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		for (RegisterType type : values()) {
			if (type.name().equalsIgnoreCase(code.strip())) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
