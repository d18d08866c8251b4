package be.obmi.tenancy;

/**
 * Picks black or white text for a tenant colour by WCAG relative luminance, so a city's
 * colour never makes its header unreadable (contrast at least 4.5:1 whenever either
 * choice reaches it).
 */
final class TenantColors {

	private TenantColors() {
	}

	static String readableOn(String hex) {
		double l = luminance(hex);
		double withWhite = 1.05 / (l + 0.05);
		double withBlack = (l + 0.05) / 0.05;
		return withWhite >= withBlack ? "#ffffff" : "#000000";
	}

	static double contrast(String a, String b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	static double luminance(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff)
				+ 0.0722 * channel(rgb & 0xff);
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

}
