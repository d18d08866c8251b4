package be.obmi.stats.web;

import java.nio.file.Files;
import java.nio.file.Path;

import be.obmi.stats.AreaLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Point-in-polygon on the reference wijken (Antwerpen's "Amandus - Atheneum") and on a
 * city's own sector file, which is read again when it changes.
 */
class PolygonAreaLocatorTests {

	@TempDir
	Path geoDir;

	@Test
	void aPointLiesInTheWijkAndSectorThatContainIt() throws Exception {
		Files.writeString(geoDir.resolve("statsec-11002.geojson"),
				"""
						{"type":"FeatureCollection","features":[
						 {"type":"Feature","properties":{"CD_SECTOR":"11002A00-","T_SEC_NL":"Centrum"},
						  "geometry":{"type":"Polygon","coordinates":[[[4.41,51.21],[4.43,51.21],[4.43,51.23],[4.41,51.23]]]}},
						 {"type":"Feature","properties":{"CD_SECTOR":"11002A01-"},
						  "geometry":{"type":"Polygon","coordinates":[[[4.43,51.21],[4.45,51.21],[4.45,51.23],[4.43,51.23],[4.43,51.21]]]}}]}
						""");
		PolygonAreaLocator locator = new PolygonAreaLocator(new AreaShapes(geoDir));

		AreaLocator.Location location = locator.locate("11002", 4.422, 51.224);

		assertThat(location.wijkCode()).isEqualTo("11002ANT01");
		assertThat(location.sectorCode()).isEqualTo("11002A00-");
		assertThat(locator.locate("11002", 4.44, 51.22).sectorCode()).isEqualTo("11002A01-");
		assertThat(locator.locate("11002", 3.0, 50.0)).isEqualTo(AreaLocator.Location.NOWHERE);
		assertThat(locator.locate("12025", 4.422, 51.224).sectorCode()).as("no sector file for Mechelen").isNull();
		assertThat(locator.geometry("11002", "statsec", "11002A01-"))
			.hasValueSatisfying(geometry -> assertThat(geometry).contains("\"Polygon\""));
	}

}
