package be.obmi.buildings.search;

import java.time.LocalDate;
import java.util.List;

import be.obmi.buildings.domain.FicheChanged;
import be.obmi.buildings.domain.FicheSummary;
import be.obmi.buildings.domain.PublishedFiches;
import be.obmi.knowledge.KnowledgeSearchEntries;
import be.obmi.knowledge.SearchContribution;
import be.obmi.knowledge.SearchEntry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the Schillenboek's published public fiches in the knowledge bank's search
 * ({@code /kennis/zoeken}): at start and whenever a fiche changed (after the commit of a
 * transaction that published a {@link FicheChanged}), the search gets exactly the
 * published fiches that anonymous visitors may read. Members-only fiches are never put in
 * it (the search is public), so it cannot leak them.
 */
@Component
class FicheSearch implements SearchContribution, ApplicationModuleInitializer {

	static final String SOURCE = "schillenboek";

	private final ObjectProvider<PublishedFiches> fiches;

	private final KnowledgeSearchEntries search;

	private final TransactionTemplate newTransaction;

	FicheSearch(ObjectProvider<PublishedFiches> fiches, KnowledgeSearchEntries search,
			PlatformTransactionManager transactions) {
		this.fiches = fiches;
		this.search = search;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public String source() {
		return SOURCE;
	}

	@Override
	public String labelCode() {
		return "buildings.search.source";
	}

	@Override
	public void initialize() {
		newTransaction.executeWithoutResult(status -> refresh());
	}

	/**
	 * A fiche changed: once its transaction committed, the search follows in a
	 * transaction of its own (reading every fiche's committed state, so a transaction
	 * that changed several fiches is followed entirely).
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void changed(FicheChanged event) {
		newTransaction.executeWithoutResult(status -> refresh());
	}

	/**
	 * Puts every published public fiche in the search and removes the others; call it in
	 * a transaction.
	 * @return how many fiches the search has
	 */
	int refresh() {
		List<FicheSummary> published = fiches.getIfAvailable(() -> List::of)
			.published()
			.stream()
			.filter(FicheSummary::publicFiche)
			.toList();
		for (FicheSummary fiche : published) {
			LocalDate date = fiche.publishedAt() == null ? null : fiche.publishedAt().toLocalDate();
			search.put(new SearchEntry(SOURCE, fiche.processCode(), fiche.title(), fiche.summary(), "", date,
					"/schillenboek/fiches/" + fiche.processCode()));
		}
		search.retain(SOURCE, published.stream().map(FicheSummary::processCode).toList());
		return published.size();
	}

}
