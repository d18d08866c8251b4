package be.obmi.tenancy;

/**
 * A city hosted on the platform. Every tenant-owned row elsewhere carries {@link #id()};
 * pages live under {@code /{slug}/…}.
 *
 * @param nisCode the municipality's NIS code (2019–2024 boundaries); {@code null} for the
 * VGC
 * @param centrumstad one of the 13 Flemish centrumsteden, compared with each other on the
 * comparison pages
 */
public record Tenant(long id, String slug, String name, String nisCode, String primaryColor, String accentColor,
		Kind kind, int version, boolean centrumstad) {

	public enum Kind {

		GEMEENTE, GEMEENSCHAPSCOMMISSIE

	}

	/** Two letters for the logo placeholder, e.g. "SN" for Sint-Niklaas. */
	public String initials() {
		String[] words = name.split("[\\s-]+");
		if (words.length >= 2 && kind == Kind.GEMEENTE) {
			return (words[0].substring(0, 1) + words[1].substring(0, 1)).toUpperCase();
		}
		if (kind == Kind.GEMEENSCHAPSCOMMISSIE) {
			return "VGC";
		}
		return name.substring(0, Math.min(2, name.length())).toUpperCase();
	}

}
