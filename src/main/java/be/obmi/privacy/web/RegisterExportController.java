package be.obmi.privacy.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import be.obmi.privacy.domain.ActivityView;
import be.obmi.privacy.domain.FieldMask;
import be.obmi.privacy.domain.RegisterActivity;
import be.obmi.privacy.domain.RegisterReading;
import be.obmi.privacy.importing.RegisterApiJson;
import be.obmi.privacy.importing.RegisterDocuments;
import be.obmi.privacy.importing.RegisterRdf;
import be.obmi.privacy.importing.RegisterSpreadsheets;
import be.obmi.tenancy.Tenant;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The staff exports of the whole register with everything linked
 * ({@code /{slug}/privacy/export/**}, for every user of the tenant): XLSX and CSV, DOCX
 * and PDF for the DPA or an audit, Turtle and JSON-LD in OSLO Toestemming + DPV terms,
 * and JSON in the shape of the draft Processing Activities Register API. Formats:
 * docs/formats/privacy-register.md.
 */
@Controller
class RegisterExportController {

	static final String VIEW = "privacy/register-export";

	private final RegisterSpreadsheets spreadsheets;

	private final RegisterDocuments documents;

	private final RegisterApiJson apiJson;

	private final RegisterReading reading;

	RegisterExportController(RegisterSpreadsheets spreadsheets, RegisterDocuments documents, RegisterApiJson apiJson,
			RegisterReading reading) {
		this.spreadsheets = spreadsheets;
		this.documents = documents;
		this.apiJson = apiJson;
		this.reading = reading;
	}

	@GetMapping("/{slug}/privacy/export")
	String page(Tenant tenant) {
		return VIEW;
	}

	@GetMapping("/{slug}/privacy/export/register.xlsx")
	ResponseEntity<byte[]> xlsx(Tenant tenant) {
		return file(tenant, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				spreadsheets.xlsx(tenant));
	}

	@GetMapping("/{slug}/privacy/export/register.csv")
	ResponseEntity<byte[]> csv(Tenant tenant) {
		return file(tenant, "csv", "text/csv;charset=UTF-8", spreadsheets.csv(tenant));
	}

	@GetMapping("/{slug}/privacy/export/register.docx")
	ResponseEntity<byte[]> docx(Tenant tenant, Locale locale) {
		return file(tenant, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				documents.docx(tenant, locale));
	}

	@GetMapping("/{slug}/privacy/export/register.pdf")
	ResponseEntity<byte[]> pdf(Tenant tenant, Locale locale) {
		return file(tenant, "pdf", MediaType.APPLICATION_PDF_VALUE, documents.pdf(tenant, locale));
	}

	@GetMapping("/{slug}/privacy/export/register.ttl")
	ResponseEntity<byte[]> turtle(Tenant tenant, HttpServletRequest request) {
		return file(tenant, "ttl", "text/turtle;charset=UTF-8", RegisterRdf.turtle(rdf(tenant, request)));
	}

	@GetMapping("/{slug}/privacy/export/register.jsonld")
	ResponseEntity<byte[]> jsonLd(Tenant tenant, HttpServletRequest request) {
		return file(tenant, "jsonld", "application/ld+json", RegisterRdf.jsonLd(rdf(tenant, request)));
	}

	@GetMapping("/{slug}/privacy/export/register-par.json")
	ResponseEntity<byte[]> processingActivitiesRegisterApi(Tenant tenant) {
		return file(tenant, "par.json", MediaType.APPLICATION_JSON_VALUE, apiJson.render(tenant));
	}

	/** The whole register, every field, as RDF. */
	private RegisterRdf.Register rdf(Tenant tenant, HttpServletRequest request) {
		var activities = reading.all(tenant);
		Map<UUID, String> acting = activities.stream()
			.filter(a -> a.organisationName() != null)
			.collect(Collectors.toMap(RegisterActivity::publicId, RegisterActivity::organisationName));
		String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		return new RegisterRdf.Register(base, tenant.slug(), tenant.name(),
				activities.stream().map(a -> ActivityView.of(a, FieldMask.ALL)).toList(), acting);
	}

	private static ResponseEntity<byte[]> file(Tenant tenant, String extension, String type, byte[] body) {
		String name = "verwerkingsregister-" + tenant.slug() + "." + extension;
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
