package be.obmi.buildings.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import be.obmi.buildings.domain.Fiche;
import be.obmi.buildings.domain.FicheModels;
import be.obmi.buildings.domain.Fiches;
import be.obmi.buildings.importing.FicheCsv;
import be.obmi.buildings.importing.FicheJsonLd;
import be.obmi.shared.PdfDocuments;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Schillenboek for readers ({@code /schillenboek}): the list of published fiches the
 * reader may see, a fiche's page with its data model drawn as a class diagram, and its
 * downloads — PDF, JSON-LD, the generated SHACL shape (Turtle), JSON-LD context, Mermaid
 * text and the CSV of the element mappings. Members-only fiches answer 404 to anonymous
 * visitors in every format.
 */
@Controller
class FicheController {

	private final Fiches fiches;

	private final FicheModels models;

	private final FichePages pages;

	private final PdfDocuments pdfs;

	FicheController(Fiches fiches, FicheModels models, FichePages pages, PdfDocuments pdfs) {
		this.fiches = fiches;
		this.models = models;
		this.pages = pages;
		this.pdfs = pdfs;
	}

	@GetMapping("/schillenboek")
	String list(Model model) {
		model.addAttribute("fiches", fiches.readable(pages.member()));
		model.addAttribute("member", pages.member());
		return "buildings/fiches";
	}

	@GetMapping("/schillenboek/fiches/{code}")
	String fiche(@PathVariable String code, Model model) {
		Fiche fiche = pages.readable(code);
		model.addAttribute("fiche", fiche);
		pages.show(model, fiche.published());
		return "buildings/fiche";
	}

	@GetMapping("/schillenboek/fiches/{code}/fiche.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code, Locale locale) {
		Fiche fiche = pages.readable(code);
		return file(code + ".pdf", MediaType.APPLICATION_PDF_VALUE,
				pdfs.render("buildings/fiche-pdf", locale, pages.pdf(fiche)));
	}

	@GetMapping("/schillenboek/fiches/{code}/fiche.jsonld")
	ResponseEntity<byte[]> jsonLd(@PathVariable String code) {
		return file(code + ".jsonld", "application/ld+json", FicheJsonLd.write(pages.readable(code).published()));
	}

	@GetMapping("/schillenboek/fiches/{code}/model.ttl")
	ResponseEntity<byte[]> shape(@PathVariable String code) {
		return file(code + "-shape.ttl", "text/turtle;charset=UTF-8",
				models.shapeTurtle(pages.readable(code).published()));
	}

	@GetMapping("/schillenboek/fiches/{code}/context.jsonld")
	ResponseEntity<byte[]> context(@PathVariable String code) {
		return file(code + "-context.jsonld", "application/ld+json",
				models.contextDocument(pages.readable(code).published()));
	}

	@GetMapping("/schillenboek/fiches/{code}/model.mmd")
	ResponseEntity<byte[]> mermaid(@PathVariable String code) {
		return file(code + ".mmd", "text/plain;charset=UTF-8",
				models.mermaid(pages.readable(code).published()).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/schillenboek/fiches/{code}/elementen.csv")
	ResponseEntity<byte[]> csv(@PathVariable String code) {
		return file(code + "-elementen.csv", "text/csv;charset=UTF-8",
				FicheCsv.elements(pages.readable(code).published()));
	}

	/** The context of the fiche format (docs/formats/schillenboek-fiche.md). */
	@GetMapping("/schillenboek/fiche-context.jsonld")
	ResponseEntity<byte[]> ficheContext() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/ld+json"))
			.body(FicheJsonLd.contextDocument());
	}

	static ResponseEntity<byte[]> file(String name, String type, byte[] body) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
