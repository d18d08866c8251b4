package be.obmi.privacy.importing;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.UUID;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import be.obmi.privacy.domain.ActivityContent;
import be.obmi.privacy.domain.ActivityView;

/**
 * A register as RDF in OSLO Toestemming and W3C DPV terms (Turtle or JSON-LD): each
 * activity a {@code toestemming:VerwerkingsActiviteit} (and {@code dpv:Process}) with its
 * purpose, legal bases as DPV-GDPR IRIs ({@code eu-gdpr:A6-1-e}), data subjects, data
 * categories (special categories as {@code dpv:SpecialCategoryPersonalData}), recipients,
 * transfers, retention, measures and controller. Only what the {@link ActivityView}s show
 * is written: the public register passes views through its mask, the staff export views
 * of everything. The mapping is in docs/formats/privacy-register.md; the shape
 * {@code privacy/register-shapes.ttl} checks it.
 */
public final class RegisterRdf {

	public static final String TOESTEMMING = "http://data.vlaanderen.be/ns/toestemming#";

	public static final String DPV = "https://w3id.org/dpv#";

	public static final String EU_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#";

	static final String FOAF = "http://xmlns.com/foaf/0.1/";

	static final String SCHEMA = "https://schema.org/";

	static final String COUNTRY = "http://publications.europa.eu/resource/authority/country/";

	/**
	 * The register to write.
	 *
	 * @param base the address of the application, e.g. {@code https://obmi.example.be}
	 * @param slug the tenant's slug
	 * @param controller the city's name (the controller unless an organisation acts)
	 * @param activities the views to write
	 * @param actingOrganisations by activity, the linked organisation acting (staff
	 * export only)
	 */
	public record Register(String base, String slug, String controller, List<ActivityView> activities,
			Map<UUID, String> actingOrganisations) {
	}

	private RegisterRdf() {
	}

	public static byte[] turtle(Register register) {
		return write(model(register), RDFFormat.TURTLE_PRETTY);
	}

	public static byte[] jsonLd(Register register) {
		return write(model(register), RDFFormat.JSONLD11_PRETTY);
	}

	private static byte[] write(Model model, RDFFormat format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RDFDataMgr.write(out, model, format);
		return out.toByteArray();
	}

	/** The register as an RDF model. */
	public static Model model(Register register) {
		Model model = ModelFactory.createDefaultModel();
		model.setNsPrefix("toestemming", TOESTEMMING);
		model.setNsPrefix("dpv", DPV);
		model.setNsPrefix("eu-gdpr", EU_GDPR);
		model.setNsPrefix("dct", DCTerms.NS);
		model.setNsPrefix("rdfs", RDFS.uri);
		model.setNsPrefix("foaf", FOAF);
		model.setNsPrefix("schema", SCHEMA);
		model.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
		for (ActivityView view : register.activities()) {
			activity(model, register, view);
		}
		return model;
	}

	private static void activity(Model model, Register register, ActivityView v) {
		Resource node = model.createResource(
				register.base() + "/" + register.slug() + "/privacy/publiek/" + v.publicId(),
				model.createResource(TOESTEMMING + "VerwerkingsActiviteit"));
		node.addProperty(RDF.type, dpv(model, "Process"));
		node.addProperty(DCTerms.identifier, v.publicId().toString());
		node.addProperty(DCTerms.title, v.name(), "nl");
		node.addProperty(model.createProperty(SCHEMA, "audience"), v.audience());
		node.addLiteral(DCTerms.modified, model.createTypedLiteral(v.validFrom().toString(), XSDDatatype.XSDdate));
		if (v.purpose() != null) {
			node.addProperty(dpvProperty(model, "hasPurpose"),
					model.createResource(dpv(model, "Purpose")).addProperty(DCTerms.description, v.purpose(), "nl"));
		}
		bases(model, node, v.legalBases());
		bases(model, node, v.specialCategoryConditions());
		labelled(model, node, "hasDataSubject", "DataSubject", v.dataSubjects());
		labelled(model, node, "hasRecipient", "Recipient", v.recipients());
		labelled(model, node, "hasTechnicalOrganisationalMeasure", "TechnicalOrganisationalMeasure",
				v.securityMeasures());
		labelled(model, node, "isImplementedUsingTechnology", "Technology", v.systems());
		labelled(model, node, "hasDataSource", "DataSource", v.source() == null ? null : List.of(v.source()));
		labelled(model, node, "hasResponsibleEntity", "Entity",
				v.responsibleService() == null ? null : List.of(v.responsibleService()));
		labelled(model, node, "hasDataProtectionOfficer", "DataProtectionOfficer",
				v.dpoContact() == null ? null : List.of(v.dpoContact()));
		if (v.retention() != null) {
			node.addProperty(dpvProperty(model, "hasStorageCondition"), storage(model, v.retention()));
		}
		categories(model, node, v.dataCategories());
		transfers(model, node, v.transfers());
		controller(model, register, node, v);
	}

