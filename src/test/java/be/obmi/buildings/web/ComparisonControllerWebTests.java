package be.obmi.buildings.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.buildings.comparison.ComparisonEntries;
import be.obmi.buildings.comparison.ComparisonForm;
import be.obmi.buildings.comparison.ComparisonMatrices;
import be.obmi.buildings.comparison.ComparisonMatrix;
import be.obmi.buildings.comparison.LinkedObject;
import be.obmi.buildings.comparison.RegisterLink;
import be.obmi.buildings.gap.ProcessRecordImport;
import be.obmi.buildings.gap.RegisterGap;
import be.obmi.identity.Role;
import be.obmi.knowledge.KnowledgeRound;
import be.obmi.knowledge.KnowledgeRounds;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The request and response shape of the comparison and register-gap pages: the matrix
 * needs a login but no tenant role, its exports' content types, a city row's save
 * (redirect, 409 on a stale form, 403 for a lezer), an upload refused with 422.
 */
@BuildingsComparisonWebTest
class ComparisonControllerWebTests extends WebSliceSupport {

	static final KnowledgeRound ROUND = new KnowledgeRound(7, "2026 S1", "2026S1", null, true, null, null, false);

	static final ComparisonMatrix EMPTY = new ComparisonMatrix(ROUND, null, List.of(), List.of(), Map.of());

	@Autowired
	ComparisonMatrices matrices;

	@Autowired
	ComparisonEntries entries;

	@Autowired
	KnowledgeRounds rounds;

	@Autowired
	ProcessRecordImport imports;

	@Autowired
	RegisterGap gap;

	@Test
	void theMatrixNeedsALoginButNoTenantRole() throws Exception {
		when(matrices.of(null)).thenReturn(EMPTY);
		mvc.perform(get("/schillenboek/vergelijking")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/schillenboek/vergelijking").with(as(member("gent", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name("buildings/comparison-matrix"))
			.andExpect(model().attribute("matrix", EMPTY));
		when(matrices.csv(EMPTY)).thenReturn("x".getBytes(StandardCharsets.UTF_8));
		when(matrices.xlsx(EMPTY)).thenReturn(new byte[] { 1 });
		mvc.perform(get("/schillenboek/vergelijking/matrix.csv").with(as(member("gent", Role.LEZER))))
			.andExpect(content().contentType("text/csv;charset=UTF-8"))
			.andExpect(
					header().string("Content-Disposition", "attachment; filename=\"schillenboek-vergelijking-7.csv\""));
		mvc.perform(get("/schillenboek/vergelijking/matrix.xlsx").with(as(member("gent", Role.LEZER))))
			.andExpect(content().contentType(ComparisonMatrixController.XLSX));
		when(rounds.byId(99)).thenReturn(Optional.empty());
		mvc.perform(get("/schillenboek/vergelijking?ronde=99").with(as(member("gent", Role.LEZER))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aRedacteurSavesTheCitysRowAStaleFormGets409() throws Exception {
		when(rounds.openRound()).thenReturn(Optional.of(ROUND));
		var save = post("/mechelen/schillenboek/vergelijking").param("proces", "inschrijving")
			.param("ronde", "7")
			.param("version", "-1")
			.param("koppeling", "API")
			.param("object", "BUILDING_UNIT")
			.param("maturiteit", "4")
			.with(csrf());
		mvc.perform(save.with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(redirectedUrl("/mechelen/schillenboek/vergelijking#proces-inschrijving"));
		verify(entries).save(eq(MECHELEN), eq(7L), eq(new ComparisonForm("inschrijving", null, null, RegisterLink.API,
				LinkedObject.BUILDING_UNIT, null, 4, -1)), eq("redacteur.mechelen"), eq(false));
		when(entries.save(any(), anyLong(), any(), anyString(), anyBoolean()))
			.thenThrow(new ConcurrentChangeException(Reason.of("buildings.refused.comparison.changedMeanwhile")));
		mvc.perform(save.with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(status().isConflict())
			.andExpect(view().name("buildings/comparison-city"));
		mvc.perform(post("/mechelen/schillenboek/vergelijking").param("proces", "inschrijving")
			.param("ronde", "7")
			.with(csrf())
			.with(as(member("mechelen", Role.LEZER)))).andExpect(status().isForbidden());
	}

	@Test
	void aRefusedUploadShowsThePageWith422() throws Exception {
		when(imports.importFile(any(), anyString(), any(), anyString(), anyBoolean()))
			.thenThrow(new ImportRejectedException(
					List.of(new ImportError(2, "proces", "import.buildings.processUnknown", "x"))));
		MockMultipartFile file = new MockMultipartFile("file", "records.csv", "text/csv",
				"proces;record_id\nx;1\n".getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/mechelen/schillenboek/registerkloof/import").file(file)
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("buildings/gap-city"))
			.andExpect(model().attributeExists("errors"));
		verify(gap, never()).publish(any(), anyString());
	}

}
