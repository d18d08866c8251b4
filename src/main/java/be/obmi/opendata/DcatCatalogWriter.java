package be.obmi.opendata;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.apache.jena.rdf.model.Literal;

/**
 * Writes a {@link CatalogDescription} as a DCAT-AP 3 catalogue in Turtle or JSON-LD.
 * Every resource that DCAT-AP's SHACL shapes constrain with {@code sh:class} carries that
 * class explicitly (licences, media types, themes, languages, locations, agents, contact
 * points, documents), because SHACL validation does no inference.
 */
public final class DcatCatalogWriter {

	private static final String FOAF = "http://xmlns.com/foaf/0.1/";

	private static final String LANGUAGE_AUTHORITY = "http://publications.europa.eu/resource/authority/language/";

	private static final String ADMS_PUBLISHER_TYPE = "http://purl.org/adms/publishertype/LocalAuthority";

	public String turtleMediaType() {
		return "text/turtle";
	}

	public String jsonLdMediaType() {
		return "application/ld+json";
	}

	public void writeTurtle(CatalogDescription catalog, OutputStream out) {
		RDFDataMgr.write(out, model(catalog), RDFFormat.TURTLE_PRETTY);
	}

	public void writeJsonLd(CatalogDescription catalog, OutputStream out) {
		RDFDataMgr.write(out, model(catalog), RDFFormat.JSONLD11_PRETTY);
	}

	/** The catalogue as an RDF model. */
	public Model model(CatalogDescription catalog) {
		var model = ModelFactory.createDefaultModel();
		model.setNsPrefix("dcat", DCAT.NS);
		model.setNsPrefix("dct", DCTerms.NS);
		model.setNsPrefix("foaf", FOAF);
		model.setNsPrefix("vcard", VCARD4.NS);
		model.setNsPrefix("skos", SKOS.uri);
		model.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
		var typed = new HashSet<String>();
		var root = model.createResource(catalog.uri(), DCAT.Catalog);
		literals(root, DCTerms.title, catalog.title());
		literals(root, DCTerms.description, catalog.description());
		var publisher = publisher(model, catalog.publisher());
		root.addProperty(DCTerms.publisher, publisher);
		if (catalog.homepage() != null) {
			root.addProperty(model.createProperty(FOAF, "homepage"), document(model, catalog.homepage()));
		}
		for (var language : catalog.languages()) {
			root.addProperty(DCTerms.language, language(model, language));
		}
		if (catalog.modified() != null) {
			root.addProperty(DCTerms.modified, date(model, catalog.modified()));
		}
		root.addProperty(DCTerms.license, licence(model, catalog.licence()));
		var scheme = model.createResource(DataTheme.SCHEME, SKOS.ConceptScheme);
		scheme.addProperty(DCTerms.title, model.createLiteral("Data theme", "en"));
		root.addProperty(DCAT.themeTaxonomy, scheme);
		Resource service = null;
		if (catalog.service() != null) {
			service = service(model, catalog, publisher);
			root.addProperty(DCAT.service, service);
		}
		for (var dataset : catalog.datasets()) {
			var node = dataset(model, catalog, dataset, publisher, service, typed);
			root.addProperty(DCAT.dataset, node);
			if (service != null) {
				service.addProperty(DCAT.servesDataset, node);
			}
		}
		return model;
	}

	private static Resource service(Model model, CatalogDescription catalog, Resource publisher) {
		var description = catalog.service();
		var service = model.createResource(description.uri(), DCAT.DataService);
		literals(service, DCTerms.title, description.title());
		literals(service, DCTerms.description, description.description());
		service.addProperty(DCAT.endpointURL, webResource(model, description.endpointUrl()));
		if (description.endpointDescription() != null) {
			service.addProperty(DCAT.endpointDescription, webResource(model, description.endpointDescription()));
		}
		service.addProperty(DCTerms.publisher, publisher);
		service.addProperty(DCTerms.license, licence(model, catalog.licence()));
		return service;
	}

