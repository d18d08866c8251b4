package be.obmi.pirk.web;

import java.io.IOException;

import be.obmi.pirk.importing.IndicationImport;
import be.obmi.tenancy.Tenant;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import of indications for API clients: a file in, the summary as JSON (422 with
 * every error as {@code application/problem+json} when refused).
 */
@RestController
class IndicationApiController {

	private final IndicationImport imports;

	private final ScreeningPages pages;

	IndicationApiController(IndicationImport imports, ScreeningPages pages) {
		this.imports = imports;
		this.pages = pages;
	}

	@PostMapping("/api/v1/{slug}/pirk/indicaties")
	IndicationImport.Summary upload(Tenant tenant, @RequestParam MultipartFile file) throws IOException {
		String actor = pages.requireEditor(tenant);
		return imports.importFile(tenant, IndicationController.name(file), file.getBytes(), actor, false);
	}

}
