package be.obmi.notification;

import java.util.Optional;

import be.obmi.identity.Contact;
import be.obmi.identity.Contacts;
import be.obmi.identity.ObmiUser;
import be.obmi.identity.Role;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** One's own mail preferences: shown with the address, saved, a bad language refused. */
@NotificationWebTest
class NotificationPreferencesControllerWebTests extends WebSliceSupport {

	static final ObmiUser ANNA = member("mechelen", Role.BIJDRAGER);

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	Contacts contacts;

	@Autowired
	Mailer mailer;

	@BeforeEach
	void anna() {
		when(preferences.of(ANNA.id())).thenReturn(Preferences.DEFAULTS);
		when(contacts.byId(ANNA.id()))
			.thenReturn(Optional.of(new Contact(ANNA.id(), ANNA.getUsername(), "Anna", "anna@mechelen.test")));
		when(mailer.enabled()).thenReturn(true);
	}

	@Test
	void thePageShowsTheChoicesAndTheAddress() throws Exception {
		mvc.perform(get("/account/meldingen").with(as(ANNA)))
			.andExpect(status().isOk())
			.andExpect(view().name(NotificationPreferencesController.VIEW))
			.andExpect(model().attribute("form", PreferencesForm.of(Preferences.DEFAULTS)))
			.andExpect(model().attribute("email", "anna@mechelen.test"))
			.andExpect(model().attribute("mailEnabled", true));
		mvc.perform(get("/account/meldingen")).andExpect(status().isFound());
	}

	@Test
	void theChoicesAreSavedAndABadLanguageIsRefused() throws Exception {
		mvc.perform(post("/account/meldingen").param("roundOpened", "true")
			.param("reminder", "false")
			.param("returned", "false")
			.param("approved", "false")
			.param("digest", "false")
			.param("language", "en")
			.with(as(ANNA))
			.with(csrf())).andExpect(redirectedUrl("/account/meldingen"));
		verify(preferences).save(ANNA.id(), new Preferences(true, false, false, false, false, "en"));

		mvc.perform(post("/account/meldingen").param("roundOpened", "true")
			.param("reminder", "true")
			.param("returned", "true")
			.param("approved", "true")
			.param("digest", "true")
			.param("language", "fr")
			.with(as(ANNA))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(NotificationPreferencesController.VIEW))
			.andExpect(model().attributeHasFieldErrors("form", "language"));
		verify(preferences, times(1)).save(anyLong(), any(Preferences.class));
	}

}
