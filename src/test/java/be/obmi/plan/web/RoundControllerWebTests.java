package be.obmi.plan.web;

import java.time.LocalDate;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.plan.domain.CouncilReport;
import be.obmi.plan.domain.CouncilReports;
import be.obmi.plan.domain.ItemStatus;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.domain.StatusUpdate;
import be.obmi.plan.domain.StatusUpdateForm;
import be.obmi.plan.domain.UpdateState;
import be.obmi.shared.ConcurrentChangeException;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static be.obmi.identity.WebUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Status rounds: opening, the round page, the workflow steps, updates and the report. */
@PlanWebTest
class RoundControllerWebTests extends PlanWebTestSupport {

	static final StatusRound ROUND = new StatusRound(20, PLAN.id(), "Voorjaar 2026", LocalDate.of(2026, 3, 31),
			LocalDate.of(2026, 4, 15), StatusRound.Scope.ALL, StatusRound.State.OPEN, null, null, "redacteur.mechelen",
			null, null, 2);

	static final StatusUpdate SUBMITTED = new StatusUpdate(501, 20, OTHER_ACTION.id(), ItemStatus.VERTRAAGD, 20,
			"Aannemer failliet.", "Nieuwe aanbesteding nodig.", null, UpdateState.INGEDIEND, null, "bijdrager.mechelen",
			null, null, null, null, 1, "Voorjaar 2026", LocalDate.of(2026, 3, 31));

	@Autowired
	CouncilReports reports;

	@Autowired
	ReportPdf pdf;

	@Test
	void theRoundPageCountsSubmittedApprovedAndMissingUpdatesPerOwner() throws Exception {
		when(rounds.round(MECHELEN, 20)).thenReturn(Optional.of(ROUND));
		when(rounds.tasks(MECHELEN, ROUND)).thenReturn(List.of(new StatusRounds.Task(ROUND, ACTION, UPDATE),
				new StatusRounds.Task(ROUND, OTHER_ACTION, SUBMITTED), new StatusRounds.Task(ROUND, GOAL, null)));
		mvc.perform(get("/mechelen/plan/rondes/20").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(RoundController.ROUND_VIEW))
			.andExpect(model().attribute("round", ROUND))
			.andExpect(model().attribute("submitted", 2L))
			.andExpect(model().attribute("approved", 1L))
			.andExpect(model().attribute("published", 0L))
			.andExpect(model().attribute("missing", Map.of("Mobiliteitsdienst", 1L)));
	}

	@Test
	void anUnknownRoundIsNotFound() throws Exception {
		mvc.perform(get("/mechelen/plan/rondes/77").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isNotFound());
	}

