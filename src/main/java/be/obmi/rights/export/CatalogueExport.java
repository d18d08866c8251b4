package be.obmi.rights.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import be.obmi.rights.catalogue.CityParameters;
import be.obmi.rights.catalogue.Publication;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.tenancy.Tenant;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A city's catalogue of rights as linked data in OSLO/CPSV-AP terms (JSON-LD): every
 * published right it offers (its own and the shared ones) as a {@code cpsv:PublicService}
 * with its competent authority, requirement and evidence, procedure, output, legal
 * resource, contact point, territory, period and LPDC source, and each published rule
 * version as a {@code cpsv:Rule} (with the city's top-up values). The shape the project
 * keeps ({@value #SHAPE}) describes what the export guarantees; {@link #validate} checks
 * a document against it. Nothing here names a person.
 */
@Service
public class CatalogueExport {

	/** The SHACL shape of the export, on the class path. */
	public static final String SHAPE = "rights/cpsv-ap-rights-shape.ttl";

	static final String CPSV = "http://purl.org/vocab/cpsv#";

	static final String M8G = "http://data.europa.eu/m8g/";

	static final String ELI = "http://data.europa.eu/eli/ontology#";

	static final String SCHEMA = "http://schema.org/";

	static final String DCAT = "http://www.w3.org/ns/dcat#";

	static final String REFNIS = "http://vocab.belgif.be/auth/refnis2019/";

	private static final Shapes SHAPES = Shapes.parse(loadShape());

	private final Rights rights;

	private final Publication publication;

	private final CityParameters parameters;

	private final JdbcClient jdbc;

	CatalogueExport(Rights rights, Publication publication, CityParameters parameters, JdbcClient jdbc) {
		this.rights = rights;
		this.publication = publication;
		this.parameters = parameters;
		this.jdbc = jdbc;
	}

	/** The published rights the city offers, as JSON-LD. */
	public byte[] jsonLd(Tenant tenant, String base) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RDFDataMgr.write(out, model(tenant, base), RDFFormat.JSONLD11_PRETTY);
		return out.toByteArray();
	}

	/** The published rights the city offers, as an RDF model. */
	public Model model(Tenant tenant, String base) {
		Model model = ModelFactory.createDefaultModel();
		model.setNsPrefix("cpsv", CPSV);
		model.setNsPrefix("m8g", M8G);
		model.setNsPrefix("eli", ELI);
		model.setNsPrefix("dct", DCTerms.NS);
		model.setNsPrefix("skos", SKOS.uri);
		model.setNsPrefix("schema", SCHEMA);
		model.setNsPrefix("dcat", DCAT);
		model.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
		String root = base + "/" + tenant.slug() + "/rechtenverkenner/catalogus";
		Resource city = model.createResource(base + "/" + tenant.slug())
			.addProperty(RDF.type, model.createResource(M8G + "PublicOrganisation"))
			.addProperty(SKOS.prefLabel, tenant.name(), "nl");
		if (tenant.nisCode() != null) {
			city.addProperty(DCTerms.spatial, model.createResource(REFNIS + tenant.nisCode()));
		}
		Map<Long, String[]> lpdc = lpdc(tenant.id());
		for (RightEntry right : rights.visibleTo(tenant.id())) {
			if (right.published()) {
				service(model, root, city, tenant, right, lpdc.get(right.id()));
			}
		}
		return model;
	}

	private void service(Model model, String root, Resource city, Tenant tenant, RightEntry right, String[] lpdc) {
		String uri = root + "/" + (right.shared() ? "gedeeld/" : "") + right.code();
		Resource service = model.createResource(uri)
			.addProperty(RDF.type, model.createResource(CPSV + "PublicService"))
			.addProperty(DCTerms.identifier, right.code())
			.addProperty(DCTerms.title, right.title(), "nl")
			.addProperty(DCTerms.description, right.description().isEmpty() ? right.title() : right.description(), "nl")
			.addProperty(p(M8G + "hasCompetentAuthority"), authority(model, root, city, right))
			.addProperty(DCTerms.type, model
				.createResource("https://productencatalogus.data.vlaanderen.be/id/concept/Type/FinancieelVoordeel"));
		if (!right.theme().isEmpty()) {
			service.addProperty(p(DCAT + "keyword"), right.theme(), "nl");
		}
		if (!right.targetGroup().isEmpty()) {
			service.addProperty(p(M8G + "audience"), right.targetGroup(), "nl");
		}
		service.addProperty(DCTerms.spatial, model.createResource(
				right.shared() ? REFNIS + "02000" : tenant.nisCode() == null ? root : REFNIS + tenant.nisCode()));
		if (!right.ficheConditions().isEmpty()) {
			Resource requirement = model.createResource(uri + "#requirement")
				.addProperty(RDF.type, model.createResource(M8G + "Requirement"))
				.addProperty(DCTerms.description, right.ficheConditions(), "nl");
			if (!right.ficheDocuments().isEmpty()) {
				requirement.addProperty(p(M8G + "hasSupportingEvidence"),
						model.createResource(uri + "#evidence")
							.addProperty(RDF.type, model.createResource(M8G + "Evidence"))
							.addProperty(DCTerms.description, right.ficheDocuments(), "nl"));
			}
			service.addProperty(p(M8G + "holdsRequirement"), requirement);
		}
		if (!right.ficheProcedure().isEmpty()) {
			service.addProperty(p(CPSV + "follows"),
					model.createResource(uri + "#procedure")
						.addProperty(RDF.type, model.createResource(CPSV + "Rule"))
						.addProperty(DCTerms.title, "Procedure", "nl")
						.addProperty(DCTerms.description, right.ficheProcedure(), "nl"));
		}
		Map<String, BigDecimal> topUp = right.shared() ? parameters.of(tenant.id(), right.id()) : Map.of();
		for (RuleVersion version : publication.versions(right.id(), true)) {
			service.addProperty(p(CPSV + "follows"), rule(model, uri, version, topUp));
		}
		if (!right.ficheAdvantage().isEmpty()) {
			service.addProperty(p(CPSV + "produces"),
					model.createResource(uri + "#output")
						.addProperty(RDF.type, model.createResource(M8G + "Output"))
						.addProperty(DCTerms.description, right.ficheAdvantage(), "nl"));
		}
		if (!right.legalUrl().isEmpty()) {
			Resource legal = model.createResource(right.legalUrl())
				.addProperty(RDF.type, model.createResource(ELI + "LegalResource"));
			if (!right.legalTitle().isEmpty()) {
				legal.addProperty(DCTerms.title, right.legalTitle(), "nl");
			}
			service.addProperty(p(M8G + "hasLegalResource"), legal);
		}
		if (!right.ficheContact().isEmpty()) {
			service.addProperty(p(M8G + "hasContactPoint"),
					model.createResource(uri + "#contact")
						.addProperty(RDF.type, model.createResource(SCHEMA + "ContactPoint"))
						.addProperty(DCTerms.description, right.ficheContact(), "nl"));
		}
		if (right.validFrom() != null || right.validTo() != null) {
			Resource period = model.createResource(uri + "#period").addProperty(RDF.type, DCTerms.PeriodOfTime);
			date(period, DCAT + "startDate", right.validFrom());
			date(period, DCAT + "endDate", right.validTo());
			service.addProperty(DCTerms.temporal, period);
		}
		if (lpdc != null) {
			service.addProperty(DCTerms.source, model.createResource(lpdc[0]));
			if (lpdc[1] != null) {
				service.addProperty(DCTerms.relation, model.createResource(lpdc[1]));
			}
		}
	}

	private static Resource authority(Model model, String root, Resource city, RightEntry right) {
		if (!right.shared()) {
			return city;
		}
		String level = right.level().toLowerCase();
		return model.createResource(root + "/overheid/" + level)
			.addProperty(RDF.type, model.createResource(M8G + "PublicOrganisation"))
			.addProperty(SKOS.prefLabel, switch (right.level()) {
				case "FEDERAAL" -> "Federale overheid";
				case "PROVINCIAAL" -> "Provinciebestuur";
				case "LOKAAL" -> "Lokaal bestuur";
				default -> "Vlaamse overheid";
			}, "nl");
	}

	private static Resource rule(Model model, String uri, RuleVersion version, Map<String, BigDecimal> topUp) {
		Resource rule = model.createResource(uri + "#rule-" + version.id())
			.addProperty(RDF.type, model.createResource(CPSV + "Rule"))
			.addProperty(DCTerms.title, "Voorwaarden vanaf " + version.validFrom(), "nl")
			.addProperty(DCTerms.description, version.decisionTable() ? "DMN-beslissingstabel" : version.rule(), "nl");
		Resource period = model.createResource(uri + "#rule-" + version.id() + "-period")
			.addProperty(RDF.type, DCTerms.PeriodOfTime);
		date(period, DCAT + "startDate", version.validFrom());
		date(period, DCAT + "endDate", version.validTo());
		rule.addProperty(DCTerms.temporal, period);
		if (version.legalBasis().matches("https?://\\S+")) {
			rule.addProperty(p(M8G + "hasLegalResource"), model.createResource(version.legalBasis())
				.addProperty(RDF.type, model.createResource(ELI + "LegalResource")));
		}
		topUp.forEach((name, value) -> rule.addProperty(p(SCHEMA + "additionalProperty"), model.createResource()
			.addProperty(RDF.type, model.createResource(SCHEMA + "PropertyValue"))
			.addProperty(p(SCHEMA + "name"), name)
			.addLiteral(p(SCHEMA + "value"), model.createTypedLiteral(value.toPlainString(), XSDDatatype.XSDdecimal))));
		return rule;
	}

	private static void date(Resource period, String property, LocalDate day) {
		if (day != null) {
			period.addLiteral(p(property), period.getModel().createTypedLiteral(day.toString(), XSDDatatype.XSDdate));
		}
	}

	/** The LPDC id and concept of the city's imported rights, by right id. */
	private Map<Long, String[]> lpdc(long tenantId) {
		Map<Long, String[]> ids = new HashMap<>();
		jdbc.sql("select id, lpdc_id, lpdc_concept from rights.right_entry where tenant_id = ? and lpdc_id is not null")
			.param(tenantId)
			.query((rs, row) -> ids.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) }))
			.list();
		return ids;
	}

	/** The shape of the export in Turtle. */
	public static byte[] shape() {
		try (InputStream in = CatalogueExport.class.getClassLoader().getResourceAsStream(SHAPE)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The SHACL report of a graph against the export's shape. */
	public static ValidationReport validate(Graph graph) {
		return ShaclValidator.get().validate(SHAPES, graph);
	}

	private static Graph loadShape() {
		Model shape = ModelFactory.createDefaultModel();
		RDFDataMgr.read(shape, new ByteArrayInputStream(shape()), Lang.TURTLE);
		return shape.getGraph();
	}

	private static Property p(String uri) {
		return ResourceFactory.createProperty(uri);
	}

}
