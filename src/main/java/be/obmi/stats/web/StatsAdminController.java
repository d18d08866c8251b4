package be.obmi.stats.web;

import be.obmi.stats.domain.Scope;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Indicators;
import be.obmi.stats.domain.Datasets;
import be.obmi.stats.domain.ImportHistory;
import be.obmi.stats.domain.StatsAccess;
import be.obmi.stats.importing.ObservationImporter;
import be.obmi.stats.importing.CubeObservations;

import jakarta.validation.constraints.Max;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.Texts;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data team's page: upload a file (long or Swing format), see the import history,
 * undo an import, publish tables; the tenant's own indicators to publish and edit
 * ({@link StatsIndicatorAdminController}) and what changed since its last publication.
 */
@Controller
class StatsAdminController {

	private final StatsAccess access;

	private final ObservationImporter importer;

	private final ImportHistory history;

	private final Indicators indicators;

	private final Datasets datasets;

	private final MessageSource messages;

	StatsAdminController(StatsAccess access, ObservationImporter importer, ImportHistory history, Indicators indicators,
			Datasets datasets, MessageSource messages) {
		this.messages = messages;
		this.datasets = datasets;
		this.indicators = indicators;
		this.access = access;
		this.importer = importer;
		this.history = history;
	}

	@GetMapping("/{slug}/cijfers/beheer")
	String page(Tenant tenant, Model model) {
		Scope scope = StatsAccess.of(tenant);
		access.requireWrite(scope);
		fill(scope, model);
		return "stats/admin";
	}

	/**
	 * The page's lists: the import history, every indicator (for the table's select), the
	 * tenant's own indicators to publish and edit, its tables, and what changed since its
	 * last publication.
	 */
	private void fill(Scope scope, Model model) {
		List<Indicator> all = indicators.list(scope, true);
		model.addAttribute("imports", history.list(scope, 50));
		model.addAttribute("indicators", all);
		model.addAttribute("own", all.stream().filter(i -> i.tenantId() != null).toList());
		model.addAttribute("datasets", datasets.list(scope, true));
		model.addAttribute("changed", indicators.changedSincePublication(scope));
	}

	/** Publishes, unpublishes or deletes a dataset of the tenant (with history). */
	@PostMapping("/{slug}/cijfers/beheer/datasets/{id}/{action}")
	String dataset(Tenant tenant, @PathVariable String id, @PathVariable String action,
			@RequestParam(name = "threshold", defaultValue = "5") @Min(0) @Max(100) int threshold,
			RedirectAttributes redirect, Locale locale) {
		Scope scope = StatsAccess.of(tenant);
		access.requireWrite(scope);
		try {
			String done = switch (action) {
				case "publiceren" -> {
					datasets.publish(scope, id, threshold, access.actor());
					yield "published";
				}
				case "depubliceren" -> {
					datasets.unpublish(scope, id);
					yield "unpublished";
				}
				case "verwijderen" -> {
					datasets.delete(scope, id);
					yield "deleted";
				}
				default -> throw new NotFoundException(Reason.of("stats.refused.actionUnknown", action));
			};
			redirect.addFlashAttribute("datasetDone", done);
		}
		catch (IllegalArgumentException | ConcurrentChangeException ex) {
			redirect.addFlashAttribute("datasetError", Texts.reason(messages, ex, locale));
		}
		return "redirect:/" + tenant.slug() + "/cijfers/beheer";
	}

	@PostMapping("/{slug}/cijfers/beheer/import")
	String upload(Tenant tenant, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "createIndicators", defaultValue = "false") boolean createIndicators,
			@RequestParam(name = "indicator", required = false) @Size(max = 100) String indicator,
			@RequestParam(name = "mapping", required = false) MultipartFile mapping, Model model,
			RedirectAttributes redirect) throws IOException {
		Scope scope = StatsAccess.of(tenant);
		access.requireWrite(scope);
		try {
			ObservationImporter.Summary summary = importer.importFile(scope, file.getOriginalFilename(), file,
					createIndicators, access.actor(), new CubeObservations.Request(indicator,
							mapping == null || mapping.isEmpty() ? null : mapping.getBytes(), null, null));
			redirect.addFlashAttribute("summary", summary);
			return "redirect:/" + tenant.slug() + "/cijfers/beheer";
		}
		catch (ImportRejectedException ex) {
			model.addAttribute("errors", ex.errors());
			fill(scope, model);
			model.addAttribute("selectedIndicator", indicator);
			return "stats/admin";
		}
	}

	@PostMapping("/{slug}/cijfers/beheer/import/{id}/ongedaan")
	String undo(Tenant tenant, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		Scope scope = StatsAccess.of(tenant);
		access.requireWrite(scope);
		try {
			history.undo(scope, id, access.actor());
			redirect.addFlashAttribute("undone", id);
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("undoError", Texts.reason(messages, ex, locale));
		}
		return "redirect:/" + tenant.slug() + "/cijfers/beheer";
	}

}
