package be.obmi.pirk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.obmi.pirk.domain.MatchMethod;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateDraft;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.RegisterEntries;
import be.obmi.pirk.domain.RegisterEntry;
import be.obmi.pirk.domain.RegisterType;
import be.obmi.pirk.importing.RegisterImports;
import be.obmi.shared.GeoJson;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.stats.AreaLocator;
import be.obmi.support.ApiClient;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/**
 * Acceptance 1 of issue 17 with fixtures in the documented format
 * (docs/formats/pirk-register-entries.md): the same file twice changes nothing; a changed
 * row makes a new version (and undo puts the previous one back); an address that matches
 * nothing lands in the work queue; a Lambert 72 file lands in the right statistical
 * sector, checked against the fixture sector polygon {@code geo/statsec-12005.geojson}
 * (Bonheiden, a city without demo data). Also the matching order, all-or-nothing row
 * errors (422 over the API) and XLSX and GeoJSON extracts.
 */
@ObmiIntegrationTest
class PirkImportIntegrationTests {

	static final String HEADER = "id;gebouw_id;adres_id;capakey;straat;huisnummer;bus;postcode;gemeente;functie;sinds;opmerking\n";

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	RealEstates objects;

	@Autowired
	RegisterImports imports;

	@Autowired
	RegisterEntries entries;

	@Autowired
	AreaLocator areas;

	Tenant mechelen;

	String street;

	@BeforeEach
	void tenant() {
		mechelen = tenants.require("mechelen");
		street = "Proefstraat " + UUID.randomUUID().toString().substring(0, 8);
	}

	RealEstate object(Tenant tenant, RealEstateKind kind, String houseNumber, String buildingId, String geometry) {
		return objects.create(tenant, new RealEstateDraft(kind, null, null, buildingId, null, null,
				new RealEstate.Address(street, houseNumber, null, "2800", "Mechelen"), "WONEN", geometry, false));
	}

	RegisterImports.ImportSummary load(Tenant tenant, RegisterType register, String content) {
		return imports.importFile(tenant, register, "Wonen in Vlaanderen", LocalDate.of(2026, 10, 1), "extract.csv",
				content.getBytes(StandardCharsets.UTF_8), false);
	}

