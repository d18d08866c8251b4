package be.obmi.stats.web;

import java.util.List;

import be.obmi.identity.Role;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.stats.domain.IndicatorDescription;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Scope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Publishing and editing indicators: who may, and how refusals and conflicts are answered
 * (422 and 409 with the form again, in the user's language).
 */
@StatsWebTest
class StatsIndicatorAdminControllerWebTests extends StatsWebTestSupport {

	static final String EDIT = "/mechelen/cijfers/beheer/indicatoren/mech_fietsers";

	@Autowired
	Indicators indicators;

	@Test
	void aRedacteurPublishesAndIsSentBackToTheList() throws Exception {
		mvc.perform(post(EDIT + "/publiceren").with(csrf()).with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(redirectedUrl("/mechelen/cijfers/beheer#indicators-heading"))
			.andExpect(flash().attribute("indicatorDone", "published"));
		verify(indicators).setPublished(MECHELEN_SCOPE, "mech_fietsers", true);
	}

	@Test
	void readersAndContributorsMayNotPublishOrEdit() throws Exception {
		for (Role role : List.of(Role.LEZER, Role.BIJDRAGER)) {
			mvc.perform(post(EDIT + "/depubliceren").with(csrf()).with(as(member("mechelen", role))))
				.andExpect(status().isForbidden());
			mvc.perform(get(EDIT).with(as(member("mechelen", role)))).andExpect(status().isForbidden());
			mvc.perform(post(EDIT).param("version", "0").with(csrf()).with(as(member("mechelen", role))))
				.andExpect(status().isForbidden());
			mvc.perform(get("/platform/cijfers/beheer").with(as(member("mechelen", role))))
				.andExpect(status().isForbidden());
		}
		verify(indicators, never()).setPublished(any(), anyString(), anyBoolean());
		verify(indicators, never()).describe(any(), anyString(), anyInt(), any());
	}

	@Test
	void invalidInputIsAnsweredWith422AndTheFormWithTheReason() throws Exception {
		when(indicators.own(MECHELEN_SCOPE, "mech_fietsers")).thenReturn(CYCLISTS);
		when(indicators.describe(eq(MECHELEN_SCOPE), eq("mech_fietsers"), eq(0), any(IndicatorDescription.class)))
			.thenThrow(new RefusedValueException(Reason.of("stats.refused.decimalsRange")));
		mvc.perform(post(EDIT).param("version", "0")
			.param("name", "Fietstellingen")
			.param("theme", "Mobiliteit")
			.param("threshold", "5")
			.param("decimals", "-1")
			.with(csrf())
			.with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name(StatsIndicatorAdminController.EDIT_VIEW))
			.andExpect(model().attribute("error", "Het aantal decimalen ligt tussen 0 en 6."))
			.andExpect(model().attribute("description", new IndicatorDescription("Fietstellingen", null, "Mobiliteit",
					null, null, null, null, null, null, 5, -1)));
	}

	@Test
	void aConcurrentEditIsAnsweredWith409AndTheCurrentVersion() throws Exception {
		when(indicators.own(MECHELEN_SCOPE, "mech_fietsers")).thenReturn(CYCLISTS);
		when(indicators.describe(eq(MECHELEN_SCOPE), eq("mech_fietsers"), eq(3), any(IndicatorDescription.class)))
			.thenThrow(new ConcurrentChangeException(Reason.of("stats.refused.indicatorChanged", "mech_fietsers")));
		mvc.perform(post(EDIT).param("version", "3")
			.param("name", "Fietstellingen")
			.param("theme", "Mobiliteit")
			.param("threshold", "5")
			.param("decimals", "0")
			.with(csrf())
			.with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isConflict())
			.andExpect(model().attribute("conflict", true))
			.andExpect(model().attribute("version", CYCLISTS.version()));
	}

	@Test
	void aSharedIndicatorIsNotATenantsToEdit() throws Exception {
		when(indicators.own(MECHELEN_SCOPE, "bev_totaal"))
			.thenThrow(new RefusedValueException(Reason.of("stats.refused.indicatorShared", "bev_totaal")));
		mvc.perform(get("/mechelen/cijfers/beheer/indicatoren/bev_totaal").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/mechelen/cijfers/beheer/indicatoren/bev_totaal/onbekend").with(csrf())
			.with(as(member("mechelen", Role.REDACTEUR)))).andExpect(status().isNotFound());
		verify(indicators, never()).setPublished(eq(Scope.platform()), anyString(), anyBoolean());
	}

}
