package be.obmi.plan.web;

import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.PlanTree;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.importing.IndicatorImport;
import be.obmi.plan.importing.PlanExport;
import be.obmi.plan.importing.PlanImport;
import be.obmi.plan.importing.PlanImportUndo;
import be.obmi.shared.ApiProblem;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.Texts;
import be.obmi.plan.importing.StatusUpdateImport;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import java.util.function.Supplier;

/**
 * The plan API of a tenant: import and export in the plan file format, and the items with
 * status and progress.
 */
@RestController
@RequestMapping("/api/v1/{slug}/plan")
@Tag(name = "Beleidsopvolging", description = "Meerjarenplan: import, export, items met status en voortgang")
class PlanApiController {

	/** The errors of a rejected file. */
	private final Plans plans;

	private final PlanItems items;

	private final StatusRounds rounds;

	private final PlanImport planImport;

	private final StatusUpdateImport statusImport;

	private final IndicatorImport indicatorImport;

	private final PlanExport export;

	private final TenantAccess access;

	private final PlanImportUndo undo;

	private final MessageSource messages;

	PlanApiController(Plans plans, PlanItems items, StatusRounds rounds, PlanImport planImport,
			StatusUpdateImport statusImport, IndicatorImport indicatorImport, PlanExport export, TenantAccess access,
			PlanImportUndo undo, MessageSource messages) {
		this.undo = undo;
		this.messages = messages;
		this.plans = plans;
		this.items = items;
		this.rounds = rounds;
		this.planImport = planImport;
		this.statusImport = statusImport;
		this.indicatorImport = indicatorImport;
		this.export = export;
		this.access = access;
	}

	@Operation(summary = "Importeer een planbestand (CSV of XLSX)",
			description = "Kolommen code;type;bovenliggende_code;titel;omschrijving;prioritair;beleidsveld;"
					+ "politiek_verantwoordelijke;ambtelijk_verantwoordelijke;startdatum;einddatum. Alles of niets; "
					+ "items worden op code gematcht. Vereist de rol redacteur.")
	@ApiResponse(responseCode = "200",
			description = "Samenvatting: created, updated, unchanged, notInFile, planVersion")
	@ApiResponse(responseCode = "422", description = "Fouten per rij en kolom; er is niets gewijzigd")
	@PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> importPlan(Tenant tenant, @RequestParam("file") MultipartFile file) {
		String actor = access.require(tenant.slug(), Role.REDACTEUR).getUsername();
		return run(() -> planImport.importPlan(tenant, bytes(file), actor));
	}

	@Operation(summary = "Importeer statusupdates in een open ronde",
			description = "Kolommen code;status;voortgang;toelichting;knelpunten. Vereist de rol redacteur.")
	@PostMapping(value = "/rondes/{roundId}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> importStatuses(Tenant tenant, @PathVariable long roundId,
			@RequestParam("file") MultipartFile file) {
		String actor = access.require(tenant.slug(), Role.REDACTEUR).getUsername();
		return run(() -> statusImport.importStatuses(tenant, roundId, bytes(file), actor));
	}

	@Operation(summary = "Importeer indicatoren, streefwaarden en metingen",
			description = "Zie docs/formats/indicator-import.md. Vereist de rol redacteur.")
	@PostMapping(value = "/indicatoren/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> importIndicators(Tenant tenant, @RequestParam("file") MultipartFile file) {
		access.require(tenant.slug(), Role.REDACTEUR);
		return run(() -> indicatorImport.importIndicators(tenant, bytes(file)));
	}

	@Operation(summary = "Maak een hele planimport ongedaan",
			description = "Enkel de huidige versie van het plan, als die een import is. Vereist de rol redacteur.")
	@ApiResponse(responseCode = "200", description = "Samenvatting: restored, archived, deleted, planVersion")
	@ApiResponse(responseCode = "409",
			description = "Kan niet: al ongedaan gemaakt, niet de laatste import, of items zijn sindsdien gewijzigd")
	@PostMapping("/versies/{number}/ongedaan")
	ResponseEntity<?> undoImport(Tenant tenant, @PathVariable int number, Locale locale) {
		String actor = access.require(tenant.slug(), Role.REDACTEUR).getUsername();
		try {
			return ResponseEntity.ok(undo.undo(tenant, number, actor));
		}
		catch (RefusedStateException ex) {
			return ApiProblem.of(HttpStatus.CONFLICT, Texts.reason(messages, ex, locale));
		}
	}

	@Operation(summary = "De items van het huidige plan, met laatste status en voortgang (opgerold)")
	@GetMapping("/items")
	List<ItemJson> items(Tenant tenant) {
		Plan plan = plans.current(tenant).orElse(null);
		if (plan == null) {
			return List.of();
		}
		List<PlanItem> all = items.all(plan);
		Map<Long, String> codes = new HashMap<>();
		all.forEach(i -> codes.put(i.id(), i.code()));
		PlanTree tree = new PlanTree(all, rounds.latest(plan, false), rounds.latest(plan, true));
		return tree.flatten()
			.stream()
			.map(node -> ItemJson.of(node, node.item().parentId() == null ? null : codes.get(node.item().parentId())))
			.toList();
	}

	@Operation(summary = "Exporteer het huidige plan in het importformaat")
	@GetMapping("/export")
	ResponseEntity<byte[]> export(Tenant tenant,
			@Parameter(description = "csv of xlsx") @RequestParam(defaultValue = "csv") @Size(max = 20) String format) {
		return exportResponse(tenant, plans.current(tenant).orElse(null), format, export);
	}

	static ResponseEntity<byte[]> exportResponse(Tenant tenant, Plan plan, String format, PlanExport export) {
		boolean xlsx = "xlsx".equalsIgnoreCase(format);
		if (!xlsx && !"csv".equalsIgnoreCase(format)) {
			return ResponseEntity.badRequest().build();
		}
		byte[] body = xlsx ? export.xlsx(plan) : export.csv(plan);
		String name = "meerjarenplan-" + tenant.slug() + (xlsx ? ".xlsx" : ".csv");
		return ResponseEntity.ok()
			.contentType(
					xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
							: MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	private static ResponseEntity<?> run(Supplier<Object> work) {
		return ResponseEntity.ok(work.get());
	}

	static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
