package be.obmi.knowledge.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import be.obmi.knowledge.domain.CaseFiles;
import be.obmi.knowledge.domain.CaseForm;
import be.obmi.knowledge.domain.Collection;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.Field;
import be.obmi.knowledge.domain.FieldValues;
import be.obmi.knowledge.domain.KnowledgeCase;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.knowledge.domain.Themes;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Refusal;
import be.obmi.shared.Texts;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case form shared by the Kenniscentrum's editors and the cities' redacteurs: what it
 * shows, how its parameters become a {@link CaseForm} (a field's inputs are named
 * {@code f.<code>}), and a refused save shown again with what was typed and the reason.
 */
@Component
class CasePages {

	static final String FORM = "knowledge/k1-case-form";

	private final Collections collections;

	private final KnowledgeCases cases;

	private final CaseFiles files;

	private final Themes themes;

	private final MessageSource messages;

	CasePages(Collections collections, KnowledgeCases cases, CaseFiles files, Themes themes, MessageSource messages) {
		this.collections = collections;
		this.cases = cases;
		this.files = files;
		this.themes = themes;
		this.messages = messages;
	}

	/** The form of a new case ({@code existing} null) or of an existing one. */
	String form(Model model, Collection collection, KnowledgeCase existing, MultiValueMap<String, String> input,
			String action, Locale locale) {
		List<Field> fields = collections.fields(collection.id());
		model.addAttribute("collection", collection);
		model.addAttribute("fields", fields);
		model.addAttribute("fileFields", fields.stream().filter(f -> f.type().name().equals("FILE")).toList());
		model.addAttribute("themes", themes.all());
		model.addAttribute("knowledgeCase", existing);
		model.addAttribute("action", action);
		model.addAttribute("input", input != null ? input
				: existing != null ? input(existing, fields, locale) : new LinkedMultiValueMap<>());
		model.addAttribute("relatable",
				cases.ofCollection(collection.id(), true)
					.stream()
					.filter(c -> existing == null || c.id() != existing.id())
					.toList());
		model.addAttribute("files", existing == null ? List.of() : files.of(existing.id()));
		model.addAttribute("maxFileMegabytes", CaseFiles.MAX_BYTES / 1024 / 1024);
		return FORM;
	}

	/** What the form shows for a saved case. */
	static MultiValueMap<String, String> input(KnowledgeCase c, List<Field> fields, Locale locale) {
		MultiValueMap<String, String> input = new LinkedMultiValueMap<>();
		input.add("title", c.title());
		input.add("summary", c.summary());
		input.add("body", c.body());
		input.add("version", String.valueOf(c.version()));
		for (Field field : fields) {
			input.put("f." + field.code(), new ArrayList<>(FieldValues.input(field, c.value(field.code()), locale)));
		}
		if (c.areaLevel() != null) {
			input.add("areaLevel", c.areaLevel());
			input.add("areaCode", c.areaCode());
		}
		if (c.located()) {
			input.add("latitude", BelgianNumber.format(BigDecimal.valueOf(c.latitude()), locale));
			input.add("longitude", BelgianNumber.format(BigDecimal.valueOf(c.longitude()), locale));
		}
		input.put("themes", new ArrayList<>(c.themes()));
		return input;
	}

	/** The form's parameters as a {@link CaseForm}. */
	static CaseForm parse(MultiValueMap<String, String> params) {
		Map<String, List<String>> fields = new HashMap<>();
		params.forEach((name, values) -> {
			if (name.startsWith("f.")) {
				fields.put(name.substring(2), values);
			}
		});
		int version;
		try {
			version = Integer.parseInt(params.getFirst("version") == null ? "0" : params.getFirst("version"));
		}
		catch (NumberFormatException ex) {
			version = -1;
		}
		return new CaseForm(params.getFirst("title"), params.getFirst("summary"), params.getFirst("body"), fields,
				params.getFirst("areaLevel"), params.getFirst("areaCode"), params.getFirst("latitude"),
				params.getFirst("longitude"), params.getOrDefault("themes", List.of()),
				params.getOrDefault("related", List.of()), version);
	}

	/**
	 * Runs a save; on a refusal shows the form again with the reason (400, or 409 for a
	 * concurrent change) and answers null.
	 */
	<T> T attempt(Supplier<T> saving, Model model, Locale locale, HttpServletResponse response) {
		try {
			return saving.get();
		}
		catch (ConcurrentChangeException ex) {
			refused(model, ex, HttpStatus.CONFLICT, locale, response);
		}
		catch (RuntimeException ex) {
			if (!(ex instanceof Refusal)) {
				throw ex;
			}
			refused(model, ex, HttpStatus.BAD_REQUEST, locale, response);
		}
		return null;
	}

	private void refused(Model model, RuntimeException ex, HttpStatus status, Locale locale,
			HttpServletResponse response) {
		response.setStatus(status.value());
		model.addAttribute("refusal", Texts.reason(messages, ex, locale));
	}

	/**
	 * Adds an uploaded photo or PDF to a case and updates its search document, together.
	 */
	@Transactional
	void upload(KnowledgeCase c, String fieldCode, MultipartFile file, String by) {
		String field = fieldCode == null || fieldCode.isBlank() ? null : fieldCode;
		if (field != null) {
			collections.requireField(collections.byId(c.collectionId()).code(), field);
		}
		try {
			files.add(c.id(), field, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes(), by);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		cases.reindex(c);
	}

	static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
