package be.obmi.knowledge.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collections and their field templates. A field is a row: adding, editing, moving or
 * removing one takes effect at once in the forms, the case pages and the datasets, which
 * read the template at every request (nothing is cached).
 */
@Service
public class Collections {

	private static final Pattern FIELD_CODE = Pattern.compile("[a-z0-9][a-z0-9_]{0,59}");

	private static final TypeReference<List<Choice>> CHOICES = new TypeReference<>() {
	};

	private static final String FIELDS = """
			select id, collection_id, code, label_nl, label_en, type, choices, required, facet, position
			from knowledge.field""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditTrail audit;

	Collections(JdbcClient jdbc, JsonMapper json, AuditTrail audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
	}

	/** Every collection, in their order. */
	@Transactional(readOnly = true)
	public List<Collection> all() {
		return jdbc.sql("select * from knowledge.collection order by position, name_nl").query(Collection.class).list();
	}

	@Transactional(readOnly = true)
	public Optional<Collection> byCode(String code) {
		return jdbc.sql("select * from knowledge.collection where code = ?")
			.param(code)
			.query(Collection.class)
			.optional();
	}

	/** The collection of a case. */
	@Transactional(readOnly = true)
	public Collection byId(long id) {
		return jdbc.sql("select * from knowledge.collection where id = ?").param(id).query(Collection.class).single();
	}

	/**
	 * @throws NotFoundException when there is no such collection
	 */
	public Collection require(String code) {
		return byCode(code).orElseThrow(() -> new NotFoundException(Reason.of("knowledge.refused.collectionUnknown")));
	}

	/** The template of a collection, in its order. */
	@Transactional(readOnly = true)
	public List<Field> fields(long collectionId) {
		return jdbc.sql(FIELDS + " where collection_id = ? order by position, id")
			.param(collectionId)
			.query(this::field)
			.list();
	}

	/**
	 * Adds a field at the end of a collection's template.
	 * @throws RefusedValueException for a bad code, label, type or list of choices, or a
	 * code the template has already
	 */
	@Transactional
	public Field addField(String collectionCode, FieldForm form) {
		Collection collection = require(collectionCode);
		String code = form.code() == null ? "" : form.code().trim();
		if (!FIELD_CODE.matcher(code).matches()) {
			throw new RefusedValueException(Reason.of("knowledge.refused.fieldCode", code));
		}
		FieldType type = type(form.type());
		List<Choice> choices = checked(form, type);
		boolean taken = fields(collection.id()).stream().anyMatch(f -> f.code().equals(code));
		if (taken) {
			throw new RefusedValueException(Reason.of("knowledge.refused.fieldCodeTaken", code));
		}
		insert(collection.id(), code, form, type, choices);
		audit.created(null, "knowledge-field", collectionCode + "/" + code, form.labelNl().trim(),
				List.of(FieldChange.added("type", type), FieldChange.added("required", form.required()),
						FieldChange.added("facet", form.facet())));
		return field(collection.id(), code).orElseThrow();
	}

	/**
	 * Adds a collection when there is none with its code (reference data); returns its id
	 * either way.
	 */
	@Transactional
	public long ensureCollection(Collection collection) {
		jdbc.sql("""
				insert into knowledge.collection (code, name_nl, name_en, description_nl, description_en,
				    cities_contribute, position)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing""")
			.params(collection.code(), collection.nameNl(), collection.nameEn(), collection.descriptionNl(),
					collection.descriptionEn(), collection.citiesContribute(), collection.position())
			.update();
		return require(collection.code()).id();
	}

	/**
	 * Adds a field when the template has none with its code (reference data); changes
	 * nothing otherwise.
	 */
	@Transactional
	public void ensureField(long collectionId, FieldForm form) {
		FieldType type = type(form.type());
		insert(collectionId, form.code(), form, type, checked(form, type));
	}

	private void insert(long collectionId, String code, FieldForm form, FieldType type, List<Choice> choices) {
		jdbc.sql(
				"""
						insert into knowledge.field (collection_id, code, label_nl, label_en, type, choices, required, facet, position)
						values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?,
						        (select coalesce(max(position), 0) + 1 from knowledge.field where collection_id = ?))
						on conflict (collection_id, code) do nothing""")
			.params(collectionId, code, form.labelNl().trim(), blankTo(form.labelEn(), form.labelNl()).trim(),
					type.name(), json.writeValueAsString(choices), form.required(), form.facet(), collectionId)
			.update();
	}

	/**
	 * Changes a field's labels, choices, required and facet flags; its code and type
	 * stay.
	 * @throws RefusedValueException as {@link #addField}
	 */
	@Transactional
	public Field updateField(String collectionCode, String fieldCode, FieldForm form) {
		Field before = requireField(collectionCode, fieldCode);
		List<Choice> choices = checked(form, before.type());
		jdbc.sql(
				"""
						update knowledge.field set label_nl = ?, label_en = ?, choices = cast(? as jsonb), required = ?, facet = ?
						where id = ?""")
			.params(form.labelNl().trim(), blankTo(form.labelEn(), form.labelNl()).trim(),
					json.writeValueAsString(choices), form.required(), form.facet(), before.id())
			.update();
		Field after = requireField(collectionCode, fieldCode);
		audit.updated(null, "knowledge-field", collectionCode + "/" + fieldCode, after.labelNl(),
				List.of(FieldChange.between("label_nl", before.labelNl(), after.labelNl()),
						FieldChange.between("required", before.required(), after.required()),
						FieldChange.between("facet", before.facet(), after.facet()),
						FieldChange.between("choices", before.choicesText(), after.choicesText())));
		return after;
	}

	/** Moves a field one place up ({@code -1}) or down ({@code +1}) in the template. */
	@Transactional
	public void moveField(String collectionCode, String fieldCode, int direction) {
		Field field = requireField(collectionCode, fieldCode);
		List<Field> fields = new ArrayList<>(fields(field.collectionId()));
		int at = fields.indexOf(field);
		int to = at + Integer.signum(direction);
		if (to < 0 || to >= fields.size()) {
			return;
		}
		fields.set(at, fields.get(to));
		fields.set(to, field);
		for (int i = 0; i < fields.size(); i++) {
			jdbc.sql("update knowledge.field set position = ? where id = ?").params(i + 1, fields.get(i).id()).update();
		}
	}

	/**
	 * Removes a field from the template; the values cases keep for it are no longer shown
	 * or exported.
	 */
	@Transactional
	public void removeField(String collectionCode, String fieldCode) {
		Field field = requireField(collectionCode, fieldCode);
		jdbc.sql("delete from knowledge.field where id = ?").param(field.id()).update();
		audit.deleted(null, "knowledge-field", collectionCode + "/" + fieldCode, field.labelNl(),
				List.of(FieldChange.removed("type", field.type())));
	}

	/**
	 * @throws NotFoundException when the collection has no such field
	 */
	public Field requireField(String collectionCode, String fieldCode) {
		return field(require(collectionCode).id(), fieldCode)
			.orElseThrow(() -> new NotFoundException(Reason.of("knowledge.refused.fieldUnknown", fieldCode)));
	}

	private Optional<Field> field(long collectionId, String code) {
		return jdbc.sql(FIELDS + " where collection_id = ? and code = ?")
			.params(collectionId, code)
			.query(this::field)
			.optional();
	}

	private static FieldType type(String name) {
		try {
			return FieldType.valueOf(name == null ? "" : name.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new RefusedValueException(Reason.of("knowledge.refused.fieldType", String.valueOf(name)));
		}
	}

	private static List<Choice> checked(FieldForm form, FieldType type) {
		if (form.labelNl() == null || form.labelNl().isBlank() || form.labelNl().length() > 200
				|| (form.labelEn() != null && form.labelEn().length() > 200)) {
			throw new RefusedValueException(Reason.of("knowledge.refused.fieldLabel"));
		}
		if (form.facet() && !type.choosing()) {
			throw new RefusedValueException(Reason.of("knowledge.refused.fieldFacet", form.labelNl().trim()));
		}
		List<Choice> choices = type.choosing() ? choices(form.choices()) : List.of();
		if (type.choosing() && choices.isEmpty()) {
			throw new RefusedValueException(Reason.of("knowledge.refused.fieldChoicesMissing", form.labelNl().trim()));
		}
		return choices;
	}

	/**
	 * Parses {@code code;nl;en} lines; refuses a line without code or Dutch label and
	 * repeated codes.
	 */
	static List<Choice> choices(String text) {
		List<Choice> choices = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		int line = 0;
		for (String row : (text == null ? "" : text).split("\\R")) {
			line++;
			if (row.isBlank()) {
				continue;
			}
			String[] parts = row.split(";", -1);
			String code = parts[0].trim();
			String nl = parts.length > 1 ? parts[1].trim() : "";
			String en = parts.length > 2 ? parts[2].trim() : "";
			if (code.isEmpty() || code.length() > 60 || nl.isEmpty() || parts.length > 4) {
				throw new RefusedValueException(Reason.of("knowledge.refused.choiceLine", line));
			}
			if (!codes.add(code)) {
				throw new RefusedValueException(Reason.of("knowledge.refused.choiceRepeated", code));
			}
			String group = parts.length > 3 && !parts[3].isBlank() ? parts[3].trim() : null;
			choices.add(new Choice(code, nl, en.isEmpty() ? nl : en, group));
		}
		return choices;
	}

	private static String blankTo(String text, String otherwise) {
		return text == null || text.isBlank() ? otherwise : text;
	}

	private Field field(ResultSet rs, int row) throws SQLException {
		return new Field(rs.getLong("id"), rs.getLong("collection_id"), rs.getString("code"), rs.getString("label_nl"),
				rs.getString("label_en"), FieldType.valueOf(rs.getString("type")),
				json.readValue(rs.getString("choices"), CHOICES), rs.getBoolean("required"), rs.getBoolean("facet"),
				rs.getInt("position"));
	}

}
