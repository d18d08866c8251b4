package be.obmi.buildings.domain;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The ideal data model generated from a fiche's data elements: its classes (each element
 * belongs to one; an element whose range is a class links two), as a Mermaid class
 * diagram, a JSON-LD context (one term per element, one per class) and a SHACL shape (a
 * node shape per class with a property shape per element: datatype or class,
 * {@code minCount 1} when required, {@code maxCount 1} unless repeated). The example
 * payload is read with the generated context and validated against the shape.
 */
@Component
public class FicheModels {

	static final String SH = "http://www.w3.org/ns/shacl#";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A class of the model with its attributes (literal ranges) and links (class ranges).
	 */
	public record ModelClass(String iri, String name, List<FicheContent.DataElement> attributes,
			List<FicheContent.DataElement> links) {
	}

	/** The result of validating an example payload. */
	public record Validation(boolean conforms, List<String> messages) {
	}

	/** The classes of the model, in the order the elements name them. */
	public List<ModelClass> classes(FicheContent content) {
		Map<String, List<FicheContent.DataElement>> byClass = new LinkedHashMap<>();
		for (FicheContent.DataElement e : content.elements()) {
			byClass.computeIfAbsent(e.classIri(), k -> new ArrayList<>()).add(e);
		}
		for (FicheContent.DataElement e : content.elements()) {
			if (!e.literal() && e.range() != null) {
				byClass.putIfAbsent(e.range(), new ArrayList<>());
			}
		}
		Map<String, String> names = names(byClass.keySet().stream().toList());
		List<ModelClass> classes = new ArrayList<>();
		byClass.forEach((iri,
				elements) -> classes.add(new ModelClass(iri, names.get(iri),
						elements.stream().filter(FicheContent.DataElement::literal).toList(),
						elements.stream().filter(e -> !e.literal()).toList())));
		return classes;
	}