	private static Resource dataset(Model model, CatalogDescription catalog,
			CatalogDescription.DatasetDescription dataset, Resource publisher, Resource service, Set<String> typed) {
		var node = model.createResource(dataset.uri(), DCAT.Dataset);
		if (dataset.identifier() != null) {
			node.addProperty(DCTerms.identifier, dataset.identifier());
		}
		literals(node, DCTerms.title, dataset.title());
		literals(node, DCTerms.description, dataset.description());
		node.addProperty(DCTerms.publisher, publisher);
		for (var theme : dataset.themes()) {
			var concept = model.createResource(theme.uri(), SKOS.Concept);
			if (typed.add(theme.uri())) {
				literals(concept, SKOS.prefLabel, theme.label());
				concept.addProperty(SKOS.inScheme, model.createResource(DataTheme.SCHEME));
			}
			node.addProperty(DCAT.theme, concept);
		}
		for (var entry : dataset.keywords().entrySet()) {
			for (var keyword : entry.getValue()) {
				node.addProperty(DCAT.keyword, model.createLiteral(keyword, entry.getKey()));
			}
		}
		if (dataset.contactPoint() != null) {
			node.addProperty(DCAT.contactPoint, contactPoint(model, dataset.contactPoint()));
		}
		if (dataset.temporalStart() != null || dataset.temporalEnd() != null) {
			var period = model.createResource(DCTerms.PeriodOfTime);
			if (dataset.temporalStart() != null) {
				period.addProperty(DCAT.startDate, date(model, dataset.temporalStart()));
			}
			if (dataset.temporalEnd() != null) {
				period.addProperty(DCAT.endDate, date(model, dataset.temporalEnd()));
			}
			node.addProperty(DCTerms.temporal, period);
		}
		if (dataset.spatial() != null) {
			node.addProperty(DCTerms.spatial, model.createResource(dataset.spatial(), DCTerms.Location));
		}
		if (dataset.modified() != null) {
			node.addProperty(DCTerms.modified, date(model, dataset.modified()));
		}
		if (dataset.landingPage() != null) {
			node.addProperty(DCAT.landingPage, document(model, dataset.landingPage()));
		}
		for (var language : catalog.languages()) {
			node.addProperty(DCTerms.language, language(model, language));
		}
		for (var distribution : dataset.distributions()) {
			node.addProperty(DCAT.distribution, distribution(model, catalog, distribution, service));
		}
		return node;
	}

	private static Resource distribution(Model model, CatalogDescription catalog,
			CatalogDescription.DistributionDescription description, Resource service) {
		var node = model.createResource(description.uri(), DCAT.Distribution);
		literals(node, DCTerms.title, description.title());
		node.addProperty(DCAT.accessURL, webResource(model, description.accessUrl()));
		if (description.downloadUrl() != null) {
			node.addProperty(DCAT.downloadURL, webResource(model, description.downloadUrl()));
		}
		var format = description.format();
		if (format.mediaTypeUri() != null) {
			node.addProperty(DCAT.mediaType, model.createResource(format.mediaTypeUri(), DCTerms.MediaType));
		}
		if (format.fileTypeUri() != null) {
			node.addProperty(DCTerms.format, model.createResource(format.fileTypeUri(), DCTerms.MediaTypeOrExtent));
		}
		if (format.standardUri() != null) {
			node.addProperty(DCTerms.conformsTo, model.createResource(format.standardUri(), DCTerms.Standard));
		}
		node.addProperty(DCTerms.license, licence(model, catalog.licence()));
		if (service != null) {
			node.addProperty(DCAT.accessService, service);
		}
		return node;
	}

	private static Resource publisher(Model model, CatalogDescription.Publisher description) {
		var agent = model.createResource(description.uri(), model.createResource(FOAF + "Agent"));
		agent.addProperty(RDF.type, model.createResource(FOAF + "Organization"));
		literals(agent, model.createProperty(FOAF, "name"), description.name());
		if (description.nisCode() != null) {
			agent.addProperty(DCTerms.identifier, description.nisCode());
		}
		var type = model.createResource(ADMS_PUBLISHER_TYPE, SKOS.Concept);
		type.addProperty(SKOS.prefLabel, model.createLiteral("Local Authority", "en"));
		agent.addProperty(DCTerms.type, type);
		return agent;
	}

	private static Resource contactPoint(Model model, CatalogDescription.ContactPoint description) {
		var kind = description.uri() == null ? model.createResource(VCARD4.Kind)
				: model.createResource(description.uri(), VCARD4.Kind);
		kind.addProperty(RDF.type, VCARD4.Organization);
		kind.addProperty(VCARD4.fn, description.name());
		if (description.email() != null) {
			kind.addProperty(VCARD4.hasEmail, model.createResource("mailto:" + description.email()));
		}
		if (description.url() != null) {
			kind.addProperty(VCARD4.hasURL, model.createResource(description.url()));
		}
		return kind;
	}

	private static Resource licence(Model model, String uri) {
		return model.createResource(uri, DCTerms.LicenseDocument);
	}

	private static Resource language(Model model, String language) {
		var code = switch (language.toLowerCase(Locale.ROOT)) {
			case "nl" -> "NLD";
			case "en" -> "ENG";
			case "fr" -> "FRA";
			case "de" -> "DEU";
			case "sv" -> "SWE";
			default -> language.toUpperCase(Locale.ROOT);
		};
		return model.createResource(LANGUAGE_AUTHORITY + code, DCTerms.LinguisticSystem);
	}

	private static Resource document(Model model, String uri) {
		return model.createResource(uri, model.createResource(FOAF + "Document"));
	}

	/**
	 * A web address typed as rdfs:Resource, which DCAT-AP 3.0.0 requires with sh:class
	 * for URLs.
	 */
	private static Resource webResource(Model model, String uri) {
		return model.createResource(uri, RDFS.Resource);
	}

	private static Literal date(Model model, LocalDate date) {
		return model.createTypedLiteral(date.toString(), XSDDatatype.XSDdate);
	}

	private static void literals(Resource subject, Property property, LocalizedText text) {
		if (text == null) {
			return;
		}
		for (var entry : text.byLanguage().entrySet()) {
			subject.addProperty(property, subject.getModel().createLiteral(entry.getValue(), entry.getKey()));
		}
	}

}
