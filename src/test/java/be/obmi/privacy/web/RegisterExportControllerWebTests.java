package be.obmi.privacy.web;

import java.nio.charset.StandardCharsets;

import be.obmi.identity.Role;
import be.obmi.privacy.importing.RegisterSpreadsheets;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The staff exports of the whole register: files named after the tenant, for members. */
@PrivacyWebTest
class RegisterExportControllerWebTests extends WebSliceSupport {

	@Autowired
	RegisterSpreadsheets spreadsheets;

	@Test
	void theCsvIsAnAttachmentNamedAfterTheTenant() throws Exception {
		when(spreadsheets.csv(MECHELEN)).thenReturn("naam;doel\n".getBytes(StandardCharsets.UTF_8));
		mvc.perform(get("/mechelen/privacy/export/register.csv").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(
					header().string("Content-Disposition", "attachment; filename=\"verwerkingsregister-mechelen.csv\""))
			.andExpect(content().string("naam;doel\n"));
		mvc.perform(get("/mechelen/privacy/export").with(as(member("mechelen", Role.LEZER))))
			.andExpect(view().name(RegisterExportController.VIEW));
	}

	@Test
	void anotherTenantsMemberGetsNoExport() throws Exception {
		mvc.perform(get("/mechelen/privacy/export/register.csv").with(as(member("gent", Role.BEHEERDER))))
			.andExpect(status().isForbidden());
	}

}
