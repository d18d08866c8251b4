package be.obmi.tenancy;

/**
 * A city, the VGC or another local organisation hosted on the platform. Every
 * tenant-owned row elsewhere carries {@link #id()}; pages live under {@code /{slug}/…}.
 *
 * @param nisCode the municipality's NIS code (2019–2024 boundaries); {@code null} for the
 * VGC
 * @param centrumstad one of the 13 Flemish centrumsteden, compared with each other on the
 * comparison pages
 * @param linkedNisCode for an {@link Kind#ORGANISATIE organisation}: the municipality
 * whose statistics its pages show, or {@code null}
 */
public record Tenant(long id, String slug, String name, String nisCode, String primaryColor, String accentColor,
		Kind kind, int version, boolean centrumstad, String linkedNisCode) {

	public enum Kind {

		GEMEENTE, GEMEENSCHAPSCOMMISSIE,
		/**
		 * Not a municipality: a care company, an OCMW association, another local body; no
		 * NIS code of its own.
		 */
		ORGANISATIE

	}

	/** A municipality or the VGC (no linked municipality). */
	public Tenant(long id, String slug, String name, String nisCode, String primaryColor, String accentColor, Kind kind,
			int version, boolean centrumstad) {
		this(id, slug, name, nisCode, primaryColor, accentColor, kind, version, centrumstad, null);
	}

	/**
	 * The NIS code of the municipality whose statistics the tenant's pages show: its own,
	 * or for an organisation the one it is linked to; {@code null} for neither.
	 */
	public String statisticsNisCode() {
		return nisCode != null ? nisCode : linkedNisCode;
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
		if (kind == Kind.ORGANISATIE && words.length >= 2) {
			StringBuilder letters = new StringBuilder();
			for (int i = 0; i < words.length && letters.length() < 3; i++) {
				if (!words[i].isEmpty() && Character.isLetterOrDigit(words[i].charAt(0))) {
					letters.append(words[i].charAt(0));
				}
			}
			return letters.toString().toUpperCase();
		}
		return name.substring(0, Math.min(2, name.length())).toUpperCase();
	}

}
