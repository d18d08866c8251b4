package be.obmi.pirk;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.ObjectSearch;
import be.obmi.pirk.domain.RealEstate;
import be.obmi.pirk.domain.RealEstateDraft;
import be.obmi.pirk.domain.RealEstateKind;
import be.obmi.pirk.domain.RealEstates;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.shared.GeoJson;
import be.obmi.support.PageSession;
import be.obmi.support.ObmiIntegrationTest;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview's list, the map's GeoJSON and the exports show the same filtered set of
 * the demo inventory (Mechelen); a map window narrows the map; another city's object is
 * not found; the exports carry no owner data and are for members only.
 */
@ObmiIntegrationTest
class PirkMapIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	RealEstates objects;

	@Autowired
	ObjectSearch search;

	@Test
	void theListTheMapAndTheExportShowTheSameFilteredSet() {
		PageSession lezer = PageSession.login(port, "lezer.mechelen");
		for (String query : new String[] { "", "klasse=VERIFIED", "register=LEEGSTAND_WONINGEN&duur=6",
				"functie=WONEN&score=40" }) {
			HttpResponse<String> page = lezer.get("/mechelen/pirk?" + query);
			assertThat(page.statusCode()).isEqualTo(200);
			Matcher count = Pattern.compile("id=\"object-count\"[^>]*data-count=\"(\\d+)\"").matcher(page.body());
			assertThat(count.find()).as(query).isTrue();
			int listed = Integer.parseInt(count.group(1));
			JsonNode map = JSON.readTree(lezer.get("/mechelen/pirk/kaart.geojson?" + query).body());
			assertThat(map.get("features").size()).as("map of " + query).isEqualTo(listed);
			assertThat(map.get("total").asInt()).isEqualTo(listed);
			String csv = lezer.get("/mechelen/pirk/export.csv?" + query).body();
			assertThat(csv.strip().split("\r\n")).as("export of " + query).hasSize(listed + 1);
			assertThat(listed).isEqualTo(search.count(tenants.require("mechelen"), ObjectFilter.from(params(query))));
		}
		JsonNode verified = JSON.readTree(lezer.get("/mechelen/pirk/kaart.geojson?klasse=VERIFIED").body());
		assertThat(verified.get("features").size()).as("the demo has verified vacancy").isPositive();
		verified.get("features")
			.forEach(f -> assertThat(f.get("properties").get("c").asString()).isEqualTo("VERIFIED"));
	}

	static Map<String, String> params(String query) {
		return Arrays.stream(query.split("&"))
			.filter(p -> p.contains("="))
			.collect(Collectors.toMap(p -> p.split("=")[0], p -> p.split("=")[1]));
	}

	@Test
	void aMapWindowNarrowsTheMap() {
		Tenant mechelen = tenants.require("mechelen");
		String street = "Vensterstraat " + UUID.randomUUID().toString().substring(0, 6);
		RealEstate far = objects.create(mechelen,
				new RealEstateDraft(RealEstateKind.BUILDING_UNIT, null, null, null, null, null,
						new RealEstate.Address(street, "1", null, "2800", "Mechelen"), "WONEN",
						GeoJson.point(4.41, 51.07), false));
		PageSession lezer = PageSession.login(port, "lezer.mechelen");
		JsonNode window = JSON.readTree(
				lezer.get("/mechelen/pirk/kaart.geojson?bbox=4.405,51.065,4.415,51.075&q=" + street.replace(" ", "+"))
					.body());
		assertThat(window.get("features")).singleElement()
			.satisfies(f -> assertThat(f.get("id").asLong()).isEqualTo(far.id()));
		JsonNode elsewhere = JSON
			.readTree(lezer.get("/mechelen/pirk/kaart.geojson?bbox=4.47,51.02,4.48,51.03&q=" + street.replace(" ", "+"))
				.body());
		assertThat(elsewhere.get("features").size()).isZero();
		assertThat(lezer.get("/mechelen/pirk/kaart.geojson?bbox=oops").statusCode()).as("an unreadable window")
			.isEqualTo(200);
	}

	@Test
	void anObjectCardShowsItsEntriesAndAnotherCitysObjectIsNotFound() {
		Tenant gent = tenants.require("gent");
		RealEstate ghent = objects.create(gent, new RealEstateDraft(RealEstateKind.BUILDING, null, null, null, null,
				null, new RealEstate.Address("Korenmarkt", "1", null, "9000", "Gent"), "HANDEL", null, false));
		PageSession lezer = PageSession.login(port, "lezer.mechelen");
		assertThat(lezer.get("/mechelen/pirk/objecten/" + ghent.id()).statusCode()).isEqualTo(404);
		Tenant mechelen = tenants.require("mechelen");
		RealEstate demo = search
			.list(mechelen, new ObjectFilter("LEEGSTAND_WONINGEN", null, null, null, null, null, null, null, null), 1)
			.getFirst();
		HttpResponse<String> card = lezer.get("/mechelen/pirk/objecten/" + demo.id());
		assertThat(card.statusCode()).isEqualTo(200);
		assertThat(card.body()).contains("Leegstandsregister woningen")
			.contains("Wonen in Vlaanderen")
			.contains("id=\"object-history\"");
		assertThat(search.list(mechelen,
				new ObjectFilter(null, VacancyClass.VERIFIED, null, null, null, null, null, null, null), 1000))
			.allMatch(o -> o.vacancyClass() == VacancyClass.VERIFIED);
	}

	@Test
	void theExportsAreForMembersAndCarryNoOwnerData() {
		PageSession lezer = PageSession.login(port, "lezer.mechelen");
		HttpResponse<String> csv = lezer.get("/mechelen/pirk/export.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		String header = csv.body().lines().findFirst().orElseThrow();
		assertThat(header).contains("capakey").contains("leegstandsklasse").doesNotContainIgnoringCase("eigenaar");
		assertThat(lezer.get("/mechelen/pirk/export.xlsx").headers().firstValue("content-type").orElseThrow())
			.contains("spreadsheetml");
		JsonNode geo = JSON.readTree(lezer.get("/mechelen/pirk/export.geojson").body());
		assertThat(geo.get("features").size()).isPositive();
		assertThat(lezer.get("/mechelen/pirk/export.pdf").statusCode()).isEqualTo(404);
		HttpResponse<String> anonymous = PageSession.anonymous(port).get("/mechelen/pirk/export.csv");
		assertThat(anonymous.statusCode()).isNotEqualTo(200);
		assertThat(PageSession.anonymous(port).get("/mechelen/pirk/kaart.geojson").statusCode()).isNotEqualTo(200);
	}

}
