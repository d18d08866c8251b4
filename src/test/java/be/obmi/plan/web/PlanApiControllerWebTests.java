package be.obmi.plan.web;

import java.nio.charset.StandardCharsets;

import be.obmi.identity.Role;
import be.obmi.plan.importing.ImportSummary;
import be.obmi.plan.importing.PlanExport;
import be.obmi.plan.importing.PlanImport;
import be.obmi.shared.tabular.ImportRejectedException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The plan API: import, export and the items with status and progress. */
@PlanWebTest
class PlanApiControllerWebTests extends PlanWebTestSupport {

	static final byte[] PLAN_CSV = """
			code;type;bovenliggende_code;titel
			BD1;BD;;Een veilige stad
			""".getBytes(StandardCharsets.UTF_8);

	@Autowired
	PlanImport planImport;

	@Autowired
	PlanExport export;

	@Test
	void theItemsCarryTheirParentCodeStatusAndRolledUpProgress() throws Exception {
		mvc.perform(get("/api/v1/mechelen/plan/items").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.length()").value(4))
			.andExpect(jsonPath("$[0].code").value("BD1"))
			.andExpect(jsonPath("$[0].parentCode").doesNotExist())
			// the goal's progress rests on its one action with a published update (40 %);
			// the action without one is left out, not counted as 0
			.andExpect(jsonPath("$[0].progress").value(40))
			.andExpect(jsonPath("$[0].progressActions").value(1))
			.andExpect(jsonPath("$[0].actionCount").value(2))
			.andExpect(jsonPath("$[2].code").value("AC1.1.1"))
			.andExpect(jsonPath("$[2].type").value("AC"))
			.andExpect(jsonPath("$[2].parentCode").value("AP1.1"))
			.andExpect(jsonPath("$[2].status").value("OP_SCHEMA"))
			.andExpect(jsonPath("$[2].progress").value(40))
			.andExpect(jsonPath("$[2].startDate").value("2026-01-01"))
			.andExpect(jsonPath("$[2].politicalOwner").value("Schepen Peeters"));
	}

	@Test
	void aTenantWithoutPlanHasNoItems() throws Exception {
		mvc.perform(get("/api/v1/gent/plan/items").with(as(member("gent", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(content().json("[]"));
	}

	@Test
	void anImportAnswersItsSummary() throws Exception {
		when(planImport.importPlan(eq(MECHELEN), any(), eq("redacteur.mechelen")))
			.thenReturn(new ImportSummary(1, 1, 0, 0, 3, 3));
		mvc.perform(multipart("/api/v1/mechelen/plan/import")
			.file(new MockMultipartFile("file", "plan.csv", "text/csv", PLAN_CSV))
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(1))
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(0))
			.andExpect(jsonPath("$.notInFile").value(3))
			.andExpect(jsonPath("$.planVersion").value(3));
		verify(planImport).importPlan(MECHELEN, PLAN_CSV, "redacteur.mechelen");
	}

	@Test
	void aRejectedFileIsAnsweredAsProblemWithEveryError() throws Exception {
		when(planImport.importPlan(any(), any(), anyString()))
			.thenThrow(ImportRejectedException.at(2, "type", "import.plan.typeInvalid", "XX"));
		mvc.perform(multipart("/api/v1/mechelen/plan/import")
			.file(new MockMultipartFile("file", "plan.csv", "text/csv", PLAN_CSV))
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.detail").value("Het bestand is geweigerd; er is niets gewijzigd."))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("type"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("Ongeldig type 'XX'; gebruik BD, AP, AC, PR (project) of RL (release)."));
	}

	@Test
	void theErrorsOfARejectedFileFollowTheClientsLanguage() throws Exception {
		when(planImport.importPlan(any(), any(), anyString()))
			.thenThrow(ImportRejectedException.at(2, "type", "import.plan.typeInvalid", "XX"));
		mvc.perform(multipart("/api/v1/mechelen/plan/import")
			.file(new MockMultipartFile("file", "plan.csv", "text/csv", PLAN_CSV))
			.header("Accept-Language", "en-GB,en;q=0.9")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("The file was refused; nothing was changed."))
			.andExpect(jsonPath("$.errors[0].message")
				.value("Invalid type 'XX'; use BD, AP, AC, PR (project) or RL (release)."));
	}

	@Test
	void anImportNeedsARedacteur() throws Exception {
		mvc.perform(multipart("/api/v1/mechelen/plan/import")
			.file(new MockMultipartFile("file", "plan.csv", "text/csv", PLAN_CSV))
			.with(as(member("mechelen", Role.BIJDRAGER)))
			.with(csrf())).andExpect(status().isForbidden());
		verify(planImport, never()).importPlan(any(), any(), anyString());
	}

	@Test
	void anImportWithoutFileIsABadRequestProblem() throws Exception {
		mvc.perform(multipart("/api/v1/mechelen/plan/import").with(as(member("mechelen", Role.REDACTEUR))).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("file"));
	}

	@Test
	void theExportIsACsvAttachmentNamedAfterTheTenant() throws Exception {
		when(export.csv(PLAN)).thenReturn(PLAN_CSV);
		mvc.perform(get("/api/v1/mechelen/plan/export").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"meerjarenplan-mechelen.csv\""))
			.andExpect(content().bytes(PLAN_CSV));
	}

	@Test
	void anExportInAnUnknownFormatIsABadRequest() throws Exception {
		mvc.perform(get("/api/v1/mechelen/plan/export").param("format", "pdf").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isBadRequest());
		verify(export, never()).csv(any());
	}

}