	@Test
	void openingARoundWithASelectionPassesTheItemIds() throws Exception {
		when(rounds.open(eq(MECHELEN), eq(PLAN), eq("Najaar 2026"), eq(LocalDate.of(2026, 9, 30)), any(),
				eq(StatusRound.Scope.SELECTION), eq(List.of(111L, 112L)), eq("redacteur.mechelen")))
			.thenReturn(new StatusRound(22, PLAN.id(), "Najaar 2026", LocalDate.of(2026, 9, 30), null,
					StatusRound.Scope.SELECTION, StatusRound.State.OPEN, null, null, "redacteur.mechelen", null, null,
					0));
		mvc.perform(post("/mechelen/plan/rondes").param("name", "Najaar 2026")
			.param("referenceDate", "2026-09-30")
			.param("scope", "SELECTION")
			.param("selection", "AC1.1.1, AC1.1.2")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(redirectedUrl("/mechelen/plan/rondes/22"));
	}

	@Test
	void aSelectionWithAnUnknownCodeIsRefusedWithItsReason() throws Exception {
		mvc.perform(post("/mechelen/plan/rondes").param("name", "Najaar 2026")
			.param("scope", "SELECTION")
			.param("selection", "AC9.9.9")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isBadRequest());
		verify(rounds, never()).open(any(), any(), anyString(), any(), any(), any(), any(), anyString());
	}

	@Test
	void anUnknownScopeIsABadRequest() throws Exception {
		mvc.perform(post("/mechelen/plan/rondes").param("name", "Najaar 2026")
			.param("scope", "IEDEREEN")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isBadRequest());
	}

	@Test
	void anUpdateOfAnotherRoundCannotBeApprovedThroughThisOne() throws Exception {
		when(rounds.update(MECHELEN, 501)).thenReturn(Optional.of(SUBMITTED));
		mvc.perform(post("/mechelen/plan/rondes/21/updates/501/goedkeuren").with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isNotFound());
		verify(rounds, never()).approve(any(), anyLong(), anyString());
	}

	@Test
	void approvingRedirectsToTheRoundWithAMessageCode() throws Exception {
		when(rounds.update(MECHELEN, 501)).thenReturn(Optional.of(SUBMITTED));
		mvc.perform(post("/mechelen/plan/rondes/20/updates/501/goedkeuren").with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/rondes/20"))
			.andExpect(flash().attribute("done", "plan.round.done.approved"));
		verify(rounds).approve(MECHELEN, 501, "redacteur.mechelen");
	}

	@Test
	void approvingAllSubmittedUpdatesIsOneStepForAnEditorOnly() throws Exception {
		when(rounds.round(MECHELEN, 20)).thenReturn(Optional.of(ROUND));
		mvc.perform(
				post("/mechelen/plan/rondes/20/goedkeuren").with(as(member("mechelen", Role.REDACTEUR))).with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/rondes/20"))
			.andExpect(flash().attribute("done", "plan.round.done.approvedAll"));
		verify(rounds).approveSubmitted(MECHELEN, 20, "redacteur.mechelen");
		mvc.perform(post("/mechelen/plan/rondes/20/goedkeuren").with(as(member("mechelen", Role.LEZER))).with(csrf()))
			.andExpect(status().isForbidden());
		verify(rounds, never()).approveSubmitted(any(), anyLong(), eq("lezer.mechelen"));
	}

	@Test
	void aStepTheWorkflowRefusesIsReportedAfterTheRedirect() throws Exception {
		when(rounds.round(MECHELEN, 20)).thenReturn(Optional.of(ROUND));
		doThrow(new IllegalStateException("De ronde is al afgesloten.")).when(rounds).close(MECHELEN, 20);
		mvc.perform(
				post("/mechelen/plan/rondes/20/afsluiten").with(as(member("mechelen", Role.REDACTEUR))).with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/rondes/20"))
			.andExpect(flash().attribute("error", "De ronde is al afgesloten."));
	}

	@Test
	void aContributorReportsOnlyOnTheirOwnItems() throws Exception {
		when(rounds.task(MECHELEN, 20, 111)).thenReturn(Optional.of(new StatusRounds.Task(ROUND, ACTION, null)));
		mvc.perform(post("/mechelen/plan/rondes/20/items/111").param("status", "OP_SCHEMA")
			.param("progress", "70")
			.param("version", "-1")
			.with(as(member("mechelen", Role.LEZER)))
			.with(csrf())).andExpect(status().isForbidden());
		verify(rounds, never()).save(any(), anyLong(), anyLong(), any(), anyBoolean(), any());
	}

	@Test
	void aSubmittedUpdateIsSavedAndLeadsBackToTheTasks() throws Exception {
		when(rounds.task(MECHELEN, 20, 111)).thenReturn(Optional.of(new StatusRounds.Task(ROUND, ACTION, null)));
		mvc.perform(post("/mechelen/plan/rondes/20/items/111").param("status", "OP_SCHEMA")
			.param("progress", "70")
			.param("narrative", "Zes schoolstraten.")
			.param("version", "-1")
			.param("action", "submit")
			.with(as(member("mechelen", Role.BIJDRAGER)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/taken"))
			.andExpect(flash().attribute("done", "plan.update.submitted"))
			.andExpect(flash().attribute("doneCode", "AC1.1.1"));
		verify(rounds).save(MECHELEN, 20, 111,
				new StatusUpdateForm(ItemStatus.OP_SCHEMA, 70, "Zes schoolstraten.", null, null, -1), true,
				"bijdrager.mechelen");
	}

	@Test
	void aProgressOver100IsShownOnTheFormWith400() throws Exception {
		when(rounds.task(MECHELEN, 20, 111)).thenReturn(Optional.of(new StatusRounds.Task(ROUND, ACTION, null)));
		mvc.perform(post("/mechelen/plan/rondes/20/items/111").param("status", "OP_SCHEMA")
			.param("progress", "140")
			.param("version", "-1")
			.with(as(member("mechelen", Role.BIJDRAGER)))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(RoundController.UPDATE_VIEW))
			.andExpect(model().attributeHasFieldErrors("form", "progress"))
			.andExpect(model().attribute("editable", true));
	}

	@Test
	void aConcurrentSaveAnswers409OnTheForm() throws Exception {
		when(rounds.task(MECHELEN, 20, 111)).thenReturn(Optional.of(new StatusRounds.Task(ROUND, ACTION, UPDATE)));
		when(rounds.save(any(), anyLong(), anyLong(), any(), anyBoolean(), any()))
			.thenThrow(new ConcurrentChangeException("Iemand anders bewaarde deze update intussen."));
		mvc.perform(post("/mechelen/plan/rondes/20/items/111").param("status", "OP_SCHEMA")
			.param("progress", "70")
			.param("version", "1")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(view().name(RoundController.UPDATE_VIEW))
			.andExpect(model().attribute("error", "Iemand anders bewaarde deze update intussen."));
	}

	@Test
	void theReportPdfIsAnAttachmentNamedAfterTenantAndRound() throws Exception {
		when(rounds.round(MECHELEN, 20)).thenReturn(Optional.of(ROUND));
		CouncilReport report = new CouncilReport(PLAN, ROUND, new PlanTree(List.of(GOAL), Map.of()), List.of(),
				Map.of(), 0, Map.of(), null);
		when(reports.of(MECHELEN, ROUND)).thenReturn(report);
		byte[] document = "%PDF-1.7 opvolgingsrapport".getBytes();
		when(pdf.render(any(ReportContent.Report.class), any(Locale.class))).thenReturn(document);
		mvc.perform(get("/mechelen/plan/rondes/20/rapport.pdf").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"opvolgingsrapport-mechelen-20.pdf\""))
			.andExpect(content().bytes(document));
	}

	@Test
	void theReportDocxIsAWordDocumentWithTheCityOnItsCover() throws Exception {
		when(rounds.round(MECHELEN, 20)).thenReturn(Optional.of(ROUND));
		CouncilReport report = new CouncilReport(PLAN, ROUND, new PlanTree(List.of(GOAL), Map.of()), List.of(),
				Map.of(), 0, Map.of(), null);
		when(reports.of(MECHELEN, ROUND)).thenReturn(report);
		byte[] document = mvc
			.perform(get("/mechelen/plan/rondes/20/rapport.docx").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(content().contentType(RoundController.DOCX))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"opvolgingsrapport-mechelen-20.docx\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(document));
				XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
			assertThat(text.getText()).contains("Mechelen", ROUND.name(), "Samenvatting",
					"Geraamde versus gerealiseerde ontvangsten en uitgaven");
		}
	}

}
