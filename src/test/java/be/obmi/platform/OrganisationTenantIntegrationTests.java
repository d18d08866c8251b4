package be.obmi.platform;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import be.obmi.support.ObmiIntegrationTest;
import be.obmi.support.PageSession;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisations that are not municipalities (issue 13): the platform administrator adds
 * one without a NIS code, optionally linked to a municipality whose statistics its pages
 * show; bad input is refused with the reason and adds nothing.
 */
@ObmiIntegrationTest
class OrganisationTenantIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	private HttpResponse<String> add(PageSession admin, String name, String linked) {
		return admin.post("/platform/organisaties",
				"_csrf=" + admin.csrf("/platform/besturen") + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
						+ "&linkedNisCode=" + linked + "&primaryColor=%23336699");
	}

	private long count() {
		return jdbc.sql("select count(*) from tenancy.tenant").query(Long.class).single();
	}

	@Test
	void anOrganisationLinkedToAMunicipalityGetsItsOwnPagesAndThatMunicipalitysFigures() {
		PageSession admin = PageSession.login(port, "platformbeheerder");
		HttpResponse<String> added = add(admin, "Zorgbedrijf Rivierenland", "12025");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(302);

		Tenant zorg = tenants.require("zorgbedrijf-rivierenland");
		assertThat(zorg.kind()).isEqualTo(Tenant.Kind.ORGANISATIE);
		assertThat(zorg.nisCode()).isNull();
		assertThat(zorg.linkedNisCode()).isEqualTo("12025");
		assertThat(zorg.primaryColor()).isEqualTo("#336699");
		assertThat(zorg.initials()).isEqualTo("ZR");
		assertThat(admin.get("/platform/besturen").body()).contains("Zorgbedrijf Rivierenland")
			.contains("cijfers van 12025")
			.contains("Organisatie");

		PageSession visitor = PageSession.anonymous(port);
		assertThat(visitor.get("/zorgbedrijf-rivierenland").statusCode()).isEqualTo(200);
		assertThat(visitor.get("/zorgbedrijf-rivierenland/plan/publiek").statusCode()).isEqualTo(200);
		HttpResponse<String> figures = visitor.get("/zorgbedrijf-rivierenland/cijfers");
		assertThat(figures.statusCode()).isEqualTo(200);
		assertThat(figures.body()).contains("Mechelen");
	}

	@Test
	void anOrganisationWithoutMunicipalityWorksLikeTheVgc() {
		PageSession admin = PageSession.login(port, "platformbeheerder");
		assertThat(add(admin, "OCMW-vereniging Welzijnsband Meetjesland", "").statusCode()).isEqualTo(302);
		Tenant band = tenants.require("ocmw-vereniging-welzijnsband-meetjesland");
		assertThat(band.statisticsNisCode()).isNull();
		PageSession visitor = PageSession.anonymous(port);
		assertThat(visitor.get("/" + band.slug()).statusCode()).isEqualTo(200);
		assertThat(visitor.get("/" + band.slug() + "/plan/publiek").statusCode()).isEqualTo(200);
		assertThat(visitor.get("/" + band.slug() + "/cijfers").statusCode()).isEqualTo(200);
	}

	@Test
	void aBlankNameAnUnknownMunicipalityOrATakenNameIsRefusedAndAddsNothing() {
		PageSession admin = PageSession.login(port, "platformbeheerder");
		long before = count();
		HttpResponse<String> blank = add(admin, "  ", "");
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(blank.body()).contains("Geef een naam van 1 tot 120 tekens");
		HttpResponse<String> unknown = add(admin, "Zorgbedrijf Nergens", "99999");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("Onbekende NIS-code: 99999");
		HttpResponse<String> taken = add(admin, "Mechelen", "");
		assertThat(taken.statusCode()).isEqualTo(400);
		assertThat(taken.body()).contains("Mechelen is al een bestuur op het platform.");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void onlyThePlatformAdministratorMayAddOne() {
		PageSession beheerder = PageSession.login(port, "beheerder.mechelen");
		long before = count();
		HttpResponse<String> refused = beheerder.post("/platform/organisaties",
				"_csrf=" + beheerder.csrf("/account") + "&name=Stiekem");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(count()).isEqualTo(before);
	}

}
