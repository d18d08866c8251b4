package be.obmi.stats.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.DataGenerations;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The indicator catalogue: the platform's shared indicators plus each tenant's own. */
@Service
public class Indicators {

	static final String SELECT = """
			select id, tenant_id, code, name, theme, definition, unit, counting_unit, source, kind, numerator_id,
			       denominator_id, factor, aggregation, decimals, threshold, published, demo, version, name_en,
			       theme_en, definition_en, unit_en
			from stats.indicator""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ScopeLock lock;

	private final DataGenerations generations;

	private final StatsAccess access;

	/**
	 * The ids of the indicators with values in a scope, by scope and data generations.
	 */
	private final Cache<String, Set<Long>> withValues = Caffeine.newBuilder().maximumSize(1_000).build();

	Indicators(JdbcClient jdbc, AuditTrail audit, ScopeLock lock, DataGenerations generations, StatsAccess access) {
		this.access = access;
		this.lock = lock;
		this.jdbc = jdbc;
		this.audit = audit;
		this.generations = generations;
	}

	/**
	 * The indicator with that code visible in the scope: the tenant's own first, then the
	 * platform's.
	 */
	public Optional<Indicator> find(Scope scope, String code) {
		return jdbc
			.sql(SELECT
					+ " where code = ? and (tenant_id is null or tenant_id = ?) order by tenant_id nulls last limit 1")
			.params(code, scope.tenantId())
			.query(Indicator.class)
			.optional();
	}

	public Optional<Indicator> byId(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(Indicator.class).optional();
	}

	/**
	 * Indicators visible in a scope; only published ones unless {@code includeDrafts}.
	 */
	public List<Indicator> list(Scope scope, boolean includeDrafts) {
		return jdbc
			.sql(SELECT + " where (tenant_id is null or tenant_id = ?) and (published or ?) order by theme, name")
			.params(scope.tenantId(), includeDrafts)
			.query(Indicator.class)
			.list();
	}

	/**
	 * Published indicators that have values in the scope, for the public site's lists
	 * (dashboards, comparison, open data, DCAT): see {@link #hasValues}.
	 */
	public List<Indicator> withData(Scope scope) {
		return withData(scope, false);
	}

	/**
	 * As {@link #withData(Scope)}, with the scope's drafts when {@code includeDrafts}.
	 */
	public List<Indicator> withData(Scope scope, boolean includeDrafts) {
		Set<Long> ids = withValues(scope);
		return list(scope, includeDrafts).stream().filter(i -> hasValues(i, ids)).toList();
	}

	/**
	 * Whether an indicator has values in the scope: stored ones (the platform's or the
	 * tenant's own), or, for a ratio, values of both its numerator and its denominator
	 * (from which it is computed).
	 */
	public boolean hasValues(Scope scope, Indicator indicator) {
		return hasValues(indicator, withValues(scope));
	}

	private static boolean hasValues(Indicator indicator, Set<Long> withValues) {
		return withValues.contains(indicator.id()) || (indicator.isRatio()
				&& withValues.contains(indicator.numeratorId()) && withValues.contains(indicator.denominatorId()));
	}

	/**
	 * The ids of the indicators visible in the scope with at least one stored value in it
	 * (the platform's or the tenant's own): one index probe per indicator, kept until the
	 * platform's or the tenant's data changes (the generations are read before the query,
	 * so a list read while a change commits is never used after it).
	 */
	private Set<Long> withValues(Scope scope) {
		String key = scope.key() + "|" + generations.platform() + "|"
				+ (scope.isPlatform() ? 0 : generations.tenant(scope.key()));
		return withValues.get(key, k -> readWithValues(scope));
	}

	private Set<Long> readWithValues(Scope scope) {
		return Set.copyOf(jdbc.sql("""
				select i.id from stats.indicator i where (i.tenant_id is null or i.tenant_id = ?)
				and exists (select 1 from stats.observation o
				            where o.indicator_id = i.id and coalesce(o.tenant_id, 0) in (0, ?))""")
			.params(scope.tenantId(), scope.key())
			.query(Long.class)
			.list());
	}

	/**
	 * Creates a draft indicator named after its code (an import with
	 * {@code createIndicators=true}).
	 */
	@Transactional
	public Indicator createDraft(Scope scope, String code) {
		long id = jdbc.sql("""
				insert into stats.indicator (tenant_id, code, name, theme, aggregation, threshold, published)
				values (?, ?, ?, 'Geïmporteerd', 'sum', 5, false) returning id""")
			.params(scope.tenantId(), code, code)
			.query(Long.class)
			.single();
		audit.created(scope.tenantId(), "indicator", String.valueOf(id), code,
				List.of(FieldChange.added("code", code), FieldChange.added("status", "ontwerp")));
		return byId(id).orElseThrow();
	}

	/**
	 * Publishes or unpublishes an indicator of the scope (never a shared platform
	 * indicator from a tenant's scope). The history records the change; the public pages,
	 * search and DCAT catalogue show it at once (the audit record moves the scope's data
	 * generation).
	 */
	@Transactional
	public Indicator setPublished(Scope scope, String code, boolean published) {
		lock.acquire(ScopeLock.Kind.STATISTICS, scope.key());
		Indicator indicator = own(scope, code);
		if (indicator.published() != published) {
			jdbc.sql("""
					update stats.indicator set published = ?, version = version + 1,
					  published_at = case when ? then now() else published_at end,
					  published_by = case when ? then ? else published_by end
					where id = ?""").params(published, published, published, access.actor(), indicator.id()).update();
			List<FieldChange> change = List.of(FieldChange.between("gepubliceerd",
					String.valueOf(indicator.published()), String.valueOf(published)));
			if (published) {
				// only adds to the public side: the cache may show the pages of before
				// while it renders the new ones
				audit.published(scope.tenantId(), "indicator", String.valueOf(indicator.id()), code, change);
			}
			else {
				audit.updated(scope.tenantId(), "indicator", String.valueOf(indicator.id()), code, change);
			}
		}
		return byId(indicator.id()).orElseThrow();
	}

	/**
	 * Changes an indicator's description (names, theme, definition, unit in both
	 * languages, source, threshold, decimals), each changed field in the history.
	 * @param version the version the editor loaded
	 * @throws RefusedValueException for invalid input (nothing changed)
	 * @throws ConcurrentChangeException when someone changed the indicator since
	 * {@code version} was read
	 */
	@Transactional
	public Indicator describe(Scope scope, String code, int version, IndicatorDescription description) {
		description.check();
		Indicator old = own(scope, code);
		if (old.version() != version) {
			throw new ConcurrentChangeException(Reason.of("stats.refused.indicatorChanged", code));
		}
		List<FieldChange> changes = description.changesFrom(old);
		if (changes.isEmpty()) {
			return old;
		}
		IndicatorDescription d = description;
		int updated = jdbc.sql("""
				update stats.indicator set name = ?, name_en = ?, theme = ?, theme_en = ?, definition = ?,
				  definition_en = ?, unit = ?, unit_en = ?, source = ?, threshold = ?, decimals = ?,
				  edited_at = now(), version = version + 1
				where id = ? and version = ?""")
			.params(d.name(), d.nameEn(), d.theme(), d.themeEn(), d.definition(), d.definitionEn(), d.unit(),
					d.unitEn(), d.source(), d.threshold(), d.decimals(), old.id(), version)
			.update();
		if (updated == 0) {
			throw new ConcurrentChangeException(Reason.of("stats.refused.indicatorChanged", code));
		}
		audit.updated(scope.tenantId(), "indicator", String.valueOf(old.id()), code, changes);
		return byId(old.id()).orElseThrow();
	}

	/**
	 * The scope's own indicator with that code.
	 * @throws RefusedValueException when the scope has none, also when the code is one of
	 * the shared platform catalogue seen from a tenant (only the platform admin edits
	 * those)
	 */
	public Indicator own(Scope scope, String code) {
		return jdbc.sql(SELECT + " where code = ? and tenant_id is not distinct from ?")
			.params(code, scope.tenantId())
			.query(Indicator.class)
			.optional()
			.orElseThrow(() -> new RefusedValueException(
					find(scope, code).isPresent() ? Reason.of("stats.refused.indicatorShared", code)
							: Reason.of("stats.refused.indicatorUnknownCode", code)));
	}

	/**
	 * Something of the scope's own edited after its last publication: an indicator whose
	 * description changed, or a table imported again, since it was published.
	 *
	 * @param kind {@code indicator} or {@code dataset}
	 */
	public record Unpublished(String kind, String id, String title, OffsetDateTime changedAt,
			OffsetDateTime publishedAt, String publishedBy) {
	}

	/** What of the scope was changed since its last publication, latest change first. */
	public List<Unpublished> changedSincePublication(Scope scope) {
		return jdbc
			.sql("""
					select 'indicator' as kind, code as id, name as title, edited_at as changed_at, published_at, published_by
					from stats.indicator where coalesce(tenant_id, 0) = :key and published_at is not null
					  and edited_at > published_at
					union all
					select 'dataset', public_id, title, imported_at, published_at, published_by
					from stats.dataset where coalesce(tenant_id, 0) = :key and published_at is not null
					  and imported_at > published_at
					order by changed_at desc limit 200""")
			.param("key", scope.key())
			.query(Unpublished.class)
			.list();
	}

}
