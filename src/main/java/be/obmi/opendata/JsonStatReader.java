package be.obmi.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Reads a JSON-stat 2.0 dataset: {@code value} and {@code status} as array or object
 * (sparse), {@code index} as array or object, {@code child} hierarchies, {@code unit},
 * roles, and the labels in other languages that {@link JsonStatWriter} puts in
 * {@code extension.labels}. The product of {@code size} is checked against the number of
 * values (array form) and against a maximum before anything is allocated. A cell with a
 * {@code null} value is missing with its status as symbol, or suppressed when its status
 * is {@value JsonStatWriter#SUPPRESSED_STATUS}.
 * <p>
 * Over 300 lines because JSON-stat 2.0 allows each part in two forms (values as array or
 * object, categories by index or label, status per cell or for all) and the reader
 * accepts both of every one, with its errors, in one place.
 */
public final class JsonStatReader implements CubeReader {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final String language;

	public JsonStatReader() {
		this(null);
	}

	/**
	 * @param language the language of the labels; null to take {@code extension.language}
	 * or Dutch
	 */
	public JsonStatReader(String language) {
		this.language = language;
	}

	@Override
	public Cube read(InputStream in) {
		JsonNode root;
		try {
			var bytes = in.readNBytes(PxReader.MAX_BYTES + 1);
			if (bytes.length > PxReader.MAX_BYTES) {
				throw OpenDataFormatException.of("import.opendata.fileTooLarge");
			}
			root = MAPPER.readTree(bytes);
		}
		catch (JacksonException ex) {
			var location = ex.getLocation();
			throw new OpenDataFormatException(ex, location == null ? null : (long) location.getLineNr(),
					location == null ? null : "kolom " + location.getColumnNr(), "import.opendata.jsonInvalid",
					ex.getOriginalMessage());
		}
		catch (IOException ex) {
			throw new OpenDataFormatException(ex, null, null, "import.opendata.unreadable");
		}
		try {
			return parse(root);
		}
		catch (OpenDataFormatException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new OpenDataFormatException(ex, null, null, "import.opendata.jsonStatInconsistent", ex.getMessage());
		}
	}

	/** A problem with a JSON property (a path such as {@code dimension.a.category}). */
	private static OpenDataFormatException error(String property, String code, Object... arguments) {
		return new OpenDataFormatException(null, property, code, arguments);
	}

	private Cube parse(JsonNode root) {
		if (root == null || !root.isObject()) {
			throw error("(document)", "import.opendata.jsonStatNotObject");
		}
		if (!"2.0".equals(text(root, "version"))) {
			throw error("version", "import.opendata.jsonStatVersion");
		}
		if (!"dataset".equals(text(root, "class"))) {
			throw error("class", "import.opendata.jsonStatClass");
		}
		var ids = root.get("id");
		var sizes = root.get("size");
		var dimensionNode = root.get("dimension");
		if (ids == null || !ids.isArray() || ids.isEmpty()) {
			throw error("id", "import.opendata.jsonStatIdList");
		}
		if (sizes == null || !sizes.isArray() || sizes.size() != ids.size()) {
			throw error("size", "import.opendata.jsonStatSizeList");
		}
		if (dimensionNode == null || !dimensionNode.isObject()) {
			throw error("dimension", "import.opendata.jsonStatDimensionMissing");
		}
		long count = 1;
		for (int d = 0; d < sizes.size(); d++) {
			var size = sizes.get(d);
			if (!size.isIntegralNumber() || !size.canConvertToInt() || size.intValue() < 1) {
				throw error("size[" + d + "]", "import.opendata.jsonStatSizeNotPositive");
			}
			count = Math.multiplyExact(count, size.intValue());
			if (count > PxReader.MAX_CELLS) {
				throw error("size", "import.opendata.jsonStatTooManyCells", PxReader.MAX_CELLS);
			}
		}
		var extension = root.get("extension");
		var lang = this.language != null ? this.language
				: extension != null && extension.get("language") != null && extension.get("language").isString()
						? extension.get("language").stringValue() : "nl";
		var roles = new HashMap<String, DimensionRole>();
		var roleNode = root.get("role");
		if (roleNode != null && roleNode.isObject()) {
			for (var role : List.of(DimensionRole.TIME, DimensionRole.GEO, DimensionRole.METRIC)) {
				var list = roleNode.get(role.name().toLowerCase(Locale.ROOT));
				if (list != null && list.isArray()) {
					list.forEach(id -> roles.put(id.asString(), role));
				}
			}
		}
		var dimensions = new ArrayList<Dimension>();
		var seenIds = new HashSet<String>();
		for (int d = 0; d < ids.size(); d++) {
			var id = ids.get(d).asString();
			if (!seenIds.add(id)) {
				throw error("id", "import.opendata.jsonStatDimensionTwice", id);
			}
			var node = dimensionNode.get(id);
			if (node == null || !node.isObject()) {
				throw error("dimension." + id, "import.opendata.jsonStatDimensionNotFound");
			}
			dimensions
				.add(dimension(id, node, sizes.get(d).intValue(), roles.getOrDefault(id, DimensionRole.OTHER), lang));
		}
		var cells = cells(root, (int) count);
		var title = new LinkedHashMap<String, String>();
		var source = new LinkedHashMap<String, String>();
		var unit = new LinkedHashMap<String, String>();
		title.put(lang, root.get("label") != null ? root.get("label").asString() : "");
		if (root.get("source") != null) {
			source.put(lang, root.get("source").asString());
		}
		int decimals = 0;
		var metadata = new LinkedHashMap<String, String>();
		String id = fallbackId(root);
		if (extension != null && extension.isObject()) {
			if (extension.get("id") != null && extension.get("id").isString()) {
				id = extension.get("id").stringValue();
			}
			if (extension.get("decimals") != null && extension.get("decimals").canConvertToInt()) {
				decimals = Math.max(0, Math.min(15, extension.get("decimals").intValue()));
			}
			if (extension.get("unit") != null) {
				unit.put(lang, extension.get("unit").asString());
			}
			var labels = extension.get("labels");
			if (labels != null && labels.isObject()) {
				for (var entry : labels.properties()) {
					var other = entry.getValue();
					if (other.get("label") != null) {
						title.put(entry.getKey(), other.get("label").asString());
					}
					if (other.get("source") != null) {
						source.put(entry.getKey(), other.get("source").asString());
					}
					if (other.get("unit") != null) {
						unit.put(entry.getKey(), other.get("unit").asString());
					}
				}
			}
			var meta = extension.get("metadata");
			if (meta != null && meta.isObject()) {
				meta.properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));
			}
		}
		Instant updated = root.get("updated") != null ? parseUpdated(root.get("updated").asString()) : null;
		try {
			return new Cube(id.replaceAll("[^A-Za-z0-9_\\-]", "_"), new LocalizedText(title), new LocalizedText(source),
					new LocalizedText(unit), decimals, updated, dimensions, cells, metadata);
		}
		catch (IllegalArgumentException ex) {
			throw error("(dataset)", "import.opendata.jsonStatDatasetInconsistent", ex.getMessage());
		}
	}

	private static Instant parseUpdated(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (RuntimeException ex) {
			try {
				return Instant.parse(text);
			}
			catch (RuntimeException ex2) {
				try {
					return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
				}
				catch (RuntimeException ex3) {
					throw error("updated", "import.opendata.jsonStatUpdatedNotDate", text);
				}
			}
		}
	}

	private static Dimension dimension(String id, JsonNode node, int size, DimensionRole role, String lang) {
		var category = node.get("category");
		var property = "dimension." + id + ".category";
		if (category == null || !category.isObject()) {
			throw error(property, "import.opendata.jsonStatCategoryMissing");
		}
		var codes = new String[size];
		var index = category.get("index");
		var labels = category.get("label");
		if (index != null && index.isArray()) {
			if (index.size() != size) {
				throw error(property + ".index", "import.opendata.jsonStatIndexSize", index.size(), size);
			}
			for (int i = 0; i < size; i++) {
				codes[i] = index.get(i).asString();
			}
		}
		else if (index != null && index.isObject()) {
			if (index.size() != size) {
				throw error(property + ".index", "import.opendata.jsonStatIndexSize", index.size(), size);
			}
			for (var entry : index.properties()) {
				var position = entry.getValue();
				if (!position.canConvertToInt() || position.intValue() < 0 || position.intValue() >= size
						|| codes[position.intValue()] != null) {
					throw error(property + ".index." + entry.getKey(), "import.opendata.jsonStatIndexPosition");
				}
				codes[position.intValue()] = entry.getKey();
			}
		}
		else if (labels != null && labels.isObject() && labels.size() == 1 && size == 1) {
			codes[0] = labels.propertyNames().iterator().next();
		}
		else {
			throw error(property + ".index", "import.opendata.jsonStatIndexMissing");
		}
		var children = new HashMap<String, String>();
		var child = category.get("child");
		if (child != null && child.isObject()) {
			for (var entry : child.properties()) {
				entry.getValue().forEach(c -> children.put(c.asString(), entry.getKey()));
			}
		}
		var otherLabels = node.get("extension") != null ? node.get("extension").get("labels") : null;
		var dimensionLabel = new LinkedHashMap<String, String>();
		if (node.get("label") != null) {
			dimensionLabel.put(lang, node.get("label").asString());
		}
		if (otherLabels != null && otherLabels.isObject()) {
			for (var entry : otherLabels.properties()) {
				if (entry.getValue().get("label") != null) {
					dimensionLabel.put(entry.getKey(), entry.getValue().get("label").asString());
				}
			}
		}
		var units = category.get("unit");
		var categories = new ArrayList<Category>();
		for (var code : codes) {
			var label = new LinkedHashMap<String, String>();
			if (labels != null && labels.get(code) != null) {
				label.put(lang, labels.get(code).asString());
			}
			if (otherLabels != null && otherLabels.isObject()) {
				for (var entry : otherLabels.properties()) {
					var categoryLabels = entry.getValue().get("category");
					if (categoryLabels != null && categoryLabels.get(code) != null) {
						label.put(entry.getKey(), categoryLabels.get(code).asString());
					}
				}
			}
			CategoryUnit unit = null;
			if (units != null && units.get(code) != null) {
				var u = units.get(code);
				var unitLabel = u.get("label") != null ? LocalizedText.single(lang, u.get("label").asString())
						: LocalizedText.empty();
				if (otherLabels != null && otherLabels.isObject()) {
					for (var entry : otherLabels.properties()) {
						var otherUnits = entry.getValue().get("unit");
						if (otherUnits != null && otherUnits.get(code) != null) {
							unitLabel = unitLabel.with(entry.getKey(), otherUnits.get(code).asString());
						}
					}
				}
				unit = new CategoryUnit(unitLabel, u.get("decimals") != null && u.get("decimals").canConvertToInt()
						? u.get("decimals").intValue() : 0);
			}
			categories.add(new Category(code, new LocalizedText(label), children.get(code), unit));
		}
		try {
			return new Dimension(id, new LocalizedText(dimensionLabel), role, categories);
		}
		catch (IllegalArgumentException ex) {
			throw error(property, "import.opendata.jsonStatDimensionInvalid", ex.getMessage());
		}
	}

	private static Cells cells(JsonNode root, int count) {
		var valueNode = root.get("value");
		if (valueNode == null) {
			throw error("value", "import.opendata.jsonStatValueMissing");
		}
		var values = new double[count];
		var statuses = new CellStatus[count];
		Arrays.fill(values, Double.NaN);
		Arrays.fill(statuses, CellStatus.MISSING);
		var symbols = new HashMap<Integer, String>();
		if (valueNode.isArray()) {
			if (valueNode.size() != count) {
				throw error("value", "import.opendata.jsonStatValueCount", valueNode.size(), count);
			}
			for (int i = 0; i < count; i++) {
				setValue(values, statuses, i, valueNode.get(i));
			}
		}
		else if (valueNode.isObject()) {
			for (var entry : valueNode.properties()) {
				setValue(values, statuses, position(entry.getKey(), count, "value"), entry.getValue());
			}
		}
		else {
			throw error("value", "import.opendata.jsonStatValueType");
		}
		var statusNode = root.get("status");
		if (statusNode != null) {
			if (statusNode.isString()) {
				for (int i = 0; i < count; i++) {
					applyStatus(values, statuses, symbols, i, statusNode.stringValue());
				}
			}
			else if (statusNode.isArray()) {
				if (statusNode.size() == 1) {
					for (int i = 0; i < count; i++) {
						applyStatus(values, statuses, symbols, i, statusNode.get(0).asString());
					}
				}
				else if (statusNode.size() == count) {
					for (int i = 0; i < count; i++) {
						if (!statusNode.get(i).isNull()) {
							applyStatus(values, statuses, symbols, i, statusNode.get(i).asString());
						}
					}
				}
				else {
					throw error("status", "import.opendata.jsonStatStatusCount", statusNode.size(), count);
				}
			}
			else if (statusNode.isObject()) {
				for (var entry : statusNode.properties()) {
					applyStatus(values, statuses, symbols, position(entry.getKey(), count, "status"),
							entry.getValue().asString());
				}
			}
			else {
				throw error("status", "import.opendata.jsonStatStatusType");
			}
		}
		return Cells.dense(values, statuses, symbols);
	}

	private static int position(String key, int count, String property) {
		try {
			int index = Integer.parseInt(key);
			if (index < 0 || index >= count) {
				throw error(property + "." + key, "import.opendata.jsonStatPositionOutside", count - 1);
			}
			return index;
		}
		catch (NumberFormatException ex) {
			throw error(property + "." + key, "import.opendata.jsonStatPositionNotInteger");
		}
	}

	private static void setValue(double[] values, CellStatus[] statuses, int index, JsonNode node) {
		if (node == null || node.isNull()) {
			return;
		}
		if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
			throw error("value[" + index + "]", "import.opendata.jsonStatValueNotNumber");
		}
		values[index] = node.doubleValue();
		statuses[index] = CellStatus.OK;
	}

	private static void applyStatus(double[] values, CellStatus[] statuses, Map<Integer, String> symbols, int index,
			String status) {
		if (status == null || status.isBlank()) {
			return;
		}
		if (status.equals(JsonStatWriter.SUPPRESSED_STATUS)) {
			statuses[index] = CellStatus.SUPPRESSED;
			values[index] = Double.NaN;
			symbols.remove(index);
			return;
		}
		if (statuses[index] != CellStatus.OK) {
			symbols.put(index, status);
		}
	}

	private static String text(JsonNode node, String property) {
		var value = node.get(property);
		return value == null || !value.isString() ? null : value.stringValue();
	}

	/**
	 * The id of a dataset without {@code extension.id}: the last segment of its
	 * {@code href}, else its label made into an identifier, so that tables from different
	 * offices do not replace each other; {@code dataset} only when it has neither.
	 */
	static String fallbackId(JsonNode root) {
		for (var field : List.of("href", "label")) {
			var node = root.get(field);
			if (node != null && node.isString() && !node.stringValue().isBlank()) {
				var text = node.stringValue().strip();
				if (field.equals("href")) {
					text = text.replaceAll("[?#].*$", "").replaceAll("/+$", "");
					text = text.substring(text.lastIndexOf('/') + 1).replaceAll("\\.json$", "");
				}
				var slug = Normalizer.normalize(text, Normalizer.Form.NFD)
					.replaceAll("\\p{M}", "")
					.replaceAll("[^A-Za-z0-9_\\-]+", "_")
					.replaceAll("^_+|_+$", "");
				if (!slug.isEmpty()) {
					return slug.length() > 120 ? slug.substring(0, 120) : slug;
				}
			}
		}
		return "dataset";
	}

}
