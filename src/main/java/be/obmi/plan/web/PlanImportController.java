package be.obmi.plan.web;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanVersion;
import be.obmi.plan.domain.Plans;
import be.obmi.plan.domain.StatusRound;
import be.obmi.plan.domain.StatusRounds;
import be.obmi.plan.importing.ImportSummary;
import be.obmi.plan.importing.IndicatorImport;
import be.obmi.plan.importing.PlanExport;
import be.obmi.plan.importing.PlanImport;
import be.obmi.plan.importing.PlanImportUndo;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Texts;
import be.obmi.plan.importing.StatusUpdateImport;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;

/**
 * Importing a plan, a status round's updates or indicators from a file, the export of the
 * plan and its earlier versions, and undoing the latest plan import as a whole.
 */
@Controller
@RequestMapping("/{slug}/plan")
class PlanImportController {

	static final String IMPORT_VIEW = "plan/import";

	private final PlanPages pages;

	private final Plans plans;

	private final StatusRounds rounds;

	private final PlanImport planImport;

	private final StatusUpdateImport statusImport;

	private final IndicatorImport indicatorImport;

	private final PlanExport export;

	private final PlanImportUndo undo;

	private final MessageSource messages;

	PlanImportController(PlanPages pages, Plans plans, StatusRounds rounds, PlanImport planImport,
			StatusUpdateImport statusImport, IndicatorImport indicatorImport, PlanExport export, PlanImportUndo undo,
			MessageSource messages) {
		this.undo = undo;
		this.messages = messages;
		this.pages = pages;
		this.plans = plans;
		this.rounds = rounds;
		this.planImport = planImport;
		this.statusImport = statusImport;
		this.indicatorImport = indicatorImport;
		this.export = export;
	}

	@GetMapping("/import")
	String importPage(Tenant tenant, Model model) {
		pages.requireEditor(tenant);
		model.addAttribute("openRounds",
				plans.current(tenant)
					.map(p -> rounds.rounds(p).stream().filter(StatusRound::open).toList())
					.orElse(List.of()));
		Plan plan = plans.current(tenant).orElse(null);
		List<PlanVersion> versions = plan == null ? List.of() : plans.versions(plan);
		model.addAttribute("versions", versions);
		// only the plan's current version can be undone, when it is an import
		model.addAttribute("undoable",
				versions.stream()
					.filter(v -> v.number() == plan.currentVersion() && v.undoable())
					.map(PlanVersion::number)
					.findFirst()
					.orElse(null));
		return IMPORT_VIEW;
	}

	/**
	 * Undoes a whole plan import (the plan's current version); back to the import page.
	 */
	@PostMapping("/versies/{number}/ongedaan")
	String undo(Tenant tenant, @PathVariable int number, RedirectAttributes redirect, Locale locale) {
		String actor = pages.requireEditor(tenant).getUsername();
		try {
			redirect.addFlashAttribute("undone", undo.undo(tenant, number, actor));
		}
		catch (ConcurrentChangeException | NotFoundException | IllegalStateException ex) {
			redirect.addFlashAttribute("undoError", Texts.reason(messages, ex, locale));
		}
		return "redirect:/" + tenant.slug() + "/plan/import#versies";
	}

	@PostMapping("/import")
	String importFile(Tenant tenant, @RequestParam @Pattern(regexp = "plan|status|indicatoren") String kind,
			@RequestParam(required = false) Long round, @RequestParam("file") MultipartFile file, Model model,
			HttpServletResponse response) {
		String actor = pages.requireEditor(tenant).getUsername();
		model.addAttribute("kind", kind);
		try {
			byte[] content = PlanApiController.bytes(file);
			ImportSummary summary = switch (kind) {
				case "status" -> {
					if (round == null) {
						throw ImportRejectedException.at(1, "", "import.plan.roundRequired");
					}
					yield statusImport.importStatuses(tenant, round, content, actor);
				}
				case "indicatoren" -> indicatorImport.importIndicators(tenant, content);
				default -> planImport.importPlan(tenant, content, actor);
			};
			model.addAttribute("summary", summary);
		}
		catch (ImportRejectedException rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", rejected.errors());
		}
		return importPage(tenant, model);
	}

	@GetMapping("/export")
	ResponseEntity<byte[]> export(Tenant tenant, @RequestParam(defaultValue = "csv") @Size(max = 10) String format) {
		return PlanApiController.exportResponse(tenant, plans.current(tenant).orElse(null), format, export);
	}

	@GetMapping("/versies/{number}")
	ResponseEntity<byte[]> version(Tenant tenant, @PathVariable int number) {
		pages.requireEditor(tenant);
		String csv = plans.snapshot(pages.plan(tenant), number)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] text = csv.getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, body, 0, bom.length);
		System.arraycopy(text, 0, body, bom.length, text.length);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header("Content-Disposition",
					ContentDisposition.attachment()
						.filename("meerjarenplan-" + tenant.slug() + "-versie-" + number + ".csv")
						.build()
						.toString())
			.body(body);
	}

}
