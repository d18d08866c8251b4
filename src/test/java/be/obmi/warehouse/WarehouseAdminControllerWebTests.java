package be.obmi.warehouse;

import java.util.List;
import java.util.Map;

import be.obmi.identity.Role;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static be.obmi.identity.WebUsers.platformAdmin;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The platform admin's warehouse page and the rebuild API. */
@WarehouseWebTest
class WarehouseAdminControllerWebTests extends WebSliceSupport {

	static final WarehouseRebuild.Result BUILT = new WarehouseRebuild.Result(8, true,
			Map.of("fact_observation", 120_000L, "dim_tenant", 14L), "ok", 5_300);

	@Autowired
	WarehouseRebuild rebuild;

	@Test
	void thePageShowsTheRebuildLog() throws Exception {
		List<Map<String, Object>> log = List.of(Map.of("id", 8L, "status", "SUCCEEDED", "trigger", "nightly"));
		when(rebuild.log(20)).thenReturn(log);
		mvc.perform(get("/platform/warehouse").with(as(platformAdmin())))
			.andExpect(status().isOk())
			.andExpect(view().name(WarehouseAdminController.VIEW))
			.andExpect(model().attribute("log", log));
	}

	@Test
	void aRebuildFromThePageRedirectsWithItsResult() throws Exception {
		when(rebuild.rebuild("platformbeheerder")).thenReturn(BUILT);
		mvc.perform(post("/platform/warehouse").with(as(platformAdmin())).with(csrf()))
			.andExpect(redirectedUrl("/platform/warehouse"))
			.andExpect(flash().attribute("result", BUILT));
	}

	@Test
	void theApiAnswersTheResultAnd500WhenTheRebuildFailed() throws Exception {
		when(rebuild.rebuild("api")).thenReturn(BUILT);
		mvc.perform(post("/api/v1/platform/warehouse/rebuild").with(as(platformAdmin())).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(8))
			.andExpect(jsonPath("$.succeeded").value(true))
			.andExpect(jsonPath("$.rowCounts.fact_observation").value(120000))
			.andExpect(jsonPath("$.millis").value(5300));
		when(rebuild.rebuild("api"))
			.thenReturn(new WarehouseRebuild.Result(9, false, Map.of(), "check failed: dim_tenant is empty", 800));
		mvc.perform(post("/api/v1/platform/warehouse/rebuild").with(as(platformAdmin())).with(csrf()))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.succeeded").value(false))
			.andExpect(jsonPath("$.message").value("check failed: dim_tenant is empty"));
	}

	@Test
	void onlyThePlatformAdminRebuilds() throws Exception {
		mvc.perform(post("/platform/warehouse").with(as(member("mechelen", Role.BEHEERDER))).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(
				post("/api/v1/platform/warehouse/rebuild").with(as(member("mechelen", Role.BEHEERDER))).with(csrf()))
			.andExpect(status().isForbidden());
		verify(rebuild, never()).rebuild(anyString());
	}

}