	private static void bases(Model model, Resource node, List<String> codes) {
		if (codes == null) {
			return;
		}
		Property basis = dpvProperty(model, "hasLegalBasis");
		Property ground = model.createProperty(TOESTEMMING, "verwerkingsgrond");
		for (String code : codes) {
			Resource term = model.createResource(EU_GDPR + code);
			node.addProperty(basis, term);
			node.addProperty(ground, term);
		}
	}

	private static void labelled(Model model, Resource node, String property, String type, List<String> labels) {
		if (labels == null) {
			return;
		}
		for (String label : labels) {
			if (label != null && !label.isBlank()) {
				node.addProperty(dpvProperty(model, property),
						model.createResource(dpv(model, type)).addProperty(RDFS.label, label, "nl"));
			}
		}
	}

	private static void categories(Model model, Resource node, List<ActivityContent.DataCategory> categories) {
		if (categories == null) {
			return;
		}
		for (ActivityContent.DataCategory category : categories) {
			Resource data = model
				.createResource(dpv(model, category.sensitive() ? "SpecialCategoryPersonalData" : "PersonalData"))
				.addProperty(RDFS.label, category.name(), "nl");
			if (category.retention() != null && !category.retention().isBlank()) {
				data.addProperty(dpvProperty(model, "hasStorageCondition"), storage(model, category.retention()));
			}
			node.addProperty(dpvProperty(model, "hasPersonalData"), data);
		}
	}

	private static void transfers(Model model, Resource node, List<ActivityContent.Transfer> transfers) {
		if (transfers == null) {
			return;
		}
		for (ActivityContent.Transfer transfer : transfers) {
			Resource safeguard = model.createResource(dpv(model, "SafeguardForDataTransfer"));
			if (transfer.safeguard() != null) {
				safeguard.addProperty(RDFS.label, transfer.safeguard(), "nl");
			}
			if (transfer.country() != null) {
				Resource country = model.createResource(COUNTRY + alpha3(transfer.country()));
				node.addProperty(dpvProperty(model, "hasThirdCountry"), country);
				safeguard.addProperty(dpvProperty(model, "hasCountry"), country);
			}
			node.addProperty(dpvProperty(model, "hasTechnicalOrganisationalMeasure"), safeguard);
		}
	}

	private static void controller(Model model, Register register, Resource node, ActivityView v) {
		String acting = register.actingOrganisations().get(v.publicId());
		Resource controller = model.createResource(dpv(model, "DataController"))
			.addProperty(model.createProperty(FOAF, "name"), acting != null ? acting : register.controller(), "nl");
		if (v.controller() != null) {
			controller.addProperty(RDFS.comment, v.controller(), "nl");
		}
		node.addProperty(dpvProperty(model, "hasDataController"), controller);
	}

	private static Resource storage(Model model, String retention) {
		return model.createResource(dpv(model, "StorageDuration")).addProperty(RDFS.label, retention, "nl");
	}

	private static String alpha3(String alpha2) {
		try {
			return Locale.of("", alpha2).getISO3Country();
		}
		catch (MissingResourceException ex) {
			return alpha2;
		}
	}

	private static Resource dpv(Model model, String name) {
		return model.createResource(DPV + name);
	}

	private static Property dpvProperty(Model model, String name) {
		return model.createProperty(DPV, name);
	}

}