	RegisterEntry entry(Tenant tenant, RealEstate object, RegisterType register) {
		return entries.ofObject(tenant, object.id())
			.stream()
			.filter(e -> e.register() == register)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theSameFileTwiceChangesNothing() {
		RealEstate one = object(mechelen, RealEstateKind.BUILDING, "1", null, null);
		RealEstate two = object(mechelen, RealEstateKind.BUILDING, "2", null, null);
		String csv = HEADER + "T1-" + street + ";;;;" + street + ";1;;2800;Mechelen;WONEN;2025-01-01;\n" + "T2-"
				+ street + ";;;;" + street.toUpperCase() + ";2;;2800;Mechelen;;01/02/2025;eerste\n";
		int batches = imports.history(mechelen).size();

		RegisterImports.ImportSummary first = load(mechelen, RegisterType.SUSPICION, csv);
		assertThat(first.status()).isEqualTo("CREATED");
		assertThat(first.created()).isEqualTo(2);
		assertThat(first.queued()).isZero();
		assertThat(entry(mechelen, one, RegisterType.SUSPICION).method()).isEqualTo(MatchMethod.ADDRESS);
		assertThat(entry(mechelen, two, RegisterType.SUSPICION).quality()).as("upper case street matches too")
			.isEqualTo(80);

		RegisterImports.ImportSummary second = load(mechelen, RegisterType.SUSPICION, csv);
		assertThat(second.status()).isEqualTo("UNCHANGED");
		assertThat(second.batchId()).isNull();
		assertThat(second.unchanged()).isEqualTo(2);
		assertThat(imports.history(mechelen)).as("no import recorded").hasSize(batches + 1);
		assertThat(entry(mechelen, one, RegisterType.SUSPICION).currentVersion()).isEqualTo(1);
		assertThat(entries.versions(mechelen, entry(mechelen, one, RegisterType.SUSPICION).id())).hasSize(1);
	}

	@Test
	void aChangedRowMakesANewVersionAndUndoPutsThePreviousBack() {
		RealEstate object = object(mechelen, RealEstateKind.BUILDING, "5", "gebouw-" + street, null);
		String v1 = HEADER + "V-" + street + ";gebouw-" + street + ";;;;;;;;WONEN;2024-06-01;eerste vaststelling\n";
		String v2 = HEADER + "V-" + street + ";gebouw-" + street + ";;;;;;;;WONEN;2024-06-01;tweede vaststelling\n";
		RegisterImports.ImportSummary first = load(mechelen, RegisterType.LEEGSTAND_WONINGEN, v1);
		RegisterEntry entry = entry(mechelen, object, RegisterType.LEEGSTAND_WONINGEN);
		assertThat(entry.method()).isEqualTo(MatchMethod.BUILDING);
		assertThat(entry.quality()).isEqualTo(100);

		RegisterImports.ImportSummary second = load(mechelen, RegisterType.LEEGSTAND_WONINGEN, v2);
		assertThat(second.changed()).isEqualTo(1);
		assertThat(second.created()).isZero();
		RegisterEntry changed = entries.find(mechelen, entry.id()).orElseThrow();
		assertThat(changed.currentVersion()).isEqualTo(2);
		assertThat(changed.content().note()).isEqualTo("tweede vaststelling");
		assertThat(changed.batchId()).isEqualTo(second.batchId());
		assertThat(entries.versions(mechelen, entry.id())).extracting(RegisterEntries.EntryVersion::note)
			.containsExactly("tweede vaststelling", "eerste vaststelling");

		assertThatThrownBy(() -> imports.undo(mechelen, first.batchId())).as("not the latest of its register")
			.isInstanceOf(RefusedStateException.class);
		imports.undo(mechelen, second.batchId());
		RegisterEntry restored = entries.find(mechelen, entry.id()).orElseThrow();
		assertThat(restored.currentVersion()).isEqualTo(1);
		assertThat(restored.content().note()).isEqualTo("eerste vaststelling");
		assertThat(entries.versions(mechelen, entry.id())).hasSize(1);
		assertThatThrownBy(() -> imports.undo(mechelen, second.batchId())).isInstanceOf(RefusedStateException.class);
		imports.undo(mechelen, first.batchId());
		assertThat(entries.find(mechelen, entry.id())).as("the entry the undone import made is gone").isEmpty();
	}

	@Test
	void anAddressThatMatchesNothingLandsInTheQueueUntilSomeoneLinksIt() {
		RealEstate object = object(mechelen, RealEstateKind.BUILDING, "7", null, null);
		String csv = HEADER + "Q-" + street + ";;;;" + street + ";999;;2800;Mechelen;;;onbekend adres\n";
		RegisterImports.ImportSummary summary = load(mechelen, RegisterType.VERWAARLOZING, csv);
		assertThat(summary.queued()).isEqualTo(1);
		RegisterEntry queued = entries.queue(mechelen, 10_000)
			.stream()
			.filter(e -> e.content().sourceKey().equals("Q-" + street))
			.findFirst()
			.orElseThrow();
		assertThat(queued.objectId()).isNull();
		assertThat(queued.queueReason()).isEqualTo("pirk.queue.reason.noMatch");
		assertThat(entries.candidates(mechelen, queued)).extracting(RealEstate::id).contains(object.id());
		Tenant other = tenants.bySlug("bonheiden").orElseGet(() -> tenants.add("12005", null));
		RealEstate elsewhere = object(other, RealEstateKind.BUILDING, "999", null, null);
		assertThat(entries.candidates(mechelen, List.of(queued)).get(queued.id())).as("never another city's object")
			.extracting(RealEstate::id)
			.contains(object.id())
			.doesNotContain(elsewhere.id());
		assertThatThrownBy(() -> entries.link(mechelen, queued.id(), elsewhere.id(), queued.version()))
			.as("another city's object")
			.isInstanceOf(NotFoundException.class);
		assertThat(entries.find(mechelen, queued.id()).orElseThrow().queued()).isTrue();

		entries.link(mechelen, queued.id(), object.id(), queued.version());
		RegisterEntry linked = entry(mechelen, object, RegisterType.VERWAARLOZING);
		assertThat(linked.method()).isEqualTo(MatchMethod.MANUAL);
		assertThat(entries.queue(mechelen, 10_000)).extracting(RegisterEntry::id).doesNotContain(queued.id());
		assertThat(load(mechelen, RegisterType.VERWAARLOZING, csv.replace("onbekend adres", "nog steeds")).changed())
			.isEqualTo(1);
		assertThat(entries.find(mechelen, queued.id()).orElseThrow().objectId()).as("a changed row keeps the link")
			.isEqualTo(object.id());
	}

	@Test
	void aLambert72FileLandsInTheRightSector() {
		Tenant bonheiden = tenants.bySlug("bonheiden").orElseGet(() -> tenants.add("12005", null));
		String key = "L72-" + UUID.randomUUID().toString().substring(0, 8);
		// a point inside the fixture polygon of sector 12005A01- (Vagevuur -
		// Imeldakliniek)
		double[] xy = lambert(4.5571, 51.0213);
		String csv = "id;straat;huisnummer;postcode;gemeente;x;y\n" + key + ";Imeldalaan;9;2820;Bonheiden;"
				+ String.format("%.2f", xy[0]).replace('.', ',') + ";" + String.format("%.2f", xy[1]) + "\n";
		RegisterImports.ImportSummary summary = load(bonheiden, RegisterType.LEEGSTAND_GEBOUWEN, csv);
		assertThat(summary.crs()).isEqualTo("EPSG:31370");
		RegisterEntry queued = entries.queue(bonheiden, 10_000)
			.stream()
			.filter(e -> e.content().sourceKey().equals(key))
			.findFirst()
			.orElseThrow();
		assertThat(queued.content().longitude()).isCloseTo(4.5571, offset(0.00005));
		RealEstate created = entries.createObject(bonheiden, queued.id(), RealEstateKind.BUILDING, queued.version());
		assertThat(created.sectorCode()).isEqualTo("12005A01-");
		String polygon = areas.geometry("12005", "statsec", "12005A01-").orElseThrow();
		assertThat(GeoJson.read(polygon).contains(GeoJson.read(GeoJson.point(created.longitude(), created.latitude()))))
			.isTrue();

		// a GeoJSON extract in Lambert 72 with a polygon: its point lies in the new
		// object's sector, matched by
		// location
		String geo = """
				{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::31370"}},
				 "features":[{"type":"Feature","properties":{"id":"%s-P"},"geometry":{"type":"Point","coordinates":[%s,%s]}}]}
				"""
			.formatted(key, xy[0] + 3, xy[1] - 2);
		RegisterImports.ImportSummary located = imports.importFile(bonheiden, RegisterType.VERWAARLOZING, "Stad",
				LocalDate.of(2026, 10, 1), "extract.geojson", geo.getBytes(StandardCharsets.UTF_8), false);
		assertThat(located.format()).isEqualTo("geojson");
		assertThat(located.queued()).isZero();
		assertThat(entry(bonheiden, created, RegisterType.VERWAARLOZING).method()).isEqualTo(MatchMethod.DISTANCE);
	}

	@Test
	void identifiersComeBeforeTheAddressAndPolygonsBeforeDistance() throws IOException {
		String building = "gebouw-" + street;
		RealEstate byId = object(mechelen, RealEstateKind.BUILDING, "20", building, null);
		RealEstate sameAddress = object(mechelen, RealEstateKind.BUILDING, "21", null, null);
		double lon = 4.5000 + Math.random() * 0.001;
		double lat = 51.0500 + Math.random() * 0.001;
		String square = "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}".formatted(lon, lat,
				lon + 0.0003, lat, lon + 0.0003, lat + 0.0002, lon, lat + 0.0002);
		RealEstate parcel = object(mechelen, RealEstateKind.PARCEL, "22", null, square);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet();
			List<List<String>> rows = List.of(
					List.of("id", "gebouw_id", "straat", "huisnummer", "postcode", "lengtegraad", "breedtegraad"),
					// the building id wins over the address of another object
					List.of("M1-" + street, building, street, "21", "2800", "", ""),
					List.of("M2-" + street, "", street, "21", "2800", "", ""), List.of("M3-" + street, "", "", "", "",
							String.valueOf(lon + 0.0001), String.valueOf(lat + 0.0001)));
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			RegisterImports.ImportSummary summary = imports.importFile(mechelen, RegisterType.ONBEBOUWDE_PERCELEN,
					"Stad", LocalDate.of(2026, 10, 1), "extract.xlsx", out.toByteArray(), false);
			assertThat(summary.format()).isEqualTo("xlsx");
		}
		assertThat(entry(mechelen, byId, RegisterType.ONBEBOUWDE_PERCELEN).method()).isEqualTo(MatchMethod.BUILDING);
		assertThat(entry(mechelen, sameAddress, RegisterType.ONBEBOUWDE_PERCELEN).method())
			.isEqualTo(MatchMethod.ADDRESS);
		assertThat(entry(mechelen, parcel, RegisterType.ONBEBOUWDE_PERCELEN).method()).isEqualTo(MatchMethod.POLYGON);
	}

