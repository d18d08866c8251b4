package be.obmi.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Writes a cube as a JSON-stat 2.0 dataset (https://json-stat.org/full/). Labels are in
 * the chosen language; labels in the other languages go in {@code extension.labels} of
 * the dataset and of each dimension, which the JSON-stat schema allows. Values of non-OK
 * cells are {@code null} and their symbol goes in the sparse {@code status} object;
 * suppressed cells get status {@value #SUPPRESSED_STATUS}. Streams: the cells are
 * iterated twice (values, statuses) and never held.
 */
public final class JsonStatWriter implements CubeWriter {

	/**
	 * At most this many statuses are kept in memory while the values are written (about
	 * 16 MB); a cube with more cells without a value is read twice.
	 */
	static final int MAX_KEPT_STATUSES = 1 << 20;

	/**
	 * Status for suppressed (confidential) cells, as Eurostat and SDMX's OBS_CONF use it.
	 */
	public static final String SUPPRESSED_STATUS = "c";

	/** Status for missing cells without a symbol of their own. */
	public static final String MISSING_STATUS = "..";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final String language;

	/** Writes labels in the cube's main language. */
	public JsonStatWriter() {
		this(null);
	}

	/**
	 * Writes labels in the given language (falling back to the main language where a
	 * label lacks it).
	 */
	public JsonStatWriter(String language) {
		this.language = language;
	}

	@Override
	public String mediaType() {
		return "application/json";
	}

	@Override
	public String fileExtension() {
		return "json";
	}

	@Override
	public void write(Cube cube, OutputStream out) throws IOException {
		var lang = this.language == null ? cube.language() : this.language;
		try (JsonGenerator json = MAPPER.createGenerator(new NonClosingOutputStream(out))) {
			json.writeStartObject();
			json.writeStringProperty("version", "2.0");
			json.writeStringProperty("class", "dataset");
			json.writeStringProperty("label", cube.title().in(lang, cube.id()));
			if (!cube.source().isEmpty()) {
				json.writeStringProperty("source", cube.source().in(lang));
			}
			if (cube.updated() != null) {
				json.writeStringProperty("updated",
						DateTimeFormatter.ISO_INSTANT.format(cube.updated().atOffset(ZoneOffset.UTC).withNano(0)));
			}
			writeIdSizeRole(json, cube);
			json.writeObjectPropertyStart("dimension");
			for (var dimension : cube.dimensions()) {
				writeDimension(json, cube, dimension, lang);
			}
			json.writeEndObject();
			json.writeArrayPropertyStart("value");
			// the statuses of the first cells without a value are kept while the values
			// are
			// written (a bounded number), so that a generated cube is computed once; past
			// that bound the cells are read a second time
			long[] statusIndex = new long[1024];
			String[] statusText = new String[1024];
			int statuses = 0;
			boolean overflow = false;
			long index = 0;
			for (var cell : cube.cells()) {
				if (cell.isOk()) {
					json.writeNumber(cell.value());
				}
				else {
					json.writeNull();
					if (statuses == statusIndex.length && !overflow) {
						if (statuses >= MAX_KEPT_STATUSES) {
							overflow = true;
						}
						else {
							statusIndex = Arrays.copyOf(statusIndex, statuses * 2);
							statusText = Arrays.copyOf(statusText, statuses * 2);
						}
					}
					if (!overflow) {
						statusIndex[statuses] = index;
						statusText[statuses++] = status(cell);
					}
				}
				index++;
			}
			json.writeEndArray();
			if (overflow) {
				json.writeObjectPropertyStart("status");
				index = 0;
				for (var cell : cube.cells()) {
					if (!cell.isOk()) {
						json.writeStringProperty(Long.toString(index), status(cell));
					}
					index++;
				}
				json.writeEndObject();
			}
			else if (statuses > 0) {
				json.writeObjectPropertyStart("status");
				for (int i = 0; i < statuses; i++) {
					json.writeStringProperty(Long.toString(statusIndex[i]), statusText[i]);
				}
				json.writeEndObject();
			}
			writeDatasetExtension(json, cube, lang);
			json.writeEndObject();
		}
	}

	static String status(Cell cell) {
		return switch (cell.status()) {
			case OK -> throw new IllegalArgumentException("OK cells have no status");
			case SUPPRESSED -> SUPPRESSED_STATUS;
			case MISSING -> cell.symbol() == null || cell.symbol().isBlank() ? MISSING_STATUS : cell.symbol();
		};
	}

	private static void writeIdSizeRole(JsonGenerator json, Cube cube) {
		json.writeArrayPropertyStart("id");
		for (var dimension : cube.dimensions()) {
			json.writeString(dimension.id());
		}
		json.writeEndArray();
		json.writeArrayPropertyStart("size");
		for (var dimension : cube.dimensions()) {
			json.writeNumber(dimension.size());
		}
		json.writeEndArray();
		Map<String, List<String>> roles = new LinkedHashMap<>();
		for (var dimension : cube.dimensions()) {
			if (dimension.role() != DimensionRole.OTHER) {
				roles.computeIfAbsent(dimension.role().name().toLowerCase(Locale.ROOT), r -> new ArrayList<>())
					.add(dimension.id());
			}
		}
		if (!roles.isEmpty()) {
			json.writeObjectPropertyStart("role");
			for (var role : roles.entrySet()) {
				json.writeArrayPropertyStart(role.getKey());
				for (var id : role.getValue()) {
					json.writeString(id);
				}
				json.writeEndArray();
			}
			json.writeEndObject();
		}
	}

	private static void writeDimension(JsonGenerator json, Cube cube, Dimension dimension, String lang) {
		json.writeObjectPropertyStart(dimension.id());
		json.writeStringProperty("label", dimension.label().in(lang, dimension.id()));
		json.writeObjectPropertyStart("category");
		json.writeArrayPropertyStart("index");
		for (var category : dimension.categories()) {
			json.writeString(category.code());
		}
		json.writeEndArray();
		json.writeObjectPropertyStart("label");
		for (var category : dimension.categories()) {
			json.writeStringProperty(category.code(), category.label().in(lang, category.code()));
		}
		json.writeEndObject();
		if (dimension.hasHierarchy()) {
			Map<String, List<String>> children = new LinkedHashMap<>();
			for (var category : dimension.categories()) {
				if (category.parentCode() != null) {
					children.computeIfAbsent(category.parentCode(), p -> new ArrayList<>()).add(category.code());
				}
			}
			json.writeObjectPropertyStart("child");
			for (var entry : children.entrySet()) {
				json.writeArrayPropertyStart(entry.getKey());
				for (var child : entry.getValue()) {
					json.writeString(child);
				}
				json.writeEndArray();
			}
			json.writeEndObject();
		}
		if (dimension.role() == DimensionRole.METRIC) {
			json.writeObjectPropertyStart("unit");
			for (var category : dimension.categories()) {
				var unit = category.unit() != null ? category.unit() : new CategoryUnit(cube.unit(), cube.decimals());
				json.writeObjectPropertyStart(category.code());
				if (!unit.label().isEmpty()) {
					json.writeStringProperty("label", unit.label().in(lang));
				}
				json.writeNumberProperty("decimals", unit.decimals());
				json.writeEndObject();
			}
			json.writeEndObject();
		}
		json.writeEndObject();
		var otherLanguages = otherLanguages(cube, lang);
		if (!otherLanguages.isEmpty()) {
			json.writeObjectPropertyStart("extension");
			json.writeObjectPropertyStart("labels");
			for (var other : otherLanguages) {
				json.writeObjectPropertyStart(other);
				json.writeStringProperty("label", dimension.label().in(other, dimension.id()));
				json.writeObjectPropertyStart("category");
				for (var category : dimension.categories()) {
					json.writeStringProperty(category.code(), category.label().in(other, category.code()));
				}
				json.writeEndObject();
				if (dimension.role() == DimensionRole.METRIC) {
					json.writeObjectPropertyStart("unit");
					for (var category : dimension.categories()) {
						var unit = category.unit() != null ? category.unit().label() : cube.unit();
						if (!unit.isEmpty()) {
							json.writeStringProperty(category.code(), unit.in(other));
						}
					}
					json.writeEndObject();
				}
				json.writeEndObject();
			}
			json.writeEndObject();
			json.writeEndObject();
		}
		json.writeEndObject();
	}

	private static void writeDatasetExtension(JsonGenerator json, Cube cube, String lang) {
		json.writeObjectPropertyStart("extension");
		json.writeStringProperty("id", cube.id());
		json.writeStringProperty("language", lang);
		json.writeNumberProperty("decimals", cube.decimals());
		if (!cube.unit().isEmpty()) {
			json.writeStringProperty("unit", cube.unit().in(lang));
		}
		json.writeObjectPropertyStart("statusCodes");
		json.writeStringProperty(SUPPRESSED_STATUS, "confidential");
		json.writeStringProperty(MISSING_STATUS, "missing");
		json.writeEndObject();
		var otherLanguages = otherLanguages(cube, lang);
		if (!otherLanguages.isEmpty()) {
			json.writeObjectPropertyStart("labels");
			for (var other : otherLanguages) {
				json.writeObjectPropertyStart(other);
				json.writeStringProperty("label", cube.title().in(other, cube.id()));
				if (!cube.source().isEmpty()) {
					json.writeStringProperty("source", cube.source().in(other));
				}
				if (!cube.unit().isEmpty()) {
					json.writeStringProperty("unit", cube.unit().in(other));
				}
				json.writeEndObject();
			}
			json.writeEndObject();
		}
		if (!cube.extension().isEmpty()) {
			json.writeObjectPropertyStart("metadata");
			for (var entry : new TreeMap<>(cube.extension()).entrySet()) {
				json.writeStringProperty(entry.getKey(), entry.getValue());
			}
			json.writeEndObject();
		}
		json.writeEndObject();
	}

	private static List<String> otherLanguages(Cube cube, String lang) {
		return cube.languages().stream().filter(l -> !l.equals(lang)).toList();
	}

}
