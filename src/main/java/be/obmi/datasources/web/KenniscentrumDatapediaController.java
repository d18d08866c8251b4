package be.obmi.datasources.web;

import java.io.IOException;
import java.util.Locale;

import be.obmi.datasources.domain.DataRequests;
import be.obmi.datasources.domain.Source;
import be.obmi.datasources.domain.SourceForm;
import be.obmi.datasources.domain.Sources;
import be.obmi.datasources.importing.DeliveredFileImport;
import be.obmi.identity.TenantAccess;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Kenniscentrum's Datapedia pages ({@code /kenniscentrum/datapedia}): the platform's
 * sources, the joint data requests with their steps (send, answer, deliver, refuse) and
 * the import of a delivered file for every city that joined.
 */
@Controller
@RequestMapping("/kenniscentrum/datapedia")
class KenniscentrumDatapediaController {

	private static final String BASE = "/kenniscentrum/datapedia";

	private final Sources sources;

	private final DataRequests requests;

	private final DeliveredFileImport delivered;

	private final TenantAccess access;

	private final Viewers viewers;

	private final RequestPage page;

	KenniscentrumDatapediaController(Sources sources, DataRequests requests, DeliveredFileImport delivered,
			TenantAccess access, Viewers viewers, RequestPage page) {
		this.sources = sources;
		this.requests = requests;
		this.delivered = delivered;
		this.access = access;
		this.viewers = viewers;
		this.page = page;
	}

	@GetMapping
	String overview(Model model) {
		access.requireKenniscentrum();
		model.addAttribute("sources", sources.visible(viewers.current(), new Sources.Filter(null, null, "platform")));
		model.addAttribute("requests", requests.all());
		model.addAttribute("names", page.names());
		return "datasources/kenniscentrum";
	}

	@GetMapping("/bronnen/nieuw")
	String newSource(Model model) {
		access.requireKenniscentrum();
		return sourceForm(null, SourceForm.empty(), model);
	}

	@PostMapping("/bronnen/nieuw")
	String createSource(SourceForm form, RedirectAttributes redirect, Locale locale) {
		access.requireKenniscentrum();
		return page.step(() -> "/datapedia/bronnen/" + sources.create(null, form, false, viewers.actor()).id(),
				"datasources.done.saved", BASE + "/bronnen/nieuw", redirect, locale);
	}

	@GetMapping("/bronnen/{id}/bewerken")
	String editSource(@PathVariable long id, Model model) {
		access.requireKenniscentrum();
		Source source = platform(id);
		return sourceForm(source, SourceForm.of(source, sources.indicators(id)), model);
	}

	@PostMapping("/bronnen/{id}")
	String updateSource(@PathVariable long id, SourceForm form, @RequestParam int version, RedirectAttributes redirect,
			Locale locale) {
		access.requireKenniscentrum();
		return page.step(
				() -> "/datapedia/bronnen/" + sources.update(platform(id), form, version, viewers.actor()).id(),
				"datasources.done.saved", BASE + "/bronnen/" + id + "/bewerken", redirect, locale);
	}

	@GetMapping("/aanvragen/{id}")
	String request(@PathVariable long id, Model model) {
		access.requireKenniscentrum();
		model.addAttribute("member", false);
		model.addAttribute("base", BASE + "/aanvragen/" + id);
		model.addAttribute("kenniscentrum", true);
		model.addAttribute("editor", false);
		return page.show(requests.require(id), model);
	}

	@PostMapping("/aanvragen/{id}/stap")
	String step(@PathVariable long id, @RequestParam String naar, @RequestParam(required = false) Integer versie,
			@RequestParam(defaultValue = "") String antwoord, RedirectAttributes redirect, Locale locale) {
		access.requireKenniscentrum();
		return page.step(() -> {
			requests.move(id, naar, versie, antwoord, viewers.actor());
			return null;
		}, "datasources.done.moved", BASE + "/aanvragen/" + id, redirect, locale);
	}

	@PostMapping("/aanvragen/{id}/opmerkingen")
	String comment(@PathVariable long id, @RequestParam(defaultValue = "") String body, RedirectAttributes redirect,
			Locale locale) {
		access.requireKenniscentrum();
		return page.step(() -> {
			requests.comment(id, null, body, viewers.actor());
			return null;
		}, "datasources.done.commented", BASE + "/aanvragen/" + id, redirect, locale);
	}

	@PostMapping("/aanvragen/{id}/import")
	String importFile(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect,
			Locale locale) throws IOException {
		access.requireKenniscentrum();
		byte[] bytes = file.getBytes();
		String name = file.getOriginalFilename() == null ? "levering.csv" : file.getOriginalFilename();
		return page.step(() -> {
			DeliveredFileImport.Result result = delivered.importFile(id, name, bytes, viewers.actor());
			redirect.addFlashAttribute("imported", result);
			return null;
		}, "datasources.done.imported", BASE + "/aanvragen/" + id, redirect, locale);
	}

	private String sourceForm(Source source, SourceForm form, Model model) {
		model.addAttribute("source", source);
		model.addAttribute("form", form);
		model.addAttribute("action", source == null ? BASE + "/bronnen/nieuw" : BASE + "/bronnen/" + source.id());
		return "datasources/source-form";
	}

	private Source platform(long id) {
		return sources.find(id)
			.filter(Source::platform)
			.orElseThrow(() -> new NotFoundException(Reason.of("datasources.refused.unknownSource")));
	}

}
