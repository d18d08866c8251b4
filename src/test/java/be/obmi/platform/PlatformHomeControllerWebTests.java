package be.obmi.platform;

import java.util.List;

import be.obmi.identity.Role;
import be.obmi.support.WebSliceSupport;
import be.obmi.tenancy.Municipalities;
import be.obmi.tenancy.Municipality;
import be.obmi.tenancy.Tenant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static be.obmi.identity.WebUsers.platformAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The platform home and the platform admin's page to add a municipality as a tenant. */
@PlatformWebTest
class PlatformHomeControllerWebTests extends WebSliceSupport {

	static final Municipality VILVOORDE = new Municipality("23088", "Vilvoorde", "Vlaams-Brabant", "Vlaanderen",
			45_000);

	static final Municipality MECHELEN_MUNICIPALITY = new Municipality("12025", "Mechelen", "Antwerpen", "Vlaanderen",
			87_000);

	@Autowired
	Municipalities municipalities;

	@Test
	void theHomeListsEveryTenantForAnonymousVisitors() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(view().name(PlatformHomeController.HOME_VIEW))
			.andExpect(model().attribute("tenants", List.of(MECHELEN, GENT)));
	}

	@Test
	void theTenantPageOffersOnlyMunicipalitiesThatAreNoTenantYet() throws Exception {
		when(municipalities.all()).thenReturn(List.of(MECHELEN_MUNICIPALITY, VILVOORDE));
		mvc.perform(get("/platform/besturen").with(as(platformAdmin())))
			.andExpect(status().isOk())
			.andExpect(view().name(PlatformHomeController.TENANTS_VIEW))
			.andExpect(model().attribute("candidates", contains(VILVOORDE)));
	}

	@Test
	void theTenantPageIsForThePlatformAdminOnly() throws Exception {
		mvc.perform(get("/platform/besturen").with(as(member("mechelen", Role.BEHEERDER))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/platform/besturen"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
	}

	@Test
	void addingAMunicipalityRedirectsWithItsName() throws Exception {
		Tenant vilvoorde = new Tenant(40, "vilvoorde", "Vilvoorde", "23088", "#123456", null, Tenant.Kind.GEMEENTE, 0,
				false);
		when(tenants.add("23088", "#123456")).thenReturn(vilvoorde);
		mvc.perform(post("/platform/besturen").param("nisCode", "23088")
			.param("primaryColor", "#123456")
			.with(as(platformAdmin()))
			.with(csrf()))
			.andExpect(redirectedUrl("/platform/besturen"))
			.andExpect(flash().attribute("added", "Vilvoorde"));
	}

	@Test
	void aNisCodeOfTheWrongShapeIsRefusedBeforeAnythingIsAdded() throws Exception {
		mvc.perform(post("/platform/besturen").param("nisCode", "230").with(as(platformAdmin())).with(csrf()))
			.andExpect(status().isBadRequest());
		verify(tenants, never()).add(anyString(), any());
	}

	@Test
	void aRefusedMunicipalityShowsThePageAgainWithTheReason() throws Exception {
		when(municipalities.all()).thenReturn(List.of(VILVOORDE));
		when(tenants.add("12025", null))
			.thenThrow(new IllegalArgumentException("Mechelen is al een bestuur op het platform."));
		mvc.perform(post("/platform/besturen").param("nisCode", "12025").with(as(platformAdmin())).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(PlatformHomeController.TENANTS_VIEW))
			.andExpect(model().attribute("error", "Mechelen is al een bestuur op het platform."));
	}

	@Test
	void addingWithoutCsrfTokenIsForbidden() throws Exception {
		mvc.perform(post("/platform/besturen").param("nisCode", "23088").with(as(platformAdmin())))
			.andExpect(status().isForbidden());
		verify(tenants, never()).add(anyString(), any());
	}

}
