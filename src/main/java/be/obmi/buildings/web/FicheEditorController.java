package be.obmi.buildings.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import be.obmi.buildings.domain.Fiche;
import be.obmi.buildings.domain.FicheDiff;
import be.obmi.buildings.domain.FicheStatus;
import be.obmi.buildings.domain.FicheVersion;
import be.obmi.buildings.domain.Fiches;
import be.obmi.buildings.importing.FicheImport;
import be.obmi.buildings.importing.FicheJsonLd;
import be.obmi.identity.ObmiUser;
import be.obmi.identity.TenantAccess;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Refusal;
import be.obmi.shared.Texts;
import be.obmi.shared.tabular.ImportRejectedException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Kenniscentrum's working group edits the fiches
 * ({@code /kenniscentrum/schillenboek}): the list with each fiche's status, the import of
 * a fiche's JSON-LD (a bad file answers 422 with its problems and changes nothing), a
 * fiche's edit page (texts, example, visibility; a stale save answers 409), the workflow
 * steps draft → review → published, and the history with the changes of each version.
 */
@Controller
class FicheEditorController {

	static final String LIST = "buildings/fiches-editor";

	static final String EDIT = "buildings/fiche-edit";

	private final TenantAccess access;

	private final Fiches fiches;

	private final FicheImport importer;

	private final FichePages pages;

	private final MessageSource messages;

	FicheEditorController(TenantAccess access, Fiches fiches, FicheImport importer, FichePages pages,
			MessageSource messages) {
		this.access = access;
		this.fiches = fiches;
		this.importer = importer;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping("/kenniscentrum/schillenboek")
	String list(Model model) {
		access.requireKenniscentrum();
		model.addAttribute("fiches", fiches.all());
		return LIST;
	}

	@PostMapping("/kenniscentrum/schillenboek/import")
	String importFile(@RequestParam("file") MultipartFile file, Model model, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		ObmiUser user = access.requireKenniscentrum();
		try {
			FicheImport.Result result = importer.importFile(file.getBytes(), user.getUsername());
			redirect.addFlashAttribute("imported", result.changed() ? "changed" : "unchanged");
			return "redirect:/kenniscentrum/schillenboek/" + result.fiche().code();
		}
		catch (ImportRejectedException rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", rejected.errors());
			model.addAttribute("fiches", fiches.all());
			return LIST;
		}
	}

	@GetMapping("/kenniscentrum/schillenboek/{code}")
	String edit(@PathVariable String code, Model model) {
		access.requireKenniscentrum();
		Fiche fiche = fiches.require(code);
		return editPage(fiche, FicheForm.of(fiche), model);
	}

	private String editPage(Fiche fiche, FicheForm form, Model model) {
		model.addAttribute("fiche", fiche);
		model.addAttribute("form", form);
		model.addAttribute("versions", fiches.versions(fiche.code()));
		model.addAttribute("steps", FicheStatus.values());
		pages.show(model, fiche.latest());
		return EDIT;
	}

	@PostMapping("/kenniscentrum/schillenboek/{code}")
	String save(@PathVariable String code, @Valid @ModelAttribute FicheForm form, Model model,
			HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
		ObmiUser user = access.requireKenniscentrum();
		Fiche fiche = fiches.require(code);
		try {
			fiches.save(form.content(fiche.latest()), form.version() == null ? -1 : form.version(), user.getUsername(),
					null);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/kenniscentrum/schillenboek/" + code;
		}
		catch (ConcurrentChangeException | IllegalArgumentException | IllegalStateException ex) {
			if (!(ex instanceof Refusal)) {
				throw ex;
			}
			response.setStatus(ex instanceof ConcurrentChangeException ? HttpStatus.CONFLICT.value()
					: HttpStatus.BAD_REQUEST.value());
			model.addAttribute("refusal", Texts.reason(messages, ex, locale));
			return editPage(fiches.require(code), form, model);
		}
	}

	@PostMapping("/kenniscentrum/schillenboek/{code}/status")
	String step(@PathVariable String code, @RequestParam FicheStatus status, @RequestParam int version, Model model,
			HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
		ObmiUser user = access.requireKenniscentrum();
		try {
			fiches.step(code, status, version, user.getUsername());
			redirect.addFlashAttribute("stepped", status.name());
			return "redirect:/kenniscentrum/schillenboek/" + code;
		}
		catch (ConcurrentChangeException | IllegalStateException ex) {
			if (!(ex instanceof Refusal)) {
				throw ex;
			}
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", Texts.reason(messages, ex, locale));
			Fiche fiche = fiches.require(code);
			return editPage(fiche, FicheForm.of(fiche), model);
		}
	}

	@GetMapping("/kenniscentrum/schillenboek/{code}/versies/{number}")
	String version(@PathVariable String code, @PathVariable int number, Model model) {
		access.requireKenniscentrum();
		Fiche fiche = fiches.require(code);
		FicheVersion version = fiches.version(code, number);
		FicheVersion previous = number > 1 ? fiches.version(code, number - 1) : null;
		model.addAttribute("fiche", fiche);
		model.addAttribute("version", version);
		model.addAttribute("previous", previous);
		model.addAttribute("changes",
				FicheDiff.between(previous == null ? null : previous.content(), version.content()));
		return "buildings/fiche-version";
	}

	/** The latest version as JSON-LD, also before it is published. */
	@GetMapping("/kenniscentrum/schillenboek/{code}/fiche.jsonld")
	ResponseEntity<byte[]> latest(@PathVariable String code) {
		access.requireKenniscentrum();
		Fiche fiche = fiches.require(code);
		return FicheController.file(code + "-v" + fiche.latestVersion() + ".jsonld", "application/ld+json",
				FicheJsonLd.write(fiche.latest()));
	}

}
