package be.obmi.plan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Indicators of plan items with their targets and measurements, and the releases of items. */
@Service
public class Indicators {

	private static final String SELECT = "select id, item_id, code, name, kind, value_type, unit, direction, baseline, stats_code from plan.indicator ";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Indicators(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The indicators of one item with targets and measurements. */
	@Transactional(readOnly = true)
	public List<Indicator.Details> of(Tenant tenant, long itemId) {
		List<Indicator> list = jdbc.sql(SELECT + "where item_id = ? and tenant_id = ? order by code")
			.params(itemId, tenant.id())
			.query(Indicator.class)
			.list();
		return details(tenant.id(), list);
	}

	/** The indicators of many items (e.g. every priority item for the report), by item id. */
	@Transactional(readOnly = true)
	public Map<Long, List<Indicator.Details>> ofItems(long tenantId, Collection<Long> itemIds) {
		if (itemIds.isEmpty()) {
			return Map.of();
		}
		List<Indicator> list = jdbc.sql(SELECT + "where tenant_id = :tenant and item_id in (:ids) order by code")
			.param("tenant", tenantId)
			.param("ids", itemIds)
			.query(Indicator.class)
			.list();
		return details(tenantId, list).stream().collect(Collectors.groupingBy(d -> d.indicator().itemId()));
	}

	private List<Indicator.Details> details(long tenantId, List<Indicator> list) {
		if (list.isEmpty()) {
			return List.of();
		}
		List<Long> ids = list.stream().map(Indicator::id).toList();
		Map<Long, List<Indicator.Target>> targets = jdbc.sql("""
				select indicator_id, year, target, text_target from plan.indicator_target
				where tenant_id = :tenant and indicator_id in (:ids) order by year""")
			.param("tenant", tenantId)
			.param("ids", ids)
			.query(Indicator.Target.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Indicator.Target::indicatorId));
		Map<Long, List<Indicator.Measurement>> measurements = jdbc.sql("""
				select id, indicator_id, measured_on, value, text_value, source, comment from plan.measurement
				where tenant_id = :tenant and indicator_id in (:ids) order by measured_on""")
			.param("tenant", tenantId)
			.param("ids", ids)
			.query(Indicator.Measurement.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Indicator.Measurement::indicatorId));
		return list.stream()
			.map(i -> new Indicator.Details(i, targets.getOrDefault(i.id(), List.of()),
					measurements.getOrDefault(i.id(), List.of())))
			.toList();
	}

	/** Adds (or replaces, for the same date) a measurement of an indicator of the tenant. */
	@Transactional
	public void measure(Tenant tenant, long indicatorId, LocalDate date, BigDecimal value, String textValue,
			String source, String comment) {
		Indicator indicator = jdbc.sql(SELECT + "where id = ? and tenant_id = ?")
			.params(indicatorId, tenant.id())
			.query(Indicator.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("Onbekende indicator."));
		if (date == null) {
			throw new IllegalArgumentException("De meetdatum is verplicht.");
		}
		if (value == null && (textValue == null || textValue.isBlank())) {
			throw new IllegalArgumentException("Geef een waarde.");
		}
		jdbc.sql("""
				insert into plan.measurement (tenant_id, indicator_id, measured_on, value, text_value, source, comment)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (indicator_id, measured_on) do update set value = excluded.value, text_value = excluded.text_value,
				  source = excluded.source, comment = excluded.comment""")
			.params(tenant.id(), indicatorId, date, value, blank(textValue), blank(source), blank(comment))
			.update();
		audit.created(tenant.id(), "meting", indicatorId + "@" + date, indicator.name(),
				List.of(FieldChange.added("datum", date), FieldChange.added("waarde", value != null ? value : textValue),
						FieldChange.added("bron", source)));
	}

	/** The releases of an item, by planned date. */
	@Transactional(readOnly = true)
	public List<Release> releases(Tenant tenant, long itemId) {
		return jdbc.sql("""
				select r.id, r.item_id, i.code as item_code, r.title, r.planned_date, r.actual_date, r.status
				from plan.release r join plan.plan_item i on i.id = r.item_id
				where r.item_id = ? and r.tenant_id = ? order by r.planned_date""")
			.params(itemId, tenant.id())
			.query(Release.class)
			.list();
	}

	/** Releases of the plan planned before {@code today} and not realised. */
	@Transactional(readOnly = true)
	public List<Release> overdue(Plan plan, LocalDate today) {
		return jdbc.sql("""
				select r.id, r.item_id, i.code as item_code, r.title, r.planned_date, r.actual_date, r.status
				from plan.release r join plan.plan_item i on i.id = r.item_id
				where i.plan_id = ? and r.tenant_id = ? and r.actual_date is null and r.planned_date < ?
				  and r.status not in ('GESCHRAPT', 'GEREALISEERD')
				order by r.planned_date""")
			.params(plan.id(), plan.tenantId(), today)
			.query(Release.class)
			.list();
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
