package be.obmi.buildings.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import be.obmi.buildings.domain.FicheContent;
import be.obmi.buildings.domain.FicheContent.DataElement;
import be.obmi.buildings.domain.FicheContent.Direction;
import be.obmi.buildings.domain.FicheContent.Mode;
import be.obmi.buildings.domain.FicheContent.RegisterInteraction;
import be.obmi.buildings.domain.FicheContent.RegisterObject;
import be.obmi.buildings.domain.FicheContent.Step;
import be.obmi.buildings.domain.FicheVocabulary;
import be.obmi.shared.tabular.ImportError;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A fiche as RDF in the Schillenboek vocabulary ({@code sb:},
 * docs/formats/schillenboek-fiche.md): {@link #model} writes its content, {@link #read}
 * reads it back. Sub-nodes have IRIs under the fiche's IRI ({@code #stap-1},
 * {@code #element-adres}, {@code #register-1}, {@code #rechtsgrond}), so the graph has no
 * blank nodes and what a file holds beyond what is read is easy to name. Lists of texts
 * are sets in RDF; they are read in alphabetical order.
 */
public final class FicheRdf {

	static final String SB = FicheVocabulary.LOCAL;

	static final String FOAF_PAGE = "http://xmlns.com/foaf/0.1/page";

	static final RDFDatatype JSON = TypeMapper.getInstance()
		.getSafeTypeByName("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON");

	private FicheRdf() {
	}

	/** The content as an RDF model. */
	public static Model model(FicheContent c) {
		Model m = ModelFactory.createDefaultModel();
		m.setNsPrefix("sb", SB);
		m.setNsPrefix("dcterms", DCTerms.NS);
		m.setNsPrefix("rdfs", RDFS.uri);
		String iri = FicheVocabulary.fiche(c.code());
		Resource f = m.createResource(iri, sb(m, "Fiche"));
		f.addProperty(DCTerms.identifier, c.code());
		f.addProperty(DCTerms.title, c.titleNl(), "nl");
		f.addProperty(DCTerms.title, c.titleEn(), "en");
		nl(f, DCTerms.abstract_, c.summary());
		if (c.legalBasis() != null) {
			Resource basis = m.createResource(iri + "#rechtsgrond", sb(m, "Rechtsgrond"))
				.addProperty(RDFS.label, c.legalBasis().title(), "nl")
				.addProperty(m.createProperty(FOAF_PAGE), m.createResource(c.legalBasis().url()));
			f.addProperty(p(m, "rechtsgrond"), basis);
		}
		texts(f, p(m, "aanleiding"), c.triggers());
		texts(f, p(m, "actor"), c.actors());
		texts(f, p(m, "dienst"), c.services());
		for (Step s : c.steps()) {
			Resource step = m.createResource(iri + "#stap-" + s.number(), sb(m, "Stap"))
				.addLiteral(p(m, "volgnummer"),
						m.createTypedLiteral(String.valueOf(s.number()), FicheVocabulary.XSD + "integer"));
			nl(step, DCTerms.description, s.text());
			nl(step, p(m, "actor"), s.actor());
			f.addProperty(p(m, "stap"), step);
		}
		for (DataElement e : c.elements()) {
			Resource element = m.createResource(iri + "#element-" + e.key(), sb(m, "Gegevenselement"))
				.addProperty(DCTerms.identifier, e.key())
				.addProperty(RDFS.label, e.label(), "nl")
				.addProperty(p(m, "richting"), sb(m, e.direction() == Direction.INPUT ? "Invoer" : "Uitvoer"))
				.addProperty(p(m, "klasse"), m.createResource(e.classIri()))
				.addProperty(p(m, "term"), m.createResource(e.termIri()))
				.addLiteral(p(m, "lokaleUitbreiding"), bool(m, e.localExtension()))
				.addProperty(p(m, "bereik"), m.createResource(e.range()))
				.addLiteral(p(m, "verplicht"), bool(m, e.required()))
				.addLiteral(p(m, "meervoudig"), bool(m, e.repeated()));
			nl(element, RDFS.comment, e.note());
			f.addProperty(p(m, "gegevenselement"), element);
		}
		for (RegisterInteraction r : c.registers()) {
			Resource register = m.createResource(iri + "#register-" + r.number(), sb(m, "Registerinteractie"))
				.addLiteral(p(m, "volgnummer"),
						m.createTypedLiteral(String.valueOf(r.number()), FicheVocabulary.XSD + "integer"))
				.addProperty(p(m, "registerobject"), m.createResource(r.object().iri()))
				.addProperty(p(m, "wijze"), sb(m, mode(r.mode())))
				.addLiteral(p(m, "leest"), bool(m, r.reads()))
				.addLiteral(p(m, "schrijft"), bool(m, r.writes()));
			nl(register, RDFS.comment, r.note());
			f.addProperty(p(m, "registerinteractie"), register);
		}
		nl(f, p(m, "frequentie"), c.frequency());
		nl(f, p(m, "volume"), c.volume());
		texts(f, p(m, "kwaliteitsprobleem"), c.qualityProblems());
		texts(f, p(m, "goedePraktijk"), c.bestPractices());
		if (c.examplePayload() != null) {
			f.addLiteral(p(m, "voorbeeldpayload"), m.createTypedLiteral(c.examplePayload(), JSON));
		}
		f.addProperty(p(m, "zichtbaarheid"), sb(m, c.publicFiche() ? "Publiek" : "Leden"));
		f.addLiteral(p(m, "voorbeeldgegevens"), bool(m, c.demo()));
		return m;
	}

	/**
	 * Reads the one fiche of the model.
	 * @param errors where the problems go (the content is then incomplete)
	 */
	public static FicheContent read(Model m, List<ImportError> errors) {
		List<Resource> fiches = m.listSubjectsWithProperty(RDF.type, sb(m, "Fiche")).toList();
		if (fiches.size() != 1) {
			errors.add(ImportError.ofFile("import.buildings.ficheCount", fiches.size()));
			return null;
		}
		Resource f = fiches.getFirst();
		String code = text(f, DCTerms.identifier, null);
		if (code == null || !f.getURI().equals(FicheVocabulary.fiche(code))) {
			errors.add(ImportError.ofFile("import.buildings.ficheIri", String.valueOf(f.getURI())));
			return null;
		}
		FicheContent.LegalBasis legal = null;
		Resource basis = object(f, p(m, "rechtsgrond"));
		if (basis != null) {
			Resource url = object(basis, m.createProperty(FOAF_PAGE));
			legal = new FicheContent.LegalBasis(text(basis, RDFS.label, "nl"), url == null ? null : url.getURI());
		}
		List<Step> steps = new ArrayList<>();
		for (Resource s : objects(f, p(m, "stap"))) {
			steps.add(new Step(number(s, p(m, "volgnummer")), text(s, DCTerms.description, "nl"),
					text(s, p(m, "actor"), "nl")));
		}
		steps.sort(Comparator.comparingInt(Step::number));
		List<DataElement> elements = new ArrayList<>();
		for (Resource e : objects(f, p(m, "gegevenselement"))) {
			elements.add(element(m, e, errors));
		}
		elements.sort(Comparator.comparing(e -> String.valueOf(e.key())));
		List<RegisterInteraction> registers = new ArrayList<>();
		for (Resource r : objects(f, p(m, "registerinteractie"))) {
			registers.add(register(m, r, errors));
		}
		registers.sort(Comparator.comparingInt(RegisterInteraction::number));
		Statement payload = f.getProperty(p(m, "voorbeeldpayload"));
		Resource visibility = object(f, p(m, "zichtbaarheid"));
		return new FicheContent(code, text(f, DCTerms.title, "nl"), text(f, DCTerms.title, "en"),
				text(f, DCTerms.abstract_, "nl"), legal, texts(f, p(m, "aanleiding")), texts(f, p(m, "actor")),
				texts(f, p(m, "dienst")), steps, elements, registers, text(f, p(m, "frequentie"), "nl"),
				text(f, p(m, "volume"), "nl"), texts(f, p(m, "kwaliteitsprobleem")), texts(f, p(m, "goedePraktijk")),
				payload == null ? null : payload.getObject().asLiteral().getLexicalForm(),
				visibility == null || !(SB + "Leden").equals(visibility.getURI()), bool(f, p(m, "voorbeeldgegevens")));
	}

	private static DataElement element(Model m, Resource e, List<ImportError> errors) {
		Resource direction = object(e, p(m, "richting"));
		Direction dir = direction == null ? null : (SB + "Invoer").equals(direction.getURI()) ? Direction.INPUT
				: (SB + "Uitvoer").equals(direction.getURI()) ? Direction.OUTPUT : null;
		return new DataElement(text(e, DCTerms.identifier, null), text(e, RDFS.label, "nl"), dir,
				uri(object(e, p(m, "klasse"))), uri(object(e, p(m, "term"))), bool(e, p(m, "lokaleUitbreiding")),
				uri(object(e, p(m, "bereik"))), bool(e, p(m, "verplicht")), bool(e, p(m, "meervoudig")),
				text(e, RDFS.comment, "nl"));
	}

	private static RegisterInteraction register(Model m, Resource r, List<ImportError> errors) {
		String object = uri(object(r, p(m, "registerobject")));
		RegisterObject registerObject = null;
		for (RegisterObject candidate : RegisterObject.values()) {
			if (candidate.iri().equals(object)) {
				registerObject = candidate;
			}
		}
		String mode = uri(object(r, p(m, "wijze")));
		Mode found = null;
		for (Mode candidate : Mode.values()) {
			if ((SB + mode(candidate)).equals(mode)) {
				found = candidate;
			}
		}
		if (registerObject == null || found == null) {
			errors.add(
					ImportError.ofFile("import.buildings.registerValue", String.valueOf(object), String.valueOf(mode)));
		}
		return new RegisterInteraction(number(r, p(m, "volgnummer")), registerObject, found, bool(r, p(m, "leest")),
				bool(r, p(m, "schrijft")), text(r, RDFS.comment, "nl"));
	}

	private static String mode(Mode mode) {
		return switch (mode) {
			case NONE -> "Geen";
			case MANUAL -> "Manueel";
			case API -> "Api";
		};
	}

	private static Resource sb(Model m, String name) {
		return m.createResource(SB + name);
	}

	private static Property p(Model m, String name) {
		return m.createProperty(SB, name);
	}

	private static Literal bool(Model m, boolean value) {
		return m.createTypedLiteral(String.valueOf(value), FicheVocabulary.XSD + "boolean");
	}

	private static void nl(Resource r, Property p, String value) {
		if (value != null && !value.isBlank()) {
			r.addProperty(p, value, "nl");
		}
	}

	private static void texts(Resource r, Property p, List<String> values) {
		values.forEach(v -> nl(r, p, v));
	}

	private static List<String> texts(Resource r, Property p) {
		return r.listProperties(p)
			.toList()
			.stream()
			.map(s -> s.getObject())
			.filter(RDFNode::isLiteral)
			.map(o -> o.asLiteral().getLexicalForm())
			.sorted()
			.toList();
	}

	private static String text(Resource r, Property p, String language) {
		for (Statement s : r.listProperties(p).toList()) {
			if (s.getObject().isLiteral() && (language == null
					|| language.equals(s.getObject().asLiteral().getLanguage().toLowerCase(Locale.ROOT)))) {
				return s.getObject().asLiteral().getLexicalForm();
			}
		}
		return null;
	}

	private static Resource object(Resource r, Property p) {
		Statement s = r.getProperty(p);
		return s != null && s.getObject().isResource() ? s.getObject().asResource() : null;
	}

	private static List<Resource> objects(Resource r, Property p) {
		return r.listProperties(p)
			.toList()
			.stream()
			.filter(s -> s.getObject().isURIResource())
			.map(s -> s.getObject().asResource())
			.toList();
	}

	private static String uri(Resource r) {
		return r == null ? null : r.getURI();
	}

	private static boolean bool(Resource r, Property p) {
		Statement s = r.getProperty(p);
		return s != null && s.getObject().isLiteral() && "true".equals(s.getObject().asLiteral().getLexicalForm());
	}

	private static int number(Resource r, Property p) {
		Statement s = r.getProperty(p);
		try {
			return s == null ? 0 : Integer.parseInt(s.getObject().asLiteral().getLexicalForm());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
