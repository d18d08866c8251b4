package be.obmi.stats.web;

import be.obmi.identity.Role;
import org.junit.jupiter.api.Test;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The theme fact sheets: public pages, an unknown sheet 404, the editing for redacteurs.
 */
@StatsWebTest
class ThemeSheetControllerWebTests extends StatsWebTestSupport {

	@Test
	void theSheetsArePublicAndAnUnknownOneIsNotFound() throws Exception {
		mvc.perform(get("/mechelen/cijfers/themafiches"))
			.andExpect(status().isOk())
			.andExpect(view().name("stats/theme-sheets"));
		mvc.perform(get("/mechelen/cijfers/themafiches/999")).andExpect(status().isNotFound());
	}

	@Test
	void onlyARedacteurEditsTheSheets() throws Exception {
		mvc.perform(get("/mechelen/cijfers/beheer/themafiches").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isOk())
			.andExpect(view().name("stats/theme-sheets-admin"));
		mvc.perform(get("/mechelen/cijfers/beheer/themafiches").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isForbidden());
	}

}
