package be.obmi.knowledge.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.knowledge.domain.CaseFiles;
import be.obmi.knowledge.domain.CaseForm;
import be.obmi.knowledge.domain.CaseStatus;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.KnowledgeCase;
import be.obmi.knowledge.domain.KnowledgeCases;
import be.obmi.knowledge.domain.KnowledgeReferenceData;
import be.obmi.shared.PdfDocuments;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo cases in every collection (church reuse, temporary use, urban projects, mixed-use
 * locations, European projects, Stadsgenoten, studies), loaded through the services the
 * pages use, so they can hold no state the application forbids: most published, some in
 * draft or review; church end reports and studies with a PDF (one containing the phrase
 * {@value #PDF_PHRASE}, which the search finds only inside the PDF). Marked as demo. Runs
 * only with {@code obmi.demo.enabled=true}; a collection that has demo cases is left as
 * it is.
 */
@Component
class KnowledgeCasesDemo implements ApplicationModuleInitializer {

	/**
	 * A phrase that occurs only inside a demo PDF (the end report of the church in
	 * Mechelen).
	 */
	static final String PDF_PHRASE = "orgelpijpenbibliotheek";

	private static final Logger log = LoggerFactory.getLogger(KnowledgeCasesDemo.class);

	private static final String AUTHOR = "kenniscentrum";

	private final KnowledgeReferenceData referenceData;

	private final Collections collections;

	private final KnowledgeCases cases;

	private final CaseFiles files;

	private final PdfDocuments pdfs;

	private final Tenants tenants;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	KnowledgeCasesDemo(KnowledgeReferenceData referenceData, Collections collections, KnowledgeCases cases,
			CaseFiles files, PdfDocuments pdfs, Tenants tenants, TransactionTemplate transaction,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.referenceData = referenceData;
		this.collections = collections;
		this.cases = cases;
		this.files = files;
		this.pdfs = pdfs;
		this.tenants = tenants;
		this.transaction = transaction;
		this.enabled = enabled;
	}

	/** One demo case: where, what, and its values by field code. */
	record Demo(String city, String title, String summary, String body, double lat, double lon, String status,
			List<String> themes, Map<String, String> values, String report) {
	}

	@Override
	public void initialize() {
		if (!enabled) {
			return;
		}
		referenceData.initialize();
		load("kerken", KnowledgeDemoContent.CHURCHES, "eindrapport");
		load("tijdelijk-gebruik", KnowledgeDemoContent.TEMPORARY_USE, null);
		load("stadsprojecten", KnowledgeDemoContent.URBAN_PROJECTS, null);
		load("verweving", KnowledgeDemoContent.MIXED_USE, null);
		load("europese-projecten", KnowledgeDemoContent.EUROPEAN_PROJECTS, null);
		load("stadsgenoten", KnowledgeDemoContent.STADSGENOTEN, null);
		load("studies", KnowledgeDemoContent.STUDIES, "pdf");
	}

	private void load(String code, List<Demo> demos, String reportField) {
		long collectionId = collections.require(code).id();
		if (cases.ofCollection(collectionId, false).stream().anyMatch(KnowledgeCase::demo)) {
			return;
		}
		transaction.executeWithoutResult(status -> demos.forEach(demo -> add(code, demo, reportField)));
		log.info("Demo knowledge bank: {} cases in {}", demos.size(), code);
	}

	private void add(String code, Demo demo, String reportField) {
		Tenant city = demo.city() == null ? null : tenants.bySlug(demo.city()).orElse(null);
		Map<String, List<String>> values = new HashMap<>();
		demo.values().forEach((field, value) -> values.put(field, List.of(value.split("\\|"))));
		CaseForm form = new CaseForm(demo.title(), demo.summary(), demo.body(), values, null, null,
				String.valueOf(demo.lat()), String.valueOf(demo.lon()), demo.themes(), List.of(), 0);
		boolean kenniscentrum = "studies".equals(code);
		KnowledgeCase created = cases.create(code, kenniscentrum ? null : city, form, AUTHOR, true);
		if (demo.report() != null && reportField != null) {
			files.add(created.id(), reportField, slug(demo.title()) + ".pdf", report(demo), AUTHOR);
		}
		if (!"DRAFT".equals(demo.status())) {
			created = cases.move(created.publicId(), null, CaseStatus.REVIEW, created.version(), AUTHOR);
		}
		if ("PUBLISHED".equals(demo.status())) {
			cases.move(created.publicId(), null, CaseStatus.PUBLISHED, created.version(), AUTHOR);
		}
	}

	private byte[] report(Demo demo) {
		List<String> paragraphs = new ArrayList<>(List.of(demo.summary(), demo.report()));
		return pdfs.render("knowledge/k1-demo-report-pdf", Locale.forLanguageTag("nl-BE"), Map.of("title", demo.title(),
				"marker", "Demo-document van het Kenniscentrum Vlaamse Steden (fictief).", "paragraphs", paragraphs));
	}

	private static String slug(String title) {
		return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

}
