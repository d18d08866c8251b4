package be.obmi.buildings.comparison;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.audit.FieldChange;
import be.obmi.knowledge.KnowledgeRound;
import be.obmi.knowledge.KnowledgeRounds;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cities' rows of the Schillenboek comparison, kept in the knowledge bank's rounds: a
 * redacteur saves the city's row for a process while a round is open, and the row belongs
 * to that round; the state of any round is, per city and process, the row of that round
 * or else of the latest earlier round. Every save checks the row's version and is
 * recorded in the audit history.
 */
@Service
public class ComparisonEntries {

	static final int MAX_NAME = 200;

	static final int MAX_ISSUES = 2000;

	private static final String SELECT = """
			select id, tenant_id, process_code, round_id, system_name, supplier, register_link, linked_object,
			  quality_issues, maturity, changed_by, changed_at, demo, version
			from buildings.comparison_entry""";

	private final JdbcClient jdbc;

	private final Tenants tenants;

	private final KnowledgeRounds rounds;

	private final AuditTrail audit;

	ComparisonEntries(JdbcClient jdbc, Tenants tenants, KnowledgeRounds rounds, AuditTrail audit) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.rounds = rounds;
		this.audit = audit;
	}

	/**
	 * The cities compared: the 13 centrumsteden and the VGC (and any other so marked), by
	 * name.
	 */
	public List<Tenant> cities() {
		return tenants.all().stream().filter(ComparisonEntries::isCompared).toList();
	}

	public static boolean isCompared(Tenant tenant) {
		return tenant.centrumstad() || tenant.kind() == Tenant.Kind.GEMEENSCHAPSCOMMISSIE;
	}

	/** The Schillenboek's processes in their order. */
	@Transactional(readOnly = true)
	public List<BuildingProcess> processes() {
		return jdbc.sql("select code, name_nl, name_en, sort from buildings.process order by sort, code")
			.query(BuildingProcess.class)
			.list();
	}

	/** The knowledge rounds oldest first. */
	public List<KnowledgeRound> roundsInOrder() {
		List<KnowledgeRound> all = new ArrayList<>(rounds.all());
		Collections.reverse(all);
		return all;
	}

	/**
	 * The state as of the round: per tenant id and process code the row of that round or
	 * of the latest round before it; empty for a null round.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Map<String, ComparisonEntry>> asOf(KnowledgeRound round) {
		Map<Long, Map<String, ComparisonEntry>> state = new HashMap<>();
		if (round == null) {
			return state;
		}
		Map<Long, Integer> order = new HashMap<>();
		List<KnowledgeRound> inOrder = roundsInOrder();
		for (int i = 0; i < inOrder.size(); i++) {
			order.put(inOrder.get(i).id(), i);
		}
		int limit = order.getOrDefault(round.id(), -1);
		for (ComparisonEntry entry : jdbc.sql(SELECT).query(ComparisonEntry.class).list()) {
			Integer position = order.get(entry.roundId());
			if (position == null || position > limit) {
				continue;
			}
			Map<String, ComparisonEntry> ofCity = state.computeIfAbsent(entry.tenantId(), t -> new HashMap<>());
			ComparisonEntry known = ofCity.get(entry.processCode());
			if (known == null || order.get(known.roundId()) < position) {
				ofCity.put(entry.processCode(), entry);
			}
		}
		return state;
	}

	/** The city's rows in the open round (or the latest state), by process code. */
	@Transactional(readOnly = true)
	public Map<String, ComparisonEntry> current(Tenant city) {
		Optional<KnowledgeRound> latest = rounds.openRound().or(() -> rounds.all().stream().findFirst());
		return latest.map(r -> asOf(r).getOrDefault(city.id(), Map.of())).orElse(Map.of());
	}

	/**
	 * Saves the city's row for a process in the open round.
	 * @param roundId the round the form was read in
	 * @throws RefusedStateException when no round is open, or the city is not compared
	 * @throws RefusedValueException for an unknown process or a field out of bounds
	 * @throws ConcurrentChangeException when the round changed or the row was saved since
	 * the form was read
	 */
	@Transactional
	public ComparisonEntry save(Tenant city, long roundId, ComparisonForm form, String actor, boolean demo) {
		if (!isCompared(city)) {
			throw new RefusedStateException(Reason.of("buildings.refused.comparison.notCompared", city.name()));
		}
		KnowledgeRound round = rounds.openRound()
			.orElseThrow(() -> new RefusedStateException(Reason.of("buildings.refused.comparison.noRound")));
		if (round.id() != roundId) {
			throw new ConcurrentChangeException(Reason.of("buildings.refused.comparison.roundChanged"));
		}
		check(form);
		ComparisonState state = form.state();
		Map<String, ComparisonEntry> before = asOf(round).getOrDefault(city.id(), Map.of());
		ComparisonEntry old = before.get(form.processCode());
		String label = city.name() + " – " + form.processCode();
		if (old != null && old.roundId() == round.id()) {
			if (old.version() != form.version()) {
				throw new ConcurrentChangeException(Reason.of("buildings.refused.comparison.changedMeanwhile"));
			}
			int rows = jdbc.sql("""
					update buildings.comparison_entry set system_name = ?, supplier = ?, register_link = ?,
					  linked_object = ?, quality_issues = ?, maturity = ?, changed_by = ?, changed_at = now(),
					  demo = ?, version = version + 1
					where id = ? and version = ?""")
				.params(state.systemName(), state.supplier(), state.registerLink().name(), state.linkedObject().name(),
						state.qualityIssues(), state.maturity(), actor, demo, old.id(), form.version())
				.update();
			if (rows == 0) {
				throw new ConcurrentChangeException(Reason.of("buildings.refused.comparison.changedMeanwhile"));
			}
			audit.updated(city.id(), "schillenboekvergelijking", String.valueOf(old.id()), label,
					Changes.between(old.state(), state));
			return byId(old.id());
		}
		if (form.version() != -1) {
			throw new ConcurrentChangeException(Reason.of("buildings.refused.comparison.changedMeanwhile"));
		}
		Long id = insert(city, round, form, state, actor, demo).orElseThrow(
				() -> new ConcurrentChangeException(Reason.of("buildings.refused.comparison.changedMeanwhile")));
		List<FieldChange> changes = old == null ? List.of(FieldChange.added("ronde", round.name()))
				: Changes.between(old.state(), state);
		audit.created(city.id(), "schillenboekvergelijking", String.valueOf(id), label, changes);
		return byId(id);
	}

	/**
	 * Records a city's row in a given round, open or closed, unless it has one there: for
	 * the demo data and for taking over answers collected outside the platform.
	 * @return whether a row was added
	 */
	@Transactional
	public boolean record(Tenant city, KnowledgeRound round, ComparisonForm form, String actor, boolean demo) {
		check(form);
		ComparisonState state = form.state();
		Optional<Long> id = insert(city, round, form, state, actor, demo);
		id.ifPresent(i -> audit.created(city.id(), "schillenboekvergelijking", String.valueOf(i),
				city.name() + " – " + form.processCode(), List.of(FieldChange.added("ronde", round.name()))));
		return id.isPresent();
	}

	/** Inserts a city's row in the round unless it has one there: its id, if inserted. */
	private Optional<Long> insert(Tenant city, KnowledgeRound round, ComparisonForm form, ComparisonState state,
			String actor, boolean demo) {
		return jdbc.sql("""
				insert into buildings.comparison_entry (tenant_id, process_code, round_id, system_name, supplier,
				  register_link, linked_object, quality_issues, maturity, changed_by, demo)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id, process_code, round_id) do nothing returning id""")
			.params(city.id(), form.processCode(), round.id(), state.systemName(), state.supplier(),
					state.registerLink().name(), state.linkedObject().name(), state.qualityIssues(), state.maturity(),
					actor, demo)
			.query(Long.class)
			.optional();
	}

	/** Whether any row was saved in the round. */
	@Transactional(readOnly = true)
	public boolean anyIn(KnowledgeRound round) {
		return jdbc.sql("select count(*) from buildings.comparison_entry where round_id = ?")
			.param(round.id())
			.query(Long.class)
			.single() > 0;
	}

	private ComparisonEntry byId(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(ComparisonEntry.class).single();
	}

	private void check(ComparisonForm form) {
		if (form.processCode() == null || processes().stream().noneMatch(p -> p.code().equals(form.processCode()))) {
			throw new RefusedValueException(Reason.of("buildings.refused.comparison.process", form.processCode()));
		}
		if (form.registerLink() == null || form.linkedObject() == null) {
			throw new RefusedValueException(Reason.of("buildings.refused.comparison.linkMissing"));
		}
		if (form.maturity() != null && (form.maturity() < 1 || form.maturity() > 5)) {
			throw new RefusedValueException(Reason.of("buildings.refused.comparison.maturity"));
		}
		length(form.systemName(), MAX_NAME);
		length(form.supplier(), MAX_NAME);
		length(form.qualityIssues(), MAX_ISSUES);
	}

	private static void length(String text, int max) {
		if (text != null && text.strip().length() > max) {
			throw new RefusedValueException(Reason.of("buildings.refused.comparison.tooLong", max));
		}
	}

}
