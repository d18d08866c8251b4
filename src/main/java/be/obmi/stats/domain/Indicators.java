package be.obmi.stats.domain;

import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The indicator catalogue: the platform's shared indicators plus each tenant's own. */
@Service
public class Indicators {

	static final String SELECT = """
			select id, tenant_id, code, name, theme, definition, unit, counting_unit, source, kind, numerator_id,
			       denominator_id, factor, aggregation, decimals, threshold, published, demo, version
			from stats.indicator""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ScopeLock lock;

	Indicators(JdbcClient jdbc, AuditTrail audit, ScopeLock lock) {
		this.lock = lock;
		this.jdbc = jdbc;
		this.audit = audit;
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

	/** Published indicators that have data, for the public site. */
	public List<Indicator> withData(Scope scope) {
		return jdbc
			.sql(SELECT + " i where (tenant_id is null or tenant_id = ?) and published"
					+ " and exists (select 1 from stats.observation o where o.indicator_id = i.id"
					+ " and (o.tenant_id is null or o.tenant_id = i.tenant_id)) order by theme, name")
			.params(scope.tenantId())
			.query(Indicator.class)
			.list();
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

	/** Publishes or unpublishes an indicator of the scope. */
	@Transactional
	public Indicator setPublished(Scope scope, String code, boolean published) {
		lock.acquire(ScopeLock.Kind.STATISTICS, scope.key());
		Indicator indicator = jdbc.sql(SELECT + " where code = ? and tenant_id is not distinct from ?")
			.params(code, scope.tenantId())
			.query(Indicator.class)
			.optional()
			.orElseThrow(() -> new RefusedValueException(Reason.of("stats.refused.indicatorUnknownCode", code)));
		if (indicator.published() != published) {
			jdbc.sql("update stats.indicator set published = ?, version = version + 1 where id = ?")
				.params(published, indicator.id())
				.update();
			audit.updated(scope.tenantId(), "indicator", String.valueOf(indicator.id()), code, List.of(FieldChange
				.between("gepubliceerd", String.valueOf(indicator.published()), String.valueOf(published))));
		}
		return byId(indicator.id()).orElseThrow();
	}

}
