package be.obmi.knowledge.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.identity.Role;
import be.obmi.identity.TenantAccess;
import be.obmi.knowledge.domain.CaseFile;
import be.obmi.knowledge.domain.CaseFiles;
import be.obmi.knowledge.domain.Collection;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.Field;
import be.obmi.knowledge.domain.FieldType;
import be.obmi.knowledge.domain.FieldValues;
import be.obmi.knowledge.domain.KnowledgeCase;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.knowledge.domain.Themes;
import be.obmi.shared.tabular.SpreadsheetText;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public page of a case, its files, and each collection's published cases as a
 * dataset (CSV with a column per template field, and JSON). A case that is not published
 * is shown only to the Kenniscentrum's editors and its city's members; to anyone else it
 * does not exist (404).
 */
@Controller
class KnowledgeCaseController {

	private static final String UUID_PATTERN = "{publicId}";

	private final Collections collections;

	private final KnowledgeCases cases;

	private final CaseFiles files;

	private final Themes themes;

	private final Tenants tenants;

	private final TenantAccess access;

	private final JsonMapper json;

	KnowledgeCaseController(Collections collections, KnowledgeCases cases, CaseFiles files, Themes themes,
			Tenants tenants, TenantAccess access, JsonMapper json) {
		this.collections = collections;
		this.cases = cases;
		this.files = files;
		this.themes = themes;
		this.tenants = tenants;
		this.access = access;
		this.json = json;
	}

	/** A field with its value as the reader reads it. */
	record Shown(Field field, String text, List<CaseFile> files) {
	}

	@GetMapping("/kennis/collecties/{code}/" + UUID_PATTERN)
	String show(@PathVariable String code, @PathVariable String publicId, Model model, Locale locale) {
		Collection collection = collections.require(code);
		KnowledgeCase c = visible(collection, publicId);
		List<CaseFile> all = files.of(c.id());
		List<Shown> shown = new ArrayList<>();
		for (Field field : collections.fields(collection.id())) {
			List<CaseFile> own = all.stream().filter(f -> field.code().equals(f.fieldCode())).toList();
			String text = FieldValues.text(field, c.value(field.code()), locale);
			if (!text.isEmpty() || !own.isEmpty()) {
				shown.add(new Shown(field, text, own));
			}
		}
		model.addAttribute("collection", collection);
		model.addAttribute("knowledgeCase", c);
		model.addAttribute("shown", shown);
		model.addAttribute("photos", all.stream().filter(f -> f.fieldCode() == null && f.photo()).toList());
		model.addAttribute("documents", all.stream().filter(f -> f.fieldCode() == null && !f.photo()).toList());
		model.addAttribute("related", cases.related(c.id(), !editor(c)));
		model.addAttribute("codes",
				collections.all().stream().collect(Collectors.toMap(Collection::id, Collection::code)));
		model.addAttribute("themeLabels",
				themes.all().stream().filter(t -> c.themes().contains(t.code())).map(t -> t.label(locale)).toList());
		model.addAttribute("city", city(c).map(Tenant::name).orElse(null));
		return "knowledge/k1-case";
	}

	@GetMapping("/kennis/collecties/{code}/" + UUID_PATTERN + "/bestanden/{fileId}")
	ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable String publicId,
			@PathVariable String fileId) {
		KnowledgeCase c = visible(collections.require(code), publicId);
		CaseFiles.Content content = files.content(c.id(), CasePages.uuid(fileId))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		CaseFile file = content.file();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.builder(file.photo() ? "inline" : "attachment")
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content.bytes());
	}

	@GetMapping("/kennis/collecties/{code}/dataset.csv")
	void csv(@PathVariable String code, HttpServletResponse response) throws IOException {
		Collection collection = collections.require(code);
		List<Field> fields = dataFields(collection);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + ".csv\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		try (CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(writer)) {
			List<String> header = new ArrayList<>(
					List.of("id", "titel", "samenvatting", "stad", "thema", "lat", "lon", "url"));
			fields.forEach(f -> header.add(f.code()));
			csv.writeRecord(header);
			for (Map<String, Object> row : rows(collection, fields)) {
				csv.writeRecord(row.values().stream().map(v -> SpreadsheetText.neutralised(text(v))).toList());
			}
		}
	}

	@GetMapping(path = "/kennis/collecties/{code}/dataset.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> json(@PathVariable String code) {
		Collection collection = collections.require(code);
		List<Field> fields = dataFields(collection);
		Map<String, Object> dataset = new LinkedHashMap<>();
		dataset.put("collection", code);
		dataset.put("title", Map.of("nl", collection.nameNl(), "en", collection.nameEn()));
		dataset.put("fields",
				fields.stream()
					.map(f -> Map.of("code", f.code(), "type", f.type().name(), "nl", f.labelNl(), "en", f.labelEn()))
					.toList());
		dataset.put("cases", rows(collection, fields));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + code + ".json\"")
			.body(json.writeValueAsString(dataset));
	}

	private List<Field> dataFields(Collection collection) {
		return collections.fields(collection.id()).stream().filter(f -> f.type() != FieldType.FILE).toList();
	}

	/**
	 * The published cases as rows: fixed columns, then a value per template field (as
	 * stored).
	 */
	private List<Map<String, Object>> rows(Collection collection, List<Field> fields) {
		Map<Long, String> slugs = new LinkedHashMap<>();
		tenants.all().forEach(t -> slugs.put(t.id(), t.slug()));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (KnowledgeCase c : cases.ofCollection(collection.id(), true)) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", c.publicId().toString());
			row.put("titel", c.title());
			row.put("samenvatting", c.summary());
			row.put("stad", c.tenantId() == null ? null : slugs.get(c.tenantId()));
			row.put("thema", String.join(",", c.themes()));
			row.put("lat", c.latitude());
			row.put("lon", c.longitude());
			row.put("url", "/kennis/collecties/" + collection.code() + "/" + c.publicId());
			fields.forEach(f -> row.put(f.code(), c.value(f.code())));
			rows.add(row);
		}
		return rows;
	}

	private static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof List<?> list) {
			return String.join(",", list.stream().map(String::valueOf).toList());
		}
		return value.toString();
	}

	private KnowledgeCase visible(Collection collection, String publicId) {
		return cases.byPublicId(CasePages.uuid(publicId))
			.filter(c -> c.collectionId() == collection.id())
			.filter(c -> c.published() || editor(c))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Whether the current user may see the case before it is published. */
	private boolean editor(KnowledgeCase c) {
		return access.kenniscentrum() || city(c).map(t -> access.has(t.slug(), Role.LEZER)).orElse(false);
	}

	private Optional<Tenant> city(KnowledgeCase c) {
		return c.tenantId() == null ? Optional.empty() : tenants.byId(c.tenantId());
	}

}
