package be.obmi.finance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import be.obmi.identity.Role;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The financial service's page: upload a BBC export, the versions, undo. */
@FinanceWebTest
class FinanceControllerWebTests extends WebSliceSupport {

	static final FinanceImports.FinanceImport VERSION = new FinanceImports.FinanceImport(14, "bbc-2025.csv",
			"Budgetwijziging 1", LocalDate.of(2025, 6, 30), Instant.parse("2025-07-01T08:00:00Z"), "redacteur.mechelen",
			812, null);

	static final FinanceFigures.Summary TOTAL = new FinanceFigures.Summary(null, null, new BigDecimal("5000"),
			new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO);

	static final MockMultipartFile FILE = new MockMultipartFile("file", "bbc-2025.csv", "text/csv",
			"boekjaar;beleidsitem;raming\n".getBytes(StandardCharsets.UTF_8));

	@Autowired
	FinanceImports imports;

	@Autowired
	FinanceFigures figures;

	@BeforeEach
	void history() {
		when(imports.history(MECHELEN)).thenReturn(List.of(VERSION));
		when(figures.summary(MECHELEN, null, null)).thenReturn(TOTAL);
	}

	@Test
	void thePageShowsTheVersionsAndTheTotalAndWhetherTheUserMayImport() throws Exception {
		mvc.perform(get("/mechelen/financien").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(view().name(FinanceController.VIEW))
			.andExpect(model().attribute("history", List.of(VERSION)))
			.andExpect(model().attribute("total", TOTAL))
			.andExpect(model().attribute("canImport", false));
		mvc.perform(get("/mechelen/financien").with(as(member("mechelen", Role.REDACTEUR))))
			.andExpect(model().attribute("canImport", true));
	}

	@Test
	void anUploadRedirectsWithItsSummary() throws Exception {
		FinanceImportSummary summary = new FinanceImportSummary(15L, "IMPORTED", 1, List.of(2025),
				new BigDecimal("1000"), BigDecimal.ZERO);
		when(imports.importFile(MECHELEN, "bbc-2025.csv", FILE.getBytes(), null, null)).thenReturn(summary);
		mvc.perform(multipart("/mechelen/financien/import").file(FILE)
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/financien"))
			.andExpect(flash().attribute("summary", summary));
	}

	@Test
	void aRejectedUploadShowsThePageAgainWith422() throws Exception {
		ImportError error = ImportError.ofFile("import.rejected");
		when(imports.importFile(any(), anyString(), any(), any(), any()))
			.thenThrow(new ImportRejectedException(List.of(error)));
		mvc.perform(multipart("/mechelen/financien/import").file(FILE)
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name(FinanceController.VIEW))
			.andExpect(model().attribute("errors", List.of(error)))
			.andExpect(model().attribute("history", List.of(VERSION)));
	}

	@Test
	void onlyARedacteurUploads() throws Exception {
		mvc.perform(multipart("/mechelen/financien/import").file(FILE)
			.with(as(member("mechelen", Role.LEZER)))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(imports);
	}

	@Test
	void aRefusedUndoIsReportedAfterTheRedirect() throws Exception {
		doThrow(new IllegalStateException("Deze import is al ongedaan gemaakt.")).when(imports).undo(MECHELEN, 14);
		mvc.perform(post("/mechelen/financien/import/14/ongedaan").with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(redirectedUrl("/mechelen/financien"))
			.andExpect(flash().attribute("undoError", "Deze import is al ongedaan gemaakt."));
	}

}
