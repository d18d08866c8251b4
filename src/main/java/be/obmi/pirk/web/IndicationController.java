package be.obmi.pirk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import be.obmi.pirk.importing.IndicationImport;
import be.obmi.pirk.screening.IndicationForm;
import be.obmi.pirk.screening.IndicationKind;
import be.obmi.pirk.screening.Indications;
import be.obmi.pirk.screening.RuleEvaluation;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.tenancy.Tenant;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Indications of vacancy: the latest ones recorded, a form to enter one, the import of a
 * file (docs/formats/pirk-indications.md) with its history and an example file.
 */
@Controller
class IndicationController {

	static final String VIEW = "pirk/screening-indications";

	static final String EXAMPLE = """
			object_id;gebouweenheid_id;gebouw_id;adres_id;capakey;soort;van;tot;waarde;bron;opmerking
			;;;;12025A0123/00B000;GEEN_INWONER;01/01/2025;01/03/2026;14;bevolkingsregister;
			;;;;12025A0123/00B000;WATER;01/01/2025;31/12/2025;3,5;watermaatschappij;
			""";

	private final Indications indications;

	private final IndicationImport imports;

	private final RuleEvaluation evaluation;

	private final ScreeningPages pages;

	IndicationController(Indications indications, IndicationImport imports, RuleEvaluation evaluation,
			ScreeningPages pages) {
		this.indications = indications;
		this.imports = imports;
		this.evaluation = evaluation;
		this.pages = pages;
	}

	@GetMapping("/{slug}/pirk/indicaties")
	String page(Tenant tenant, @RequestParam(name = "object", required = false) Long objectId, Model model) {
		return page(tenant, IndicationForm.empty(objectId), null, model);
	}

	private String page(Tenant tenant, IndicationForm form, BindingResult errors, Model model) {
		model.addAttribute("indications", indications.recent(tenant, 100));
		model.addAttribute("history", imports.history(tenant, 20));
		model.addAttribute("kinds", IndicationKind.values());
		model.addAttribute("canEdit", pages.canEdit(tenant));
		pages.bind(model, "form", form, IndicationForm.empty(null), errors);
		return VIEW;
	}

	@PostMapping("/{slug}/pirk/indicaties")
	String enter(Tenant tenant, @Valid @ModelAttribute("form") IndicationForm form, BindingResult errors, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		String actor = pages.requireEditor(tenant);
		return pages.save(errors, model, locale, response, () -> {
			Indications.Outcome outcome = indications.enter(tenant, form.draft(), actor);
			redirect.addFlashAttribute("entered", outcome.name());
			if (outcome != Indications.Outcome.UNCHANGED) {
				evaluation.evaluate(tenant, form.draft().realEstateId());
			}
			return "/" + tenant.slug() + "/pirk/indicaties";
		}, () -> page(tenant, form, errors, model));
	}

	@PostMapping("/{slug}/pirk/indicaties/import")
	String upload(Tenant tenant, @RequestParam MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		String actor = pages.requireEditor(tenant);
		try {
			redirect.addFlashAttribute("summary",
					imports.importFile(tenant, name(file), file.getBytes(), actor, false));
			return "redirect:/" + tenant.slug() + "/pirk/indicaties";
		}
		catch (ImportRejectedException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", ex.errors());
			return page(tenant, IndicationForm.empty(null), null, model);
		}
	}

	@GetMapping("/{slug}/pirk/indicaties/voorbeeld.csv")
	ResponseEntity<byte[]> example(Tenant tenant) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pirk-indicaties-voorbeeld.csv\"")
			.body(EXAMPLE.getBytes(StandardCharsets.UTF_8));
	}

	static String name(MultipartFile file) {
		String name = file.getOriginalFilename();
		return name == null || name.isBlank() ? "upload" : name.strip();
	}

}
