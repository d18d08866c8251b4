package be.obmi.population;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import be.obmi.population.importing.RegisterImports;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every address is placed in its sector: by its sector code, else by its address point
 * (WGS84 or Lambert 72) in the sector polygons (the fixture
 * {@code geo/statsec-12005.geojson} of Bonheiden); what cannot be placed goes to the
 * city's "niet te lokaliseren" sector and is reported by reason and row.
 */
@ObmiIntegrationTest
class PopulationPlacementIntegrationTests {

	@Autowired
	Tenants tenants;

	@Autowired
	RegisterImports imports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void addressesArePlacedByCodeOrPointAndTheRestIsReported() throws Exception {
		Tenant bonheiden = tenants.bySlug("bonheiden").orElseGet(() -> tenants.add("12005", null));
		// a point inside the fixture rectangle of 12005A02- in Lambert 72
		ProjCoordinate lambert = new ProjCoordinate();
		CRSFactory crs = new CRSFactory();
		new CoordinateTransformFactory()
			.createTransform(crs.createFromName("EPSG:4326"), crs.createFromName("EPSG:31370"))
			.transform(new ProjCoordinate(4.542, 51.034), lambert);
		String x = String.valueOf(lambert.x).replace('.', ',');
		String y = String.valueOf(lambert.y).replace('.', ',');
		String csv = """
				persoon;geboortedatum;geslacht;nationaliteitsgroep;huishouden;huishoudtype;positie;straat;huisnummer;postcode;burgerlijke_staat;sector;lat;lon;x;y
				A1;1980-01-01;V;BE;G1;alleenstaand;referentiepersoon;Plaatsstraat;1;2820;ongehuwd;12005A000;;;;
				A2;1980-01-01;M;BE;G2;alleenstaand;referentiepersoon;Plaatsstraat;2;2820;ongehuwd;;51.02;4.557;;
				A3;1980-01-01;M;EU;G3;alleenstaand;referentiepersoon;Plaatsstraat;3;2820;ongehuwd;;;;%s;%s
				A4;1980-01-01;V;BE;G4;alleenstaand;referentiepersoon;Plaatsstraat;4;2820;ongehuwd;;;;;
				A5;1980-01-01;V;BE;G5;alleenstaand;referentiepersoon;Plaatsstraat;5;2820;ongehuwd;12005Q99-;;;;
				A6;1980-01-01;V;NEU;G6;alleenstaand;referentiepersoon;Plaatsstraat;6;2820;ongehuwd;;50.5;5.5;;
				"""
			.formatted(x, y);
		LocalDate date = LocalDate.of(2023, 1, 1)
			.plusDays(jdbc.sql("select count(*) from population.snapshot").query(Integer.class).single());
		RegisterImports.Summary summary = imports.importExtract(bonheiden, date, "plaatsing.csv",
				new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)), "test");
		assertThat(summary.placedByCode()).isEqualTo(1);
		assertThat(summary.placedByPoint()).isEqualTo(2);
		assertThat(summary.unplaced()).isEqualTo(3);
		assertThat(summary.unplacedReasons()).containsEntry("population.unplaced.noLocation", 1)
			.containsEntry("population.unplaced.unknownSector", 1)
			.containsEntry("population.unplaced.outside", 1);
		assertThat(summary.unplacedRows()).extracting(RegisterImports.Unplaced::row).containsExactly(5L, 6L, 7L);
		Map<String, Long> bySector = new HashMap<>();
		jdbc.sql("""
				select sector_code, count(*) from population.person p join population.snapshot s on s.id = p.snapshot_id
				where s.tenant_id = ? and s.reference_date = ? group by sector_code""")
			.params(bonheiden.id(), date)
			.query(rs -> {
				bySector.put(rs.getString(1), rs.getLong(2));
			});
		assertThat(bySector).containsEntry("12005A000", 1L)
			.containsEntry("12005A01-", 1L)
			.containsEntry("12005A02-", 1L)
			.containsEntry("12005ZZZZ", 3L);
	}

}
