package be.obmi.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the CSV on the Web metadata (W3C "Metadata Vocabulary for Tabular Data") for the
 * table that {@link CsvTableWriter} writes: {@code @context}, {@code url},
 * {@code dc:title} per language, the dialect and {@code tableSchema.columns} with
 * {@code name}, {@code titles} per language and {@code datatype}, and the dimension code
 * columns as primary key.
 */
public final class CsvwMetadataWriter {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	public String mediaType() {
		return "application/csvm+json";
	}

	/** The column names of the CSV table, in order. */
	static List<String> columnNames(Cube cube) {
		var names = new ArrayList<String>();
		for (var dimension : cube.dimensions()) {
			names.add(columnName(dimension.id()));
			names.add(columnName(dimension.id()) + "_label");
		}
		names.add("value");
		names.add("status");
		return names;
	}

	private static String columnName(String id) {
		var clean = id.replaceAll("[^A-Za-z0-9_]", "_");
		return clean.equals("value") || clean.equals("status") ? clean + "_dim" : clean;
	}

	/**
	 * @param csvUrl the URL of the CSV table, relative to the metadata file or absolute
	 */
	public void write(Cube cube, String csvUrl, OutputStream out) throws IOException {
		var names = columnNames(cube);
		try (JsonGenerator json = MAPPER.writerWithDefaultPrettyPrinter()
			.createGenerator(new NonClosingOutputStream(out))) {
			json.writeStartObject();
			json.writeArrayPropertyStart("@context");
			json.writeString("http://www.w3.org/ns/csvw");
			json.writeStartObject();
			json.writeStringProperty("@language", cube.language());
			json.writeEndObject();
			json.writeEndArray();
			json.writeStringProperty("url", csvUrl);
			writeLanguageMap(json, "dc:title", cube.title());
			if (!cube.source().isEmpty()) {
				writeLanguageMap(json, "dc:source", cube.source());
			}
			json.writeObjectPropertyStart("dialect");
			json.writeStringProperty("delimiter", ",");
			json.writeBooleanProperty("header", true);
			json.writeStringProperty("encoding", "utf-8");
			json.writeEndObject();
			json.writeObjectPropertyStart("tableSchema");
			json.writeArrayPropertyStart("columns");
			int n = 0;
			for (var dimension : cube.dimensions()) {
				column(json, names.get(n++), dimension.label().isEmpty()
						? LocalizedText.single(cube.language(), dimension.id()) : dimension.label(), "string", true);
				column(json, names.get(n++), labelTitles(dimension.label(), cube), "string", false);
			}
			column(json, "value", valueTitles(cube), "decimal", false);
			column(json, "status", LocalizedText.of("status", "status"), "string", false);
			json.writeEndArray();
			json.writeArrayPropertyStart("primaryKey");
			for (int d = 0; d < cube.dimensions().size(); d++) {
				json.writeString(names.get(2 * d));
			}
			json.writeEndArray();
			json.writeEndObject();
			json.writeEndObject();
		}
	}

	private static LocalizedText labelTitles(LocalizedText label, Cube cube) {
		if (label.isEmpty()) {
			return LocalizedText.single(cube.language(), "label");
		}
		var titles = LocalizedText.empty();
		for (var lang : label.languages()) {
			titles = titles.with(lang, label.in(lang) + " (label)");
		}
		return titles;
	}

	private static LocalizedText valueTitles(Cube cube) {
		if (cube.unit().isEmpty()) {
			return cube.title().isEmpty() ? LocalizedText.single(cube.language(), "value") : cube.title();
		}
		var titles = LocalizedText.empty();
		for (var lang : cube.title().languages()) {
			titles = titles.with(lang, cube.title().in(lang) + " (" + cube.unit().in(lang) + ")");
		}
		return titles;
	}

	private static void column(JsonGenerator json, String name, LocalizedText titles, String datatype,
			boolean required) {
		json.writeStartObject();
		json.writeStringProperty("name", name);
		writeLanguageMap(json, "titles", titles);
		json.writeStringProperty("datatype", datatype);
		if (required) {
			json.writeBooleanProperty("required", true);
		}
		json.writeEndObject();
	}

	private static void writeLanguageMap(JsonGenerator json, String property, LocalizedText text) {
		json.writeObjectPropertyStart(property);
		for (var entry : text.byLanguage().entrySet()) {
			json.writeStringProperty(entry.getKey(), entry.getValue());
		}
		json.writeEndObject();
	}

}
