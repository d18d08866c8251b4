package be.obmi.rights.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import be.obmi.identity.Role;
import be.obmi.rights.catalogue.ExampleHousehold;
import be.obmi.rights.catalogue.ExampleResult;
import be.obmi.rights.catalogue.ExamplesFailedException;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.domain.Eligibility;
import be.obmi.rights.domain.Question;
import be.obmi.rights.explorer.Exploration;
import be.obmi.rights.explorer.RightsExplorer;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The rights pages' request and response shape: the public questionnaire for anyone, the
 * postcode start, writes only for the redacteur, a failing example as 409 in the API.
 */
@RightsWebTest
class RightsControllerWebTests extends WebSliceSupport {

	static final RightEntry OWN = new RightEntry(7, MECHELEN.id(), "schoolpremie", "Schoolpremie", "", "LOKAAL", "", "",
			"", "", "", "", "", "", "", null, null, "DRAFT", false, 0);

	@Autowired
	Rights rights;

	@Autowired
	RuleVersions versions;

	@Autowired
	RightsExplorer explorer;

	@Test
	void anyoneOpensTheQuestionnaireAndItAsksTheFirstOpenQuestion() throws Exception {
		when(explorer.explore(eq(MECHELEN.id()), any(), any()))
			.thenReturn(new Exploration(List.of(), List.of(), List.of(), List.of(Question.AGE, Question.INCOME)));
		when(explorer.areaChoices(anyLong(), any())).thenReturn(Set.of());
		mvc.perform(get("/mechelen/rechtenverkenner"))
			.andExpect(status().isOk())
			.andExpect(view().name("rights/explorer"))
			.andExpect(model().attribute("next", Question.AGE));
		mvc.perform(post("/mechelen/rechtenverkenner").param("leeftijd", "40").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attribute("next", Question.INCOME));
	}

	@Test
	void thePostcodeLeadsToTheCity() throws Exception {
		mvc.perform(get("/rechtenverkenner").param("postcode", "2800"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/mechelen/rechtenverkenner"));
		mvc.perform(get("/rechtenverkenner").param("postcode", "1234"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("unknownPostcode", true));
	}

	@Test
	void onlyTheRedacteurWrites() throws Exception {
		mvc.perform(post("/mechelen/rechten/7/publiceren").with(as(member("mechelen", Role.LEZER))).with(csrf()))
			.andExpect(status().isForbidden());
		verifyNoInteractions(versions);
	}

	@Test
	void aFailingExampleIsA409InTheApi() throws Exception {
		when(rights.require(7, MECHELEN.id())).thenReturn(OWN);
		ExampleHousehold example = new ExampleHousehold(1, 7, MECHELEN.id(), "Gezin A", "{}", LocalDate.now(),
				"ELIGIBLE");
		when(versions.publish(OWN, 3)).thenThrow(new ExamplesFailedException(
				List.of(new ExampleResult(example, Eligibility.Verdict.NOT_ELIGIBLE, null))));
		mvc.perform(post("/api/v1/mechelen/rechten/7/regels/3/publiceren").with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Gezin A")))
			.andExpect(jsonPath("$.errors[0].actual").value("NOT_ELIGIBLE"));
	}

}
