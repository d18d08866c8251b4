package be.obmi.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The CSP's img-src with and without the basemap of the statistics maps. */
class ContentSecurityPolicyTests {

	@Test
	void withoutTilesNothingOutsideIsAllowed() {
		assertThat(ContentSecurityPolicy.withTiles("")).contains("img-src 'self' data: blob:; ").doesNotContain("http");
		assertThat(ContentSecurityPolicy.withTiles(null)).isEqualTo(ContentSecurityPolicy.withTiles("  "));
	}

	@Test
	void theTileHostIsTakenFromTheTemplate() {
		assertThat(ContentSecurityPolicy.tileSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
			.isEqualTo("https://tile.openstreetmap.org");
		assertThat(ContentSecurityPolicy.tileSource("https://{s}.tile.osm.example/{z}/{x}/{y}.png"))
			.as("a subdomain placeholder becomes the CSP wildcard")
			.isEqualTo("https://*.tile.osm.example");
		assertThat(ContentSecurityPolicy.tileSource("https://Geo.Example.be:8443/wmts/{z}/{x}/{y}.png?key=1"))
			.isEqualTo("https://geo.example.be:8443");
		assertThat(ContentSecurityPolicy.withTiles("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
			.contains("img-src 'self' data: blob: https://tile.openstreetmap.org; font-src 'self'");
	}

	@Test
	void anythingElseIsRefusedAtStart() {
		for (String bad : new String[] { "tile.openstreetmap.org/{z}/{x}/{y}.png", "ftp://tiles.example/{z}",
				"https://user@tiles.example/{z}", "https://tiles.example; script-src *", "https:///{z}/{x}" }) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> ContentSecurityPolicy.tileSource(bad));
		}
	}

}
