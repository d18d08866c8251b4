package be.obmi.datasources.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.stats.StatisticsImports;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sources of the Datapedia: the platform's (shared by every city) and each city's
 * own, each with the indicators derived from it (codes of the Stad in cijfers catalogue,
 * checked through {@link StatisticsImports#indicator}). What a viewer may see is decided
 * here ({@link Viewer}); who may edit, by the web layer. Every change is in the audit
 * trail; a stale save is refused ({@link ConcurrentChangeException}).
 */
@Service
public class Sources {

	static final String COLUMNS = """
			id, tenant_id, code, name, name_en, supplier, content, content_en, detail_level, area_covered,
			periodicity, next_delivery, licence, licence_url, access_conditions, contact, quality_issues, url,
			public as public_source, demo, version, updated_at""";

	/** A filter of the catalogue's list; null or blank fields do not filter. */
	public record Filter(String text, String detailLevel, String owner) {

		public static Filter none() {
			return new Filter(null, null, null);
		}

	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final StatisticsImports statistics;

	private final Tenants tenants;

	Sources(JdbcClient jdbc, AuditTrail audit, StatisticsImports statistics, Tenants tenants) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.statistics = statistics;
		this.tenants = tenants;
	}

	/**
	 * The sources the viewer may see, platform sources first, then by name; filtered by a
	 * text (name, supplier, content), a level and an owner ({@code platform} or a city's
	 * slug).
	 */
	public List<Source> visible(Viewer viewer, Filter filter) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from datasources.source where (public");
		List<Object> params = new ArrayList<>();
		if (viewer.everything()) {
			sql.append(" or true");
		}
		else {
			if (viewer.member()) {
				sql.append(" or tenant_id is null");
			}
			if (!viewer.tenantIds().isEmpty()) {
				sql.append(" or tenant_id = any(?)");
				params.add(viewer.tenantIds().toArray(Long[]::new));
			}
		}
		sql.append(')');
		if (filter.text() != null && !filter.text().isBlank()) {
			sql.append(" and (name ilike ? or name_en ilike ? or supplier ilike ? or content ilike ? or code ilike ?)");
			String like = "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%";
			for (int i = 0; i < 5; i++) {
				params.add(like);
			}
		}
		if (filter.detailLevel() != null && !filter.detailLevel().isBlank()) {
			sql.append(" and detail_level = ?");
			params.add(filter.detailLevel());
		}
		if (filter.owner() != null && !filter.owner().isBlank()) {
			if ("platform".equals(filter.owner())) {
				sql.append(" and tenant_id is null");
			}
			else {
				sql.append(" and tenant_id = ?");
				params.add(tenants.bySlug(filter.owner()).map(Tenant::id).orElse(-1L));
			}
		}
		sql.append(" order by tenant_id nulls first, name");
		return jdbc.sql(sql.toString()).params(params).query(Source.class).list();
	}

	/** A city's own sources, by name (every one, internal ones too). */
	public List<Source> ofTenant(long tenantId) {
		return jdbc.sql("select " + COLUMNS + " from datasources.source where tenant_id = ? order by name")
			.param(tenantId)
			.query(Source.class)
			.list();
	}

	/** Every public source (for the DCAT catalogue). */
	public List<Source> publicSources() {
		return jdbc
			.sql("select " + COLUMNS + " from datasources.source where public order by tenant_id nulls first, name")
			.query(Source.class)
			.list();
	}

	public Optional<Source> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from datasources.source where id = ?")
			.param(id)
			.query(Source.class)
			.optional();
	}

	/**
	 * A source the viewer may see; 404 otherwise (an internal source is not betrayed).
	 */
	public Source require(long id, Viewer viewer) {
		return find(id).filter(viewer::sees)
			.orElseThrow(() -> new NotFoundException(Reason.of("datasources.refused.unknownSource")));
	}

	public Optional<Source> byCode(Long tenantId, String code) {
		return jdbc
			.sql("select " + COLUMNS + " from datasources.source where tenant_id is not distinct from ? and code = ?")
			.params(tenantId, code)
			.query(Source.class)
			.optional();
	}

	/** The codes of the indicators derived from the source. */
	public List<String> indicators(long sourceId) {
		return jdbc
			.sql("select indicator_code from datasources.source_indicator where source_id = ? order by indicator_code")
			.param(sourceId)
			.query(String.class)
			.list();
	}

	/**
	 * The indicators derived from the source with their names as the owning city (or the
	 * platform) sees them; a code no longer in the catalogue keeps its code as name.
	 */
	public List<StatisticsImports.IndicatorName> indicatorNames(Source source) {
		Tenant owner = source.tenantId() == null ? null : tenants.byId(source.tenantId()).orElse(null);
		return indicators(source.id()).stream()
			.map(code -> statistics.indicator(owner, code)
				.orElse(new StatisticsImports.IndicatorName(code, code, null, owner == null, false)))
			.toList();
	}

	/** A new source; {@code tenantId} null for a platform source. */
	@Transactional
	public Source create(Long tenantId, SourceForm form, boolean demo, String actor) {
		form.check();
		if (byCode(tenantId, form.code()).isPresent()) {
			throw new RefusedValueException(Reason.of("datasources.refused.codeTaken", form.code()));
		}
		checkIndicators(tenantId, form.indicators());
		long id = jdbc.sql("""
				insert into datasources.source (tenant_id, code, name, name_en, supplier, content, content_en,
				    detail_level, area_covered, periodicity, next_delivery, licence, licence_url, access_conditions,
				    contact, quality_issues, url, public, demo)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenantId, form.code(), form.name(), form.nameEn(), form.supplier(), form.content(),
					form.contentEn(), form.detailLevel(), form.areaCovered(), form.periodicity(), form.nextDelivery(),
					form.licence(), form.licenceUrl(), form.accessConditions(), form.contact(), form.qualityIssues(),
					form.url(), form.publicSource(), demo)
			.query(Long.class)
			.single();
		writeIndicators(id, form.indicators());
		audit.created(tenantId, "datasource", String.valueOf(id), form.name(),
				List.of(FieldChange.added("code", form.code()), FieldChange.added("supplier", form.supplier()),
						FieldChange.added("public", String.valueOf(form.publicSource()))));
		return find(id).orElseThrow();
	}

	/** Changes a source; refused when someone else saved it since {@code version}. */
	@Transactional
	public Source update(Source before, SourceForm form, int version, String actor) {
		form.check();
		checkIndicators(before.tenantId(), form.indicators());
		List<String> indicatorsBefore = indicators(before.id());
		int changed = jdbc.sql("""
				update datasources.source set name = ?, name_en = ?, supplier = ?, content = ?, content_en = ?,
				    detail_level = ?, area_covered = ?, periodicity = ?, next_delivery = ?, licence = ?,
				    licence_url = ?, access_conditions = ?, contact = ?, quality_issues = ?, url = ?, public = ?,
				    version = version + 1, updated_at = now()
				where id = ? and version = ?""")
			.params(form.name(), form.nameEn(), form.supplier(), form.content(), form.contentEn(), form.detailLevel(),
					form.areaCovered(), form.periodicity(), form.nextDelivery(), form.licence(), form.licenceUrl(),
					form.accessConditions(), form.contact(), form.qualityIssues(), form.url(), form.publicSource(),
					before.id(), version)
			.update();
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("datasources.refused.concurrent"));
		}
		writeIndicators(before.id(), form.indicators());
		audit.updated(before.tenantId(), "datasource", String.valueOf(before.id()), form.name(), List.of(
				new FieldChange("name", before.name(), form.name()),
				new FieldChange("supplier", before.supplier(), form.supplier()),
				new FieldChange("public", String.valueOf(before.publicSource()), String.valueOf(form.publicSource())),
				new FieldChange("nextDelivery", String.valueOf(before.nextDelivery()),
						String.valueOf(form.nextDelivery())),
				new FieldChange("indicators", String.join(", ", indicatorsBefore),
						String.join(", ", form.indicators()))));
		return find(before.id()).orElseThrow();
	}

	/**
	 * Every code must be an indicator the owner sees in the Stad in cijfers catalogue.
	 */
	private void checkIndicators(Long tenantId, List<String> codes) {
		Tenant owner = tenantId == null ? null : tenants.byId(tenantId).orElseThrow();
		for (String code : codes) {
			if (statistics.indicator(owner, code).isEmpty()) {
				throw new RefusedValueException(Reason.of("datasources.refused.unknownIndicator", code));
			}
		}
	}

	private void writeIndicators(long sourceId, List<String> codes) {
		jdbc.sql("delete from datasources.source_indicator where source_id = ?").param(sourceId).update();
		for (String code : codes) {
			jdbc.sql("insert into datasources.source_indicator (source_id, indicator_code) values (?, ?)")
				.params(sourceId, code)
				.update();
		}
	}

}
