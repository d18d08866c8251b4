package be.obmi.plan.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import be.obmi.identity.Role;
import be.obmi.plan.domain.ItemType;
import be.obmi.plan.domain.PlanArchive;
import be.obmi.plan.importing.PlanImportUndo;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The archive page, archiving, restoring and deleting items, and undoing a plan import:
 * who may, where each step goes afterwards and how a refusal is shown.
 */
@PlanWebTest
class PlanArchiveControllerWebTests extends PlanWebTestSupport {

	@Autowired
	PlanArchive archive;

	@Autowired
	PlanImportUndo undo;

	@Test
	void aLezerSeesTheArchiveButMayNotRestore() throws Exception {
		PlanArchive.Contents contents = new PlanArchive.Contents(List.of(new PlanArchive.ArchivedItem(112, "AC1.1.2",
				ItemType.AC, "Fietspaden markeren", OffsetDateTime.now(), "redacteur.mechelen", 0, true)), List.of(),
				List.of(), List.of());
		when(archive.contents(MECHELEN, PLAN)).thenReturn(contents);
		mvc.perform(get("/mechelen/plan/archief").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanArchiveController.ARCHIVE_VIEW))
			.andExpect(model().attribute("contents", contents))
			.andExpect(model().attribute("canEdit", false));
		mvc.perform(post("/mechelen/plan/archief/items/112/herstellen").with(as(member("mechelen", Role.LEZER)))
			.with(csrf())).andExpect(status().isForbidden());
		verify(archive, never()).restore(any(), anyLong());
	}

	@Test
	void archivingAnItemGoesToTheArchiveWithItsMessage() throws Exception {
		when(archive.archive(MECHELEN, 110, "redacteur.mechelen")).thenReturn(3);
		mvc.perform(
				post("/mechelen/plan/items/110/archiveren").with(as(member("mechelen", Role.REDACTEUR))).with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/archief"))
			.andExpect(flash().attribute("done", "AP1.1 is gearchiveerd, samen met 2 onderliggende items."));
	}

	@Test
	void aRefusedDeleteGoesBackToTheItemWithItsReason() throws Exception {
		when(archive.delete(MECHELEN, 111))
			.thenThrow(new RefusedStateException(Reason.of("plan.refused.itemHasHistory", "AC1.1.1")));
		mvc.perform(
				post("/mechelen/plan/items/111/verwijderen").with(as(member("mechelen", Role.REDACTEUR))).with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/items/111"))
			.andExpect(flash().attribute("error",
					"AC1.1.1 kan niet definitief verwijderd worden: het of een onderliggend item heeft statusupdates of metingen, en die historiek moet bewaard blijven. Archiveer het."));
	}

	@Test
	void aBijdragerMayNotArchiveOrDelete() throws Exception {
		mvc.perform(
				post("/mechelen/plan/items/111/archiveren").with(as(member("mechelen", Role.BIJDRAGER))).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(
				post("/mechelen/plan/items/111/verwijderen").with(as(member("mechelen", Role.BIJDRAGER))).with(csrf()))
			.andExpect(status().isForbidden());
		verifyNoInteractions(archive);
	}

	@Test
	void anArchivedItemPageShowsWhoArchivedItAndNoForms() throws Exception {
		when(archive.mark(MECHELEN, 112))
			.thenReturn(Optional.of(new PlanArchive.Mark(OffsetDateTime.now(), "redacteur.mechelen")));
		when(items.withDescendants(MECHELEN, 112)).thenReturn(List.of(OTHER_ACTION));
		mvc.perform(get("/mechelen/plan/items/112").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isOk())
			.andExpect(model().attribute("canEdit", false))
			.andExpect(model().attribute("editor", true))
			.andExpect(model().attribute("parent", ACTION_PLAN));
	}

	@Test
	void anUndoRefusedIsShownOnTheImportPage() throws Exception {
		when(undo.undo(MECHELEN, 2, "redacteur.mechelen"))
			.thenThrow(new RefusedStateException(Reason.of("plan.refused.undoneAlready", 2)));
		mvc.perform(post("/mechelen/plan/versies/2/ongedaan").with(as(member("mechelen", Role.REDACTEUR))).with(csrf()))
			.andExpect(redirectedUrl("/mechelen/plan/import#versies"))
			.andExpect(flash().attribute("undoError", "De import van versie 2 is al ongedaan gemaakt."));
		mvc.perform(post("/mechelen/plan/versies/2/ongedaan").with(as(member("mechelen", Role.LEZER))).with(csrf()))
			.andExpect(status().isForbidden());
		verify(undo, never()).undo(any(), anyInt(), eq("lezer.mechelen"));
	}

	@Test
	void theApiAnswersAnUndoWithItsSummaryOrAConflict() throws Exception {
		when(undo.undo(MECHELEN, 3, "redacteur.mechelen")).thenReturn(new PlanImportUndo.Summary(3, 4, 1, 0, 2));
		mvc.perform(post("/api/v1/mechelen/plan/versies/3/ongedaan").with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.planVersion").value(4))
			.andExpect(jsonPath("$.restored").value(1))
			.andExpect(jsonPath("$.deleted").value(2));
		when(undo.undo(MECHELEN, 2, "redacteur.mechelen"))
			.thenThrow(new RefusedStateException(Reason.of("plan.refused.undoNotLatest", 2, 4)));
		mvc.perform(post("/api/v1/mechelen/plan/versies/2/ongedaan").with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail")
				.value("Enkel de laatste import kan ongedaan gemaakt worden; versie 2 is niet de huidige versie (4)."));
	}

}
