package be.obmi.tenancy;

import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The tenant's home page and its colour style sheet, as anonymous visitors get them. */
@TenancyWebTest
class TenantHomeControllerWebTests extends WebSliceSupport {

	@Test
	void theHomePageIsPublicAndCarriesTheTenantAndThePathInItsModel() throws Exception {
		mvc.perform(get("/mechelen"))
			.andExpect(status().isOk())
			.andExpect(view().name(TenantHomeController.HOME_VIEW))
			.andExpect(forwardedUrl(TenantHomeController.HOME_VIEW))
			.andExpect(model().attribute("tenant", MECHELEN))
			.andExpect(model().attribute("currentPath", "/mechelen"));
	}

	@Test
	void anUnknownSlugIsNotFound() throws Exception {
		mvc.perform(get("/nergensdorp")).andExpect(status().isNotFound());
	}

	@Test
	void theStyleSheetCarriesTheTenantsColoursAndAReadableTextColour() throws Exception {
		mvc.perform(get("/css/tenant/mechelen.css"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/css;charset=UTF-8"))
			.andExpect(header().string("Cache-Control", "max-age=600"))
			.andExpect(content()
				.string(":root{--tenant-primary:#1f4e79;--tenant-on-primary:#ffffff;--tenant-accent:#f2c500;}\n"));
	}

	@Test
	void theStyleSheetOfAnUnknownTenantIsNotFound() throws Exception {
		mvc.perform(get("/css/tenant/nergensdorp.css")).andExpect(status().isNotFound());
	}

	@Test
	void anAnonymousPostToTheHomePageIsSentToTheLogin() throws Exception {
		mvc.perform(post("/mechelen").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
	}

}
