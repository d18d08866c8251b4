package be.obmi.finance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import be.obmi.identity.Role;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.support.WebSliceSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.server.ResponseStatusException;

import static be.obmi.identity.WebUsers.as;
import static be.obmi.identity.WebUsers.member;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The finance API: BBC import, undo, and the summary of a plan item. */
@FinanceWebTest
class FinanceApiControllerWebTests extends WebSliceSupport {

	static final byte[] BBC = "boekjaar;beleidsitem;raming;realisatie\n2025;AC1.1.1;1000,00;250,00\n"
		.getBytes(StandardCharsets.UTF_8);

	static final MockMultipartFile FILE = new MockMultipartFile("file", "bbc-2025.csv", "text/csv", BBC);

	@Autowired
	FinanceImports imports;

	@Autowired
	FinanceFigures figures;

	@Test
	void theSummaryCarriesAmountsAndExecutionRates() throws Exception {
		when(figures.summary(MECHELEN, "BD1", 2025)).thenReturn(new FinanceFigures.Summary("BD1", 2025,
				new BigDecimal("1000.00"), new BigDecimal("250.00"), new BigDecimal("400.00"), BigDecimal.ZERO));
		mvc.perform(get("/api/v1/mechelen/finance/summary").param("code", "BD1")
			.param("year", "2025")
			.with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.code").value("BD1"))
			.andExpect(jsonPath("$.year").value(2025))
			.andExpect(jsonPath("$.expenditure.estimate").value(1000.00))
			.andExpect(jsonPath("$.expenditure.realisation").value(250.00))
			.andExpect(jsonPath("$.expenditure.executionRate").value(25.0))
			.andExpect(jsonPath("$.receipts.estimate").value(400.00))
			.andExpect(jsonPath("$.receipts.realisation").value(0))
			.andExpect(jsonPath("$.receipts.executionRate").value(0.0));
	}

	@Test
	void aBlankCodeMeansTheWholePlanAndAYearOutOfRangeIsRefused() throws Exception {
		when(figures.summary(MECHELEN, null, null)).thenReturn(new FinanceFigures.Summary(null, null, BigDecimal.ZERO,
				BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
		mvc.perform(get("/api/v1/mechelen/finance/summary").param("code", " ").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isOk());
		verify(figures).summary(MECHELEN, null, null);
		mvc.perform(
				get("/api/v1/mechelen/finance/summary").param("year", "1850").with(as(member("mechelen", Role.LEZER))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("year"));
	}

	@Test
	void anImportAnswersItsSummary() throws Exception {
		when(imports.importFile(MECHELEN, "bbc-2025.csv", BBC, LocalDate.of(2025, 6, 30), "Budgetwijziging 1"))
			.thenReturn(new FinanceImportSummary(14L, "IMPORTED", 1, List.of(2025), new BigDecimal("1000.00"),
					new BigDecimal("250.00")));
		mvc.perform(multipart("/api/v1/mechelen/finance/import").file(FILE)
			.param("reportingDate", "2025-06-30")
			.param("label", "Budgetwijziging 1")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.importId").value(14))
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.lines").value(1))
			.andExpect(jsonPath("$.fiscalYears[0]").value(2025))
			.andExpect(jsonPath("$.totalEstimate").value(1000.00));
	}

	@Test
	void anImportNeedsARedacteurAndAPlausibleDate() throws Exception {
		mvc.perform(multipart("/api/v1/mechelen/finance/import").file(FILE)
			.with(as(member("mechelen", Role.BIJDRAGER)))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/mechelen/finance/import").file(FILE)
			.param("reportingDate", "1820-01-01")
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reportingDate"));
		verifyNoInteractions(imports);
	}

	@Test
	void aRejectedFileIsAnUnprocessableProblem() throws Exception {
		when(imports.importFile(any(), anyString(), any(), any(), any()))
			.thenThrow(ImportRejectedException.of("import.rejected"));
		mvc.perform(multipart("/api/v1/mechelen/finance/import").file(FILE)
			.with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].message").value("Het bestand is geweigerd; er is niets gewijzigd."));
	}

	@Test
	void undoAnswersTheUndoneImport() throws Exception {
		mvc.perform(post("/api/v1/mechelen/finance/imports/14/undo").with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.importId").value(14))
			.andExpect(jsonPath("$.status").value("UNDONE"));
		verify(imports).undo(MECHELEN, 14);
	}

	@Test
	void aRefusedUndoKeepsItsStatusWithTheReason() throws Exception {
		doThrow(new IllegalStateException("Deze import is al ongedaan gemaakt.")).when(imports).undo(MECHELEN, 14);
		doThrow(new ResponseStatusException(HttpStatus.NOT_FOUND, "Onbekende import 99")).when(imports)
			.undo(MECHELEN, 99);
		mvc.perform(post("/api/v1/mechelen/finance/imports/14/undo").with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value("Deze import is al ongedaan gemaakt."));
		mvc.perform(post("/api/v1/mechelen/finance/imports/99/undo").with(as(member("mechelen", Role.REDACTEUR)))
			.with(csrf())).andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("Onbekende import 99"));
	}

	@Test
	void anUndoNeedsARedacteur() throws Exception {
		mvc.perform(
				post("/api/v1/mechelen/finance/imports/14/undo").with(as(member("mechelen", Role.LEZER))).with(csrf()))
			.andExpect(status().isForbidden());
		verify(imports, never()).undo(any(), anyLong());
	}

}