	@Test
	void aFileWithBadRowsIsRefusedWholeWithEveryError() {
		String csv = HEADER + "E1-" + street + ";;;;" + street + ";1;;2800;Mechelen;KASTEEL;2025-13-01;\n" + ";;;;"
				+ street + ";2;;2800;Mechelen;;;\n" + "E3-" + street + ";;;;;;;;;;;\n" + "E1-" + street + ";;;;"
				+ street + ";3;;2800;Mechelen;;;\n";
		assertThatThrownBy(() -> load(mechelen, RegisterType.SUSPICION, csv)).isInstanceOfSatisfying(
				ImportRejectedException.class,
				rejected -> assertThat(rejected.errors()).extracting(e -> e.row() + "/" + e.column() + "/" + e.code())
					.containsExactly("2/functie/import.pirk.function", "2/sinds/import.pirk.date",
							"3/id/import.pirk.keyMissing", "4/null/import.pirk.nothingToMatch",
							"5/id/import.pirk.duplicateKey"));
		assertThat(entries.queue(mechelen, 10_000)).noneMatch(e -> e.content().sourceKey().endsWith(street));

		ApiClient.Response response = ApiClient.as(port, "redacteur.mechelen")
			.upload("/api/v1/mechelen/pirk/import", "fout.csv", csv.getBytes(StandardCharsets.UTF_8),
					Map.of("register", "SUSPICION", "source", "Stad", "extractDate", "2026-10-01"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body()).contains("KASTEEL");
		ApiClient.Response lambertOutside = ApiClient.as(port, "redacteur.mechelen")
			.upload("/api/v1/mechelen/pirk/import", "fout.csv",
					("id;x;y\nX1-" + street + ";4.47;51.02\n").getBytes(StandardCharsets.UTF_8),
					Map.of("register", "SUSPICION", "source", "Stad", "extractDate", "2026-10-01"));
		assertThat(lambertOutside.status()).isEqualTo(422);
		ApiClient.Response lezer = ApiClient.as(port, "lezer.mechelen")
			.upload("/api/v1/mechelen/pirk/import", "goed.csv",
					(HEADER + "OK-" + street + ";;;;" + street + ";1;;2800;Mechelen;;;\n")
						.getBytes(StandardCharsets.UTF_8),
					Map.of("register", "SUSPICION", "source", "Stad", "extractDate", "2026-10-01"));
		assertThat(lezer.status()).isEqualTo(403);
	}

	static double[] lambert(double longitude, double latitude) {
		CRSFactory crs = new CRSFactory();
		CoordinateTransform transform = new CoordinateTransformFactory()
			.createTransform(crs.createFromName("EPSG:4326"), crs.createFromName("EPSG:31370"));
		ProjCoordinate out = new ProjCoordinate();
		transform.transform(new ProjCoordinate(longitude, latitude), out);
		return new double[] { out.x, out.y };
	}

}
