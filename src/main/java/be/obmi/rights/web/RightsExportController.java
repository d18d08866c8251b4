package be.obmi.rights.web;

import jakarta.servlet.http.HttpServletRequest;

import be.obmi.rights.export.CatalogueExport;
import be.obmi.tenancy.Tenant;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The city's published rights as open linked data (JSON-LD in CPSV-AP terms) for anyone,
 * as a page link and an API route, and the SHACL shape the export keeps to.
 */
@RestController
class RightsExportController {

	static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

	private final CatalogueExport export;

	RightsExportController(CatalogueExport export) {
		this.export = export;
	}

	@GetMapping({ "/{slug}/rechtenverkenner/catalogus.jsonld", "/api/v1/{slug}/rechten/catalogus.jsonld" })
	ResponseEntity<byte[]> catalogue(Tenant tenant, HttpServletRequest request) {
		String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		return ResponseEntity.ok().contentType(JSON_LD).body(export.jsonLd(tenant, base));
	}

	@GetMapping("/rechtenverkenner/catalogus-shape.ttl")
	ResponseEntity<byte[]> shape() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/turtle;charset=UTF-8"))
			.body(CatalogueExport.shape());
	}

}
