package be.obmi.stats.query;

import java.sql.Array;
import java.sql.SQLException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import be.obmi.audit.DataChanged;
import be.obmi.audit.DataGenerations;
import be.obmi.stats.domain.Areas;
import be.obmi.stats.domain.Indicator;
import be.obmi.stats.domain.Scope;
import be.obmi.stats.query.DisclosureControl.Decision;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored disclosure decisions of {@link DisclosureControl}
 * ({@code stats.disclosure_decision}) and what is kept of them in memory, so that a
 * decision survives every change that cannot alter it (issue 20, goal 4: a publication
 * must not make the next report compute 66 × 11 decisions again).
 * <p>
 * A decision follows from (1) the indicator's rows in the scope (the platform's and the
 * tenant's own, every breakdown), (2) the tenant's area sets, and (3) the settings: the
 * indicator's threshold and aggregation rule, the scope's city, the centrumsteden and the
 * area tree. (1) and (2) change only through a statistics import or its undo
 * ({@code cijferimport}) and an area-set upload ({@code gebiedsindeling}): those delete
 * the scope's stored decisions (every scope's for platform data) in their own
 * transaction, as before. (3) is a {@link #fingerprint} stored with each decision: a
 * stored decision is used only while its fingerprint is the current one, so a changed
 * threshold or city list computes it again, and any other change (a publication, a
 * description, another module's data) keeps it.
 * <p>
 * In memory, per scope and data generation, the index of the stored rows (indicator,
 * period → version, fingerprint; one query per scope after a change) and, per version,
 * the decision itself. A version is new for every stored computation, so a decision
 * deleted and computed again never answers from memory under its old version; a change
 * committed by another instance moves the generations on here too and the index is read
 * again.
 */
@Component
class StoredDecisions {

	/**
	 * The audit entity types of the changes that can alter a decision's rows: every write
	 * of observations (import and undo, also through {@code TenantFigures}) and of area
	 * sets. The same set as {@link AreaTotals}' value changes.
	 */
	static final Set<String> INPUT_CHANGES = Set.of("cijferimport", "gebiedsindeling");

	/** A stored row as the index knows it. */
	record Stored(long version, String fingerprint) {
	}

	private final JdbcClient jdbc;

	private final Areas areas;

	private final Tenants tenants;

	private final DataGenerations generations;

	private final TransactionTemplate store;

	/** Decisions by their stored version. */
	private final Cache<Long, Decision> memory = Caffeine.newBuilder().maximumSize(20_000).build();

	/**
	 * Per {@code scope|platform generation|own generation}: indicator|period → the stored
	 * row.
	 */
	private final Cache<String, Map<String, Stored>> indexes = Caffeine.newBuilder().maximumSize(2_000).build();

	/**
	 * Decisions not stored (a change committed while they were computed, or the store
	 * failed), by scope, indicator, period, fingerprint and generations, as before.
	 */
	private final Cache<String, Decision> unstored = Caffeine.newBuilder().maximumSize(5_000).build();

	/** The settings of a scope besides the indicator's, by scope and any-generation. */
	private final Cache<String, String> contexts = Caffeine.newBuilder().maximumSize(1_000).build();

	StoredDecisions(JdbcClient jdbc, Areas areas, Tenants tenants, DataGenerations generations,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.areas = areas;
		this.tenants = tenants;
		this.generations = generations;
		this.store = new TransactionTemplate(transactions);
		this.store.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The fingerprint of what, besides the rows, a decision of the indicator in the scope
	 * is computed from: its threshold and aggregation rule, the scope's city, the
	 * centrumsteden, the tenant's area sets (their versions) and the area tree.
	 */
	String fingerprint(Scope scope, Indicator indicator) {
		return Sha256.hex(indicator.threshold() + "|" + indicator.aggregation() + "|" + context(scope));
	}

	private String context(Scope scope) {
		String key = scope.key() + "|" + scope.nisCode() + "|" + generations.any();
		return contexts.get(key, k -> {
			Set<String> centrumsteden = new TreeSet<>();
			for (Tenant t : tenants.all()) {
				if (t.nisCode() != null && t.centrumstad()) {
					centrumsteden.add(t.nisCode());
				}
			}
			String sets = scope.isPlatform() ? "" : jdbc.sql("""
					select coalesce(string_agg(id || ':' || version, ',' order by id), '') from stats.area_set
					where tenant_id = ?""").param(scope.tenantId()).query(String.class).single();
			return Sha256.hex("city=" + scope.nisCode() + "|centrumsteden=" + centrumsteden + "|sets=" + sets
					+ "|areas=" + areas.layout());
		});
	}

	/**
	 * The stored decision of the indicator in the scope for the period, when there is one
	 * computed with {@code fingerprint}, as of the given data generations.
	 */
	Optional<Decision> find(Scope scope, long indicatorId, String period, String fingerprint, long platform, long own) {
		Decision notStored = unstored.getIfPresent(unstoredKey(scope, indicatorId, period, fingerprint, platform, own));
		if (notStored != null) {
			return Optional.of(notStored);
		}
		Map<String, Stored> index = index(scope.key(), platform, own);
		Stored entry = index.get(indicatorId + "|" + period);
		if (entry == null || !entry.fingerprint().equals(fingerprint)) {
			return Optional.empty();
		}
		Decision known = memory.getIfPresent(entry.version());
		if (known != null) {
			return Optional.of(known);
		}
		// every stored period of the indicator at once (a report shows up to 11); only
		// the versions this generation's index knows
		Decision[] found = { null };
		jdbc.sql("""
				select period, version, suppressed from stats.disclosure_decision
				where scope_key = ? and indicator_id = ? and fingerprint = ?""")
			.params(scope.key(), indicatorId, fingerprint)
			.query(rs -> {
				String each = rs.getString("period");
				Stored indexed = index.get(indicatorId + "|" + each);
				if (indexed != null && indexed.version() == rs.getLong("version")) {
					Decision decision = Decision.of(toSet(rs.getArray("suppressed")));
					memory.put(indexed.version(), decision);
					if (each.equals(period) && indexed.version() == entry.version()) {
						found[0] = decision;
					}
				}
			});
		return Optional.ofNullable(found[0]);
	}

	private static Set<String> toSet(Array array) throws SQLException {
		return Set.of((String[]) array.getArray());
	}

	/** The stored rows of a scope as of the given generations, read once. */
	private Map<String, Stored> index(long scopeKey, long platform, long own) {
		return indexes.get(scopeKey + "|" + platform + "|" + own, k -> {
			Map<String, Stored> read = new ConcurrentHashMap<>();
			jdbc.sql(
					"""
							select indicator_id, period, version, fingerprint from stats.disclosure_decision where scope_key = ?""")
				.param(scopeKey)
				.query(rs -> {
					read.put(rs.getLong("indicator_id") + "|" + rs.getString("period"),
							new Stored(rs.getLong("version"), rs.getString("fingerprint")));
				});
			return read;
		});
	}

	/**
	 * Stores a decision computed at the given generations (the caller checked that they
	 * are still current), in a transaction of its own: readers run in read-only
	 * transactions, and a failed store only costs a computation. A stored row of another
	 * fingerprint is replaced; one of the same fingerprint (another reader's) is kept.
	 */
	void store(Scope scope, long indicatorId, String period, String fingerprint, Set<String> keys, Decision decision,
			long platform, long own) {
		Optional<Long> version;
		try {
			version = store.execute(status -> jdbc.sql("""
					insert into stats.disclosure_decision (scope_key, indicator_id, period, suppressed, fingerprint)
					values (?, ?, ?, ?, ?)
					on conflict (scope_key, indicator_id, period) do update set suppressed = excluded.suppressed,
					  fingerprint = excluded.fingerprint, version = nextval('stats.disclosure_decision_version'),
					  computed_at = now()
					where stats.disclosure_decision.fingerprint <> excluded.fingerprint
					returning version""")
				.params(scope.key(), indicatorId, period, keys.toArray(String[]::new), fingerprint)
				.query(Long.class)
				.optional());
		}
		catch (DataAccessException ex) {
			LoggerFactory.getLogger(StoredDecisions.class).warn("disclosure decision not stored: {}", ex.getMessage());
			version = Optional.empty();
		}
		if (version.isPresent()) {
			memory.put(version.get(), decision);
			index(scope.key(), platform, own).put(indicatorId + "|" + period, new Stored(version.get(), fingerprint));
		}
		else {
			unstored.put(unstoredKey(scope, indicatorId, period, fingerprint, platform, own), decision);
		}
	}

	/** Keeps a decision that was not stored for readers of the same generations. */
	void keepUnstored(Scope scope, long indicatorId, String period, String fingerprint, Decision decision,
			long platform, long own) {
		unstored.put(unstoredKey(scope, indicatorId, period, fingerprint, platform, own), decision);
	}

	private static String unstoredKey(Scope scope, long indicatorId, String period, String fingerprint, long platform,
			long own) {
		return scope.key() + "|" + indicatorId + "|" + period + "|" + fingerprint + "|" + platform + "|" + own;
	}

	/** Every stored decision goes (start-up writers, see {@link DisclosureControl}). */
	void forgetAll() {
		jdbc.sql("delete from stats.disclosure_decision").update();
		memory.invalidateAll();
		indexes.invalidateAll();
		unstored.invalidateAll();
		contexts.invalidateAll();
	}

	/**
	 * In the changing transaction: after a change of observations or area sets, the
	 * scope's stored decisions go (every scope's for a platform change); the index in
	 * memory is keyed by the data generations, which move on after the commit. Any other
	 * change keeps them: what else a decision rests on is in its fingerprint.
	 */
	@EventListener
	void on(DataChanged event) {
		if (!INPUT_CHANGES.contains(event.entityType())) {
			return;
		}
		if (event.tenantId() == null) {
			jdbc.sql("delete from stats.disclosure_decision").update();
		}
		else {
			jdbc.sql("delete from stats.disclosure_decision where scope_key = ?").param(event.tenantId()).update();
		}
	}

}
