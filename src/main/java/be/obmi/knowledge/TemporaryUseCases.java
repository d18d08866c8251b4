package be.obmi.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import be.obmi.knowledge.domain.Collection;
import be.obmi.knowledge.domain.Collections;
import be.obmi.knowledge.domain.KnowledgeCase;
import be.obmi.knowledge.domain.KnowledgeCases;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge bank's published cases of temporary use (the collection
 * {@code tijdelijk-gebruik}: vacant buildings and land used for something else while they
 * wait for a new purpose), for a module that links its own records to them (PIRK's
 * mobilisation cases). Only published cases: a link never leads to a draft.
 */
@Service
public class TemporaryUseCases {

	/** The code of the collection. */
	public static final String COLLECTION = "tijdelijk-gebruik";

	/**
	 * A published case of temporary use.
	 *
	 * @param tenantId the contributing city, or null for the Kenniscentrum's own
	 * @param path the case's public page
	 */
	public record TemporaryUseCase(UUID publicId, String title, String summary, Long tenantId, String path) {
	}

	private final Collections collections;

	private final KnowledgeCases cases;

	TemporaryUseCases(Collections collections, KnowledgeCases cases) {
		this.collections = collections;
		this.cases = cases;
	}

	/** Every published case of the collection, newest first; empty without it. */
	@Transactional(readOnly = true)
	public List<TemporaryUseCase> all() {
		return collections.byCode(COLLECTION)
			.map(c -> cases.ofCollection(c.id(), true).stream().map(TemporaryUseCases::of).toList())
			.orElse(List.of());
	}

	/** The published case of the collection with that public id. */
	@Transactional(readOnly = true)
	public Optional<TemporaryUseCase> find(UUID publicId) {
		Optional<Collection> collection = collections.byCode(COLLECTION);
		if (collection.isEmpty() || publicId == null) {
			return Optional.empty();
		}
		return cases.byPublicId(publicId)
			.filter(c -> c.collectionId() == collection.get().id() && c.published())
			.map(TemporaryUseCases::of);
	}

	/** The public page of the collection. */
	public static String collectionPath() {
		return "/kennis/collecties/" + COLLECTION;
	}

	private static TemporaryUseCase of(KnowledgeCase c) {
		return new TemporaryUseCase(c.publicId(), c.title(), c.summary(), c.tenantId(),
				collectionPath() + "/" + c.publicId());
	}

}
