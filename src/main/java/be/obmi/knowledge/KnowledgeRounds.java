package be.obmi.knowledge;

import java.util.List;
import java.util.Optional;

import be.obmi.knowledge.housing.HousingRound;
import be.obmi.knowledge.housing.HousingRounds;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge bank's half-yearly rounds for other modules: which round is open (at most
 * one), and the closed ones. A module that keeps its own per-city rows in the same rounds
 * (the Schillenboek's comparison) asks this service; the Kenniscentrum opens and closes
 * rounds on the knowledge bank's own pages. Read only.
 */
@Service
public class KnowledgeRounds {

	private final HousingRounds rounds;

	KnowledgeRounds(HousingRounds rounds) {
		this.rounds = rounds;
	}

	/** The open round, if any. */
	@Transactional(readOnly = true)
	public Optional<KnowledgeRound> openRound() {
		return rounds.openRound().map(KnowledgeRounds::of);
	}

	/** Every round, newest first (by opening, then id). */
	@Transactional(readOnly = true)
	public List<KnowledgeRound> all() {
		return rounds.all().stream().map(KnowledgeRounds::of).toList();
	}

	/** The closed rounds, newest first. */
	@Transactional(readOnly = true)
	public List<KnowledgeRound> closed() {
		return all().stream().filter(r -> !r.open()).toList();
	}

	@Transactional(readOnly = true)
	public Optional<KnowledgeRound> byId(long id) {
		return rounds.byId(id).map(KnowledgeRounds::of);
	}

	private static KnowledgeRound of(HousingRound round) {
		return new KnowledgeRound(round.id(), round.name(), round.period(), round.deadline(), round.open(),
				round.openedAt(), round.closedAt(), round.demo());
	}

}
