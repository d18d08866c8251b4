package be.obmi.plan.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.importing.ImportSummary;
import be.obmi.plan.importing.PlanImport;
import be.obmi.plan.importing.StatusUpdateImport;
import be.obmi.shared.tabular.ImportError;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The import page (plan, status updates, indicators), the export and earlier versions.
 */
@PlanWebTest
class PlanImportControllerWebTests extends PlanWebTestSupport {

	static final StatusRound OPEN_ROUND = new StatusRound(21, PLAN.id(), "Najaar 2026", LocalDate.of(2026, 9, 30),
			LocalDate.of(2026, 10, 15), StatusRound.Scope.PRIORITY, StatusRound.State.OPEN, null, null,
			"redacteur.mechelen", null, null, 0);

	static final StatusRound CLOSED_ROUND = new StatusRound(20, PLAN.id(), "Voorjaar 2026", LocalDate.of(2026, 3, 31),
			null, StatusRound.Scope.ALL, StatusRound.State.CLOSED, null, null, "redacteur.mechelen", null, null, 2);

	static final MockMultipartFile FILE = new MockMultipartFile("file", "plan.csv", "text/csv",
			"code;type;titel\nBD1;BD;Een veilige stad\n".getBytes(StandardCharsets.UTF_8));

	@Autowired
	PlanImport planImport;

	@Autowired
	StatusUpdateImport statusImport;

	@Test
	void theImportPageOffersOnlyOpenRounds() throws Exception {
		when(rounds.rounds(PLAN)).thenReturn(List.of(OPEN_ROUND, CLOSED_ROUND));
		mvc.perform(get("/mechelen/plan/import").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanImportController.IMPORT_VIEW))
			.andExpect(model().attribute("openRounds", List.of(OPEN_ROUND)))
			.andExpect(model().attribute("versions", List.of()));
	}

	@Test
	void theImportPageIsForRedacteurs() throws Exception {
		mvc.perform(get("/mechelen/plan/import").with(as(member("mechelen", Role.BIJDRAGER))))
			.andExpect(status().isForbidden());
	}

	@Test
	void anImportedPlanShowsItsSummaryOnThePage() throws Exception {
		ImportSummary summary = new ImportSummary(1, 0, 1, 0, 3, 3);
		when(planImport.importPlan(MECHELEN, FILE.getBytes(), "redacteur.mechelen")).thenReturn(summary);
		mvc.perform(multipart("/mechelen/plan/import").file(FILE)
			.param("kind", "plan")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanImportController.IMPORT_VIEW))
			.andExpect(model().attribute("kind", "plan"))
			.andExpect(model().attribute("summary", summary));
	}

	@Test
	void statusUpdatesWithoutRoundAreRefusedWith422AndNothingIsImported() throws Exception {
		mvc.perform(multipart("/mechelen/plan/import").file(FILE)
			.param("kind", "status")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name(PlanImportController.IMPORT_VIEW))
			.andExpect(model().attribute("errors", List.of(new ImportError(1, "", "import.plan.roundRequired"))));
		verify(statusImport, never()).importStatuses(any(), anyLong(), any(), anyString());
	}

	@Test
	void anUnknownKindIsRefusedBeforeAnythingIsRead() throws Exception {
		mvc.perform(multipart("/mechelen/plan/import").file(FILE)
			.param("kind", "financien")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isBadRequest());
		verifyNoInteractions(planImport, statusImport);
	}

	@Test
	void anEarlierVersionIsACsvWithByteOrderMark() throws Exception {
		when(plans.snapshot(PLAN, 1)).thenReturn(Optional.of("code;type\nBD1;BD\n"));
		byte[] expected = ("\uFEFF" + "code;type\nBD1;BD\n").getBytes(StandardCharsets.UTF_8);
		mvc.perform(get("/mechelen/plan/versies/1").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"meerjarenplan-mechelen-versie-1.csv\""))
			.andExpect(content().bytes(expected));
		mvc.perform(get("/mechelen/plan/versies/9").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isNotFound());
	}

}
