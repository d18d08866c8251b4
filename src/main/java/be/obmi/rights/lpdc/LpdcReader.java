package be.obmi.rights.lpdc;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import be.obmi.shared.Reason;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads LPDC instances from their JSON-LD form (the IPDC-LPDC implementation model, as
 * {@code lblod/lpdc-management-service} writes them) with Apache Jena: JSON-LD to an RDF
 * model, then each {@code lpdcExt:InstancePublicService} with its requirements (and
 * evidence), procedures, costs, financial advantages, contact points, legal resources,
 * themes, target audiences, publication media and territory. Remote JSON-LD contexts are
 * not fetched: the file must carry its context inline. A file that is not JSON-LD, or an
 * instance without a Dutch title, is refused with the reason.
 */
public final class LpdcReader {

	static final String LPDC = "https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#";

	static final String CONCEPT = "https://productencatalogus.data.vlaanderen.be/id/concept/";

	static final String DCT = "http://purl.org/dc/terms/";

	static final String M8G = "http://data.europa.eu/m8g/";

	static final String CPSV = "http://purl.org/vocab/cpsv#";

	static final String PS = "http://vocab.belgif.be/ns/publicservice#";

	static final String SCHEMA = "http://schema.org/";

	static final String SH = "http://www.w3.org/ns/shacl#";

	static final String MU = "http://mu.semte.ch/vocabularies/core/";

	static final String ADRES = "https://data.vlaanderen.be/ns/adres#";

	static final String REFNIS = "http://vocab.belgif.be/auth/refnis";

	private static final Map<String, String> LEVELS = Map.of("Lokaal", "LOKAAL", "Vlaams", "VLAAMS", "Provinciaal",
			"PROVINCIAAL", "Federaal", "FEDERAAL", "Europees", "FEDERAAL");

	private LpdcReader() {
	}

	/** The instances of the file, in the order of their URIs. */
	public static List<LpdcInstance> read(byte[] content) {
		Model model = parse(content);
		List<LpdcInstance> instances = new ArrayList<>();
		model.listSubjectsWithProperty(RDF.type, model.createResource(LPDC + "InstancePublicService"))
			.forEach(subject -> instances.add(instance(subject)));
		if (instances.isEmpty()) {
			throw new LpdcRejectedException(Reason.of("rights.lpdc.refused.none"));
		}
		instances.sort(Comparator.comparing(LpdcInstance::uri));
		return instances;
	}

