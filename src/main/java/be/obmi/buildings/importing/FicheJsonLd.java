package be.obmi.buildings.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import be.obmi.buildings.domain.FicheContent;
import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

import org.springframework.core.io.ClassPathResource;

/**
 * A fiche's exchange file: its RDF ({@link FicheRdf}) framed as one JSON-LD tree with the
 * fiche context ({@code buildings/fiche-context.jsonld}, also published at
 * {@link #CONTEXT_URL}), so the file reads like the seed files; reading it back gives the
 * same graph.
 */
public final class FicheJsonLd {

	/** The address of the fiche context; a file may name it instead of copying it. */
	public static final String CONTEXT_URL = "https://data.obmi.be/ns/schillenboek/fiche.jsonld";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Object> CONTEXT = load();

	private FicheJsonLd() {
	}

	private static Map<String, Object> load() {
		try (InputStream in = new ClassPathResource("buildings/fiche-context.jsonld").getInputStream()) {
			Map<String, Object> document = JSON.readValue(in, new TypeReference<Map<String, Object>>() {
			});
			@SuppressWarnings("unchecked")
			Map<String, Object> context = (Map<String, Object>) document.get("@context");
			return context;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The fiche context (the value of {@code @context}). */
	public static Map<String, Object> context() {
		return CONTEXT;
	}

	/** The fiche context document. */
	public static byte[] contextDocument() {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("@context", CONTEXT));
	}

	/** The fiche as a JSON-LD document. */
	public static byte[] write(FicheContent content) {
		ByteArrayOutputStream flat = new ByteArrayOutputStream();
		RDFDataMgr.write(flat, FicheRdf.model(content), RDFFormat.JSONLD11_FLAT);
		try {
			JsonDocument frame = JsonDocument.of(new StringReader(
					JSON.writeValueAsString(Map.of("@context", CONTEXT, "@type", "Fiche", "@embed", "@always"))));
			JsonObject framed = JsonLd.frame(JsonDocument.of(new ByteArrayInputStream(flat.toByteArray())), frame)
				.get();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			JsonWriterFactory writers = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
			try (JsonWriter writer = writers.createWriter(out, StandardCharsets.UTF_8)) {
				writer.writeObject(framed);
			}
			return out.toByteArray();
		}
		catch (JsonLdError ex) {
			throw new IllegalStateException("JSON-LD framing of fiche " + content.code() + " failed", ex);
		}
	}

}
