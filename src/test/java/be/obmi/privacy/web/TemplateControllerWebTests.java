package be.obmi.privacy.web;

import java.util.List;

import be.obmi.identity.Role;
import be.obmi.privacy.domain.ActivityState;
import be.obmi.privacy.domain.PrivacyTemplates;
import be.obmi.privacy.domain.TemplateKind;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The Kenniscentrum's templates as a city sees them: adopted by its redacteur. */
@PrivacyWebTest
class TemplateControllerWebTests extends WebSliceSupport {

	static final PrivacyTemplates.Template NEWSLETTER = new PrivacyTemplates.Template(3, TemplateKind.ACTIVITY,
			"nieuwsbrief-abonnees", "Abonnees van de nieuwsbrief", 2, false);

	@Autowired
	PrivacyTemplates templates;

	@Test
	void theTemplatesAreListedWithWhetherTheUserMayAdopt() throws Exception {
		when(templates.all()).thenReturn(List.of(NEWSLETTER));
		mvc.perform(get("/mechelen/privacy/sjablonen").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name("privacy/templates"))
			.andExpect(model().attribute("templates", List.of(NEWSLETTER)))
			.andExpect(model().attribute("canEdit", false));
	}

	@Test
	void anAdoptedTemplateOpensTheNewActivity() throws Exception {
		when(templates.adopt(MECHELEN, 3, "redacteur.mechelen"))
			.thenReturn(PrivacyWebFixtures.activity(ActivityState.DRAFT));
		mvc.perform(post("/mechelen/privacy/sjablonen/3/overnemen").with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/privacy/verwerkingen/" + PrivacyWebFixtures.ACTIVITY_ID));
	}

	@Test
	void aLezerMayNotAdopt() throws Exception {
		mvc.perform(
				post("/mechelen/privacy/sjablonen/3/overnemen").with(as(member("mechelen", Role.LEZER))).with(csrf()))
			.andExpect(status().isForbidden());
		verifyNoInteractions(templates);
	}

}
