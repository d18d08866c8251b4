package be.obmi.finance;

import org.springframework.http.HttpStatus;

import be.obmi.shared.ApiProblem;

import be.obmi.shared.PlausibleDate;
import be.obmi.shared.Texts;

import jakarta.validation.constraints.Max;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Finance API: upload a BBC export; read estimate and realisation of a plan item (rolled
 * up).
 */
@RestController
@Tag(name = "Financiën", description = "Raming en realisatie per actie uit de BBC-export")
class FinanceApiController {

	private final FinanceImports imports;

	private final FinanceFigures figures;

	private final TenantAccess access;

	private final MessageSource messages;

	FinanceApiController(FinanceImports imports, FinanceFigures figures, TenantAccess access, MessageSource messages) {
		this.messages = messages;
		this.imports = imports;
		this.figures = figures;
		this.access = access;
	}

	@PostMapping(path = "/api/v1/{slug}/finance/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(
			summary = "Een BBC-export inlezen (CSV of XLSX); 422 met alle fouten en niets gewijzigd bij een fout bestand")
	FinanceImportSummary importFile(Tenant tenant, @RequestParam MultipartFile file,
			@Parameter(description = "Rapporteringsmoment (yyyy-mm-dd), standaard vandaag") @RequestParam(
					required = false) @PlausibleDate @DateTimeFormat(
							iso = DateTimeFormat.ISO.DATE) LocalDate reportingDate,
			@RequestParam(required = false) @Size(max = 200) String label) throws IOException {
		access.require(tenant.slug(), Role.REDACTEUR);
		return imports.importFile(tenant, file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
				file.getBytes(), reportingDate, label);
	}

	@PostMapping("/api/v1/{slug}/finance/imports/{id}/undo")
	@Operation(summary = "Een import als geheel ongedaan maken; de vorige versie van zijn boekjaren geldt weer")
	ResponseEntity<Map<String, Object>> undo(Tenant tenant, @PathVariable long id, Locale locale) {
		access.require(tenant.slug(), Role.REDACTEUR);
		try {
			imports.undo(tenant, id);
		}
		catch (ResponseStatusException ex) {
			return ApiProblem.of(HttpStatus.valueOf(ex.getStatusCode().value()), ex.getReason());
		}
		catch (IllegalStateException ex) {
			return ApiProblem.of(HttpStatus.CONFLICT, Texts.reason(messages, ex, locale));
		}
		return ResponseEntity.ok(Map.of("importId", id, "status", "UNDONE"));
	}

	/**
	 * Estimate and realisation of expenditure and receipts, with execution rates in
	 * percent.
	 */
	public record SummaryResponse(String code, Integer year, Amounts expenditure, Amounts receipts) {
	}

	public record Amounts(BigDecimal estimate, BigDecimal realisation, BigDecimal executionRate) {
	}

	@GetMapping("/api/v1/{slug}/finance/summary")
	@Operation(
			summary = "Raming en realisatie van uitgaven en ontvangsten van een plan-item, opgeteld over zijn onderliggende items")
	SummaryResponse summary(Tenant tenant,
			@Parameter(description = "Boekjaar; alle jaren indien leeg") @RequestParam(
					required = false) @Min(1900) @Max(2200) Integer year,
			@Parameter(description = "Code van het plan-item (BD, AP of AC); het hele plan indien leeg") @RequestParam(
					required = false) @Size(max = 50) String code) {
		FinanceFigures.Summary s = figures.summary(tenant, code == null || code.isBlank() ? null : code, year);
		return new SummaryResponse(s.code(), s.year(),
				new Amounts(s.expenditureEstimate(), s.expenditureRealisation(), s.expenditureExecutionRate()),
				new Amounts(s.receiptsEstimate(), s.receiptsRealisation(), s.receiptsExecutionRate()));
	}

}
