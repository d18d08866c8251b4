package be.obmi.privacy.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import be.obmi.privacy.domain.ActivityView;
import be.obmi.privacy.domain.PublicRegister;
import be.obmi.privacy.importing.RegisterRdf;
import be.obmi.tenancy.Tenant;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public register as JSON (a list with facets, and one activity) and as RDF (Turtle
 * and JSON-LD in OSLO Toestemming and DPV terms): only published, checked activities and
 * only their public fields, built from the same views as the pages. Anyone may read it.
 */
@RestController
class PublicRegisterApiController {

	private final PublicRegister register;

	PublicRegisterApiController(PublicRegister register) {
		this.register = register;
	}

	@GetMapping(path = "/api/v1/{slug}/privacy/publiek", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> list(Tenant tenant, @RequestParam(name = "doelgroep", required = false) String audience,
			@RequestParam(required = false) String q, @RequestParam(name = "dienst", required = false) String service,
			@RequestParam(name = "gegevens", required = false) String data,
			@RequestParam(name = "ontvanger", required = false) String recipient,
			@RequestParam(name = "grond", required = false) String basis) {
		PublicRegister.Result result = register.search(tenant,
				new PublicRegister.Query(audience, q, service, data, recipient, basis));
		Map<String, Object> facets = new LinkedHashMap<>();
		facets.put("audience", result.audiences());
		facets.put("responsibleService", result.services());
		facets.put("dataCategory", result.dataCategories());
		facets.put("recipient", result.recipients());
		facets.put("legalBasis", result.legalBases());
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("tenant", tenant.slug());
		root.put("publicFields", result.mask().publicFields().stream().map(f -> f.code()).toList());
		root.put("count", result.activities().size());
		root.put("activities", result.activities().stream().map(PublicRegisterApiController::json).toList());
		root.put("facets", facets);
		return root;
	}

	@GetMapping(path = "/api/v1/{slug}/privacy/publiek/{publicId}", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> activity(Tenant tenant, @PathVariable String publicId) {
		return json(register.activity(tenant, uuid(publicId)).orElseThrow(PublicRegisterController::notFound));
	}

	@GetMapping("/api/v1/{slug}/privacy/publiek.ttl")
	ResponseEntity<byte[]> turtle(Tenant tenant, HttpServletRequest request) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/turtle;charset=UTF-8"))
			.body(RegisterRdf.turtle(rdf(tenant, request)));
	}

	@GetMapping("/api/v1/{slug}/privacy/publiek.jsonld")
	ResponseEntity<byte[]> jsonLd(Tenant tenant, HttpServletRequest request) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/ld+json"))
			.body(RegisterRdf.jsonLd(rdf(tenant, request)));
	}

	private RegisterRdf.Register rdf(Tenant tenant, HttpServletRequest request) {
		String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		return new RegisterRdf.Register(base, tenant.slug(), tenant.name(), register.all(tenant), Map.of());
	}

	/** A view as JSON: only its shown fields (a private field is absent, not null). */
	static Map<String, Object> json(ActivityView v) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("id", v.publicId().toString());
		node.put("audience", v.audience());
		node.put("validFrom", v.validFrom().toString());
		put(node, "name", v.name());
		put(node, "purpose", v.purpose());
		put(node, "legalBases", v.legalBases());
		put(node, "specialCategoryConditions", v.specialCategoryConditions());
		put(node, "dataSubjects", v.dataSubjects());
		if (v.dataCategories() != null) {
			node.put("dataCategories", v.dataCategories().stream().map(d -> {
				Map<String, Object> category = new LinkedHashMap<>();
				category.put("name", d.name());
				category.put("sensitive", d.sensitive());
				put(category, "retention", d.retention());
				return category;
			}).toList());
		}
		put(node, "recipients", v.recipients());
		if (v.transfers() != null) {
			node.put("transfers", v.transfers().stream().map(t -> {
				Map<String, Object> transfer = new LinkedHashMap<>();
				put(transfer, "country", t.country());
				put(transfer, "safeguard", t.safeguard());
				return transfer;
			}).toList());
		}
		put(node, "retention", v.retention());
		put(node, "securityMeasures", v.securityMeasures());
		put(node, "responsibleService", v.responsibleService());
		put(node, "systems", v.systems());
		put(node, "source", v.source());
		put(node, "controller", v.controller());
		put(node, "dpoContact", v.dpoContact());
		return node;
	}

	private static void put(Map<String, Object> node, String key, Object value) {
		if (value != null) {
			node.put(key, value);
		}
	}

	/** The public id of an activity; one that is no UUID is not found. */
	static UUID uuid(String publicId) {
		try {
			return UUID.fromString(publicId);
		}
		catch (IllegalArgumentException ex) {
			throw PublicRegisterController.notFound();
		}
	}

}