	/** A unique identifier per class IRI: its local name, numbered when two share one. */
	private static Map<String, String> names(List<String> iris) {
		Map<String, String> names = new LinkedHashMap<>();
		for (String iri : iris) {
			String base = FicheVocabulary.localName(iri).replaceAll("[^A-Za-z0-9_]", "_");
			if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
				base = "K" + base;
			}
			String name = base;
			for (int i = 2; names.containsValue(name); i++) {
				name = base + i;
			}
			names.put(iri, name);
		}
		return names;
	}

	/** The Mermaid class diagram. */
	public String mermaid(FicheContent content) {
		List<ModelClass> classes = classes(content);
		Map<String, String> names = new LinkedHashMap<>();
		classes.forEach(c -> names.put(c.iri(), c.name()));
		StringBuilder text = new StringBuilder("classDiagram\n");
		for (ModelClass c : classes) {
			text.append("  class ")
				.append(c.name())
				.append("[\"")
				.append(FicheVocabulary.shortName(c.iri()))
				.append("\"]");
			if (c.attributes().isEmpty()) {
				text.append('\n');
				continue;
			}
			text.append(" {\n");
			for (FicheContent.DataElement a : c.attributes()) {
				text.append("    +")
					.append(a.key())
					.append(" : ")
					.append(FicheVocabulary.localName(a.range()))
					.append(' ')
					.append(cardinality(a))
					.append('\n');
			}
			text.append("  }\n");
		}
		for (ModelClass c : classes) {
			for (FicheContent.DataElement l : c.links()) {
				text.append("  ")
					.append(c.name())
					.append(" --> \"")
					.append(cardinality(l))
					.append("\" ")
					.append(names.get(l.range()))
					.append(" : ")
					.append(l.key())
					.append('\n');
			}
		}
		return text.toString();
	}

	static String cardinality(FicheContent.DataElement e) {
		return (e.required() ? "1" : "0") + ".." + (e.repeated() ? "*" : "1");
	}

	/** The JSON-LD context as a map (terms for elements and classes). */
	public Map<String, Object> context(FicheContent content) {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("id", "@id");
		context.put("type", "@type");
		for (ModelClass c : classes(content)) {
			if (!context.containsKey(c.name())) {
				context.put(c.name(), c.iri());
			}
		}
		for (FicheContent.DataElement e : content.elements()) {
			Map<String, Object> term = new LinkedHashMap<>();
			term.put("@id", e.termIri());
			term.put("@type", e.literal() ? e.range() : "@id");
			if (e.repeated()) {
				term.put("@container", "@set");
			}
			context.put(e.key(), term);
		}
		return context;
	}

	/** The JSON-LD context document ({@code {"@context": …}}). */
	public byte[] contextDocument(FicheContent content) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("@context", context(content)));
	}

	/** The SHACL shape as an RDF model. */
	public Model shape(FicheContent content) {
		Model model = ModelFactory.createDefaultModel();
		model.setNsPrefix("sh", SH);
		model.setNsPrefix("xsd", FicheVocabulary.XSD);
		model.setNsPrefix("gebouw", FicheVocabulary.GEBOUW);
		model.setNsPrefix("adres", FicheVocabulary.ADRES);
		model.setNsPrefix("perceel", FicheVocabulary.PERCEEL);
		model.setNsPrefix("sb", FicheVocabulary.LOCAL);
		String base = FicheVocabulary.fiche(content.code()) + "/shape#";
		List<ModelClass> classes = classes(content);
		List<String> described = classes.stream()
			.filter(c -> !c.attributes().isEmpty() || !c.links().isEmpty())
			.map(ModelClass::iri)
			.toList();
		for (ModelClass c : classes) {
			if (!described.contains(c.iri())) {
				continue;
			}
			Resource node = model.createResource(base + c.name())
				.addProperty(RDF.type, model.createResource(SH + "NodeShape"))
				.addProperty(model.createProperty(SH, "targetClass"), model.createResource(c.iri()));
			List<FicheContent.DataElement> elements = new ArrayList<>(c.attributes());
			elements.addAll(c.links());
			for (FicheContent.DataElement e : elements) {
				Resource property = model.createResource(base + c.name() + "-" + e.key())
					.addProperty(RDF.type, model.createResource(SH + "PropertyShape"))
					.addProperty(model.createProperty(SH, "path"), model.createResource(e.termIri()))
					.addProperty(model.createProperty(SH, "name"), e.key());
				if (e.literal()) {
					property.addProperty(model.createProperty(SH, "datatype"), model.createResource(e.range()));
				}
				else if (described.contains(e.range())) {
					property.addProperty(model.createProperty(SH, "class"), model.createResource(e.range()));
				}
				else {
					property.addProperty(model.createProperty(SH, "nodeKind"), model.createResource(SH + "IRI"));
				}
				if (e.required()) {
					property.addLiteral(model.createProperty(SH, "minCount"),
							model.createTypedLiteral("1", XSDDatatype.XSDinteger));
				}
				if (!e.repeated()) {
					property.addLiteral(model.createProperty(SH, "maxCount"),
							model.createTypedLiteral("1", XSDDatatype.XSDinteger));
				}
				node.addProperty(model.createProperty(SH, "property"), property);
			}
		}
		return model;
	}

	/** The SHACL shape in Turtle. */
	public byte[] shapeTurtle(FicheContent content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RDFDataMgr.write(out, shape(content), RDFFormat.TURTLE_PRETTY);
		return out.toByteArray();
	}

	/**
	 * Validates the example payload against the shape: it must read as JSON-LD with the
	 * generated context, describe at least one instance of a class of the model, and
	 * conform.
	 */
	public Validation validate(FicheContent content) {
		return validate(content, content.examplePayload());
	}

	/** As {@link #validate(FicheContent)}, for another payload. */
	public Validation validate(FicheContent content, String payload) {
		if (payload == null || payload.isBlank()) {
			return content.elements().isEmpty() ? new Validation(true, List.of())
					: new Validation(false, List.of("geen voorbeeld"));
		}
		Model data;
		try {
			data = SafeJsonLd.read(payload, context(content), null);
		}
		catch (SafeJsonLd.Unreadable ex) {
			return new Validation(false, List.of(ex.getMessage()));
		}
		boolean instance = classes(content).stream()
			.anyMatch(c -> data.contains(null, RDF.type, data.createResource(c.iri())));
		if (!instance) {
			return new Validation(false, List.of("geen instantie van een klasse van het model"));
		}
		ValidationReport report = ShaclValidator.get()
			.validate(Shapes.parse(shape(content).getGraph()), data.getGraph());
		List<String> messages = new ArrayList<>();
		for (ReportEntry entry : report.getEntries()) {
			messages.add((entry.resultPath() == null ? "" : entry.resultPath() + ": ") + entry.message());
		}
		return new Validation(report.conforms(), messages);
	}

}