	/** The file as an RDF model; refused when it is not JSON-LD. */
	static Model parse(byte[] content) {
		Model model = ModelFactory.createDefaultModel();
		JsonLdOptions options = new JsonLdOptions((url, loaderOptions) -> {
			throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "remote context " + url);
		});
		Context context = new Context();
		context.set(LangJSONLD11.JSONLD_OPTIONS, options);
		try {
			RDFParser.create()
				.source(new ByteArrayInputStream(content))
				.lang(Lang.JSONLD11)
				.base("urn:obmi:lpdc:")
				.context(context)
				.parse(model);
		}
		catch (RiotException | IllegalArgumentException ex) {
			String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			// the text ends its own sentence: no ".." before "Er is niets geïmporteerd."
			message = message.strip().replaceAll("\\.+$", "");
			throw new LpdcRejectedException(Reason.of("rights.lpdc.refused.syntax",
					message.length() > 300 ? message.substring(0, 300) + "…" : message));
		}
		return model;
	}

	private static LpdcInstance instance(Resource subject) {
		String uri = subject.isURIResource() ? subject.getURI() : "";
		if (!uri.matches("https?://\\S{3,480}")) {
			throw new LpdcRejectedException(Reason.of("rights.lpdc.refused.uri", uri.isEmpty() ? "?" : uri));
		}
		String title = dutch(subject, DCT + "title");
		if (title.isEmpty()) {
			throw new LpdcRejectedException(Reason.of("rights.lpdc.refused.missing", uri, "dct:title"));
		}
		List<Resource> requirements = ordered(subject, PS + "hasRequirement");
		String conditions = requirements.stream().map(LpdcReader::titled).collect(Collectors.joining("\n"));
		String documents = requirements.stream()
			.map(requirement -> Optional
				.ofNullable(requirement.getPropertyResourceValue(prop(M8G + "hasSupportingEvidence"))))
			.flatMap(Optional::stream)
			.map(LpdcReader::titled)
			.collect(Collectors.joining("\n"));
		String procedure = ordered(subject, CPSV + "follows").stream()
			.map(rule -> titled(rule) + websites(rule))
			.collect(Collectors.joining("\n"));
		List<String> advantages = new ArrayList<>();
		ordered(subject, CPSV + "produces").forEach(advantage -> advantages.add(titled(advantage)));
		ordered(subject, M8G + "hasCost").forEach(cost -> advantages.add("Kosten: " + titled(cost)));
		String contact = ordered(subject, M8G + "hasContactPoint").stream()
			.map(LpdcReader::contact)
			.collect(Collectors.joining("\n"));
		List<Resource> legal = ordered(subject, M8G + "hasLegalResource");
		String legalUrl = legal.stream()
			.map(resource -> plain(resource, SCHEMA + "url"))
			.filter(url -> url.matches("https?://\\S{3,490}"))
			.findFirst()
			.orElse("");
		String legalTitle = legal.stream()
			.map(resource -> dutch(resource, DCT + "title"))
			.filter(text -> !text.isEmpty())
			.findFirst()
			.orElse(dutch(subject, LPDC + "regulation"));
		List<String> levels = codes(subject, LPDC + "competentAuthorityLevel", "BevoegdBestuursniveau/");
		return new LpdcInstance(uri, plain(subject, MU + "uuid"), iri(subject, DCT + "source"),
				codes(subject, DCT + "type", "Type/").stream().findFirst().orElse(""), limit(title, 200),
				limit(dutch(subject, DCT + "description"), 4000),
				levels.stream().map(LEVELS::get).filter(level -> level != null).findFirst().orElse("LOKAAL"),
				codes(subject, M8G + "thematicArea", "Thema/"), codes(subject, LPDC + "targetAudience", "Doelgroep/"),
				limit(conditions, 4000), limit(procedure, 4000), limit(documents, 4000), limit(contact, 1000),
				limit(String.join("\n", advantages), 1000), legalUrl, limit(legalTitle, 300),
				day(subject, SCHEMA + "startDate", uri), day(subject, SCHEMA + "endDate", uri),
				codes(subject, LPDC + "publicationMedium", "PublicatieKanaal/"), nisCodes(subject));
	}

	/** "title: description" of a requirement, procedure, cost, advantage or evidence. */
	private static String titled(Resource resource) {
		String title = dutch(resource, DCT + "title");
		String description = dutch(resource, DCT + "description");
		return title.isEmpty() ? description : description.isEmpty() ? title : title + ": " + description;
	}

	private static String websites(Resource rule) {
		List<String> urls = ordered(rule, LPDC + "hasWebsite").stream()
			.map(site -> plain(site, SCHEMA + "url"))
			.filter(url -> !url.isEmpty())
			.toList();
		return urls.isEmpty() ? "" : " (" + String.join(", ", urls) + ")";
	}

	private static String contact(Resource point) {
		List<String> parts = new ArrayList<>();
		for (String property : List.of("email", "telephone", "url", "openingHours")) {
			String value = plain(point, SCHEMA + property);
			if (!value.isEmpty()) {
				parts.add(value);
			}
		}
		Resource address = point.getPropertyResourceValue(prop(LPDC + "address"));
		if (address != null) {
			String street = (dutch(address, ADRES + "Straatnaam") + " "
					+ plain(address, ADRES + "Adresvoorstelling.huisnummer"))
				.strip();
			String place = (plain(address, ADRES + "postcode") + " " + dutch(address, ADRES + "gemeentenaam")).strip();
			parts.add(String.join(", ", List.of(street, place).stream().filter(text -> !text.isEmpty()).toList()));
		}
		return String.join(" · ", parts);
	}

	/** The objects of a property, in their {@code sh:order}. */
	private static List<Resource> ordered(Resource subject, String property) {
		List<Resource> values = new ArrayList<>();
		subject.listProperties(prop(property)).forEach(statement -> {
			if (statement.getObject().isResource()) {
				values.add(statement.getObject().asResource());
			}
		});
		values.sort(Comparator.comparingInt(LpdcReader::order));
		return values;
	}

	private static int order(Resource resource) {
		RDFNode order = Optional.ofNullable(resource.getProperty(prop(SH + "order")))
			.map(statement -> statement.getObject())
			.orElse(null);
		try {
			return order != null && order.isLiteral() ? order.asLiteral().getInt() : Integer.MAX_VALUE;
		}
		catch (RuntimeException ex) {
			return Integer.MAX_VALUE;
		}
	}

	/**
	 * The Dutch text of a language-tagged property (nl, then the informal and formal
	 * variants LPDC writes), without HTML.
	 */
	static String dutch(Resource subject, String property) {
		List<Literal> literals = new ArrayList<>();
		subject.listProperties(prop(property)).forEach(statement -> {
			if (statement.getObject().isLiteral()) {
				literals.add(statement.getObject().asLiteral());
			}
		});
		List<String> preference = List.of("nl", "nl-be-x-informal", "nl-be-x-formal", "nl-be-x-generated-informal",
				"nl-be-x-generated-formal", "");
		for (String language : preference) {
			for (Literal literal : literals) {
				if (literal.getLanguage().equalsIgnoreCase(language)) {
					return text(literal.getString());
				}
			}
		}
		return literals.stream()
			.filter(literal -> literal.getLanguage().toLowerCase().startsWith("nl"))
			.findFirst()
			.map(literal -> text(literal.getString()))
			.orElse("");
	}

	private static String plain(Resource subject, String property) {
		var statement = subject.getProperty(prop(property));
		if (statement == null) {
			return "";
		}
		RDFNode node = statement.getObject();
		return (node.isLiteral() ? node.asLiteral().getLexicalForm()
				: node.isURIResource() ? node.asResource().getURI() : "")
			.strip();
	}

	private static String iri(Resource subject, String property) {
		Resource value = subject.getPropertyResourceValue(prop(property));
		return value != null && value.isURIResource() ? limit(value.getURI(), 500) : "";
	}

	/** The local codes of concept IRIs under {@code CONCEPT + scheme}. */
	private static List<String> codes(Resource subject, String property, String scheme) {
		List<String> codes = new ArrayList<>();
		subject.listProperties(prop(property)).forEach(statement -> {
			if (statement.getObject().isURIResource()) {
				String value = statement.getObject().asResource().getURI();
				String code = value.startsWith(CONCEPT + scheme) ? value.substring((CONCEPT + scheme).length())
						: value.substring(Math.max(value.lastIndexOf('/'), value.lastIndexOf('#')) + 1);
				codes.add(code);
			}
		});
		return codes.stream().sorted().toList();
	}

	private static List<String> nisCodes(Resource subject) {
		List<String> codes = new ArrayList<>();
		subject.listProperties(prop(DCT + "spatial")).forEach(statement -> {
			if (statement.getObject().isURIResource()) {
				String value = statement.getObject().asResource().getURI();
				if (value.startsWith(REFNIS)) {
					codes.add(value.substring(value.lastIndexOf('/') + 1));
				}
			}
		});
		return codes.stream().sorted().toList();
	}

	private static LocalDate day(Resource subject, String property, String uri) {
		String value = plain(subject, property);
		if (value.isEmpty()) {
			return null;
		}
		try {
			return value.length() <= 10 ? LocalDate.parse(value) : OffsetDateTime.parse(value).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			throw new LpdcRejectedException(Reason.of("rights.lpdc.refused.date", uri, property, value));
		}
	}

	/** The text without HTML tags and with the common entities resolved. */
	static String text(String html) {
		String text = html.replaceAll("(?i)<br\\s*/?>|</p>|</li>", "\n")
			.replaceAll("<[^>]*>", "")
			.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
		return text.replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
	}

	private static String limit(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	private static Property prop(String uri) {
		return ResourceFactory.createProperty(uri);
	}

}
