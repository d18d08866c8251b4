package be.obmi.plan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicators of plan items with their targets and measurements, and the releases of
 * items.
 */
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
		List<Indicator> list = jdbc
			.sql(SELECT + "where item_id = ? and tenant_id = ? and archived_at is null order by code")
			.params(itemId, tenant.id())
			.query(Indicator.class)
			.list();
		return details(tenant.id(), list);
	}

	/**
	 * The indicators of many items (e.g. every priority item for the report), by item id.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<Indicator.Details>> ofItems(long tenantId, Collection<Long> itemIds) {
		if (itemIds.isEmpty()) {
			return Map.of();
		}
		List<Indicator> list = jdbc
			.sql(SELECT + "where tenant_id = :tenant and item_id in (:ids) and archived_at is null order by code")
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

	/**
	 * Adds (or replaces, for the same date) a measurement of an indicator of the tenant.
	 */
	@Transactional
	public void measure(Tenant tenant, long indicatorId, LocalDate date, BigDecimal value, String textValue,
			String source, String comment) {
		Indicator indicator = jdbc.sql(SELECT + "where id = ? and tenant_id = ? and archived_at is null")
			.params(indicatorId, tenant.id())
			.query(Indicator.class)
			.optional()
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.indicatorUnknown")));
		if (date == null) {
			throw new RefusedValueException(Reason.of("plan.refused.measurementDateRequired"));
		}
		if (value == null && (textValue == null || textValue.isBlank())) {
			throw new RefusedValueException(Reason.of("plan.refused.valueRequired"));
		}
		checkValue(indicator, value, textValue, Reason.of("plan.refused.what.measurement"));
		jdbc.sql(
				"""
						insert into plan.measurement (tenant_id, indicator_id, measured_on, value, text_value, source, comment)
						values (?, ?, ?, ?, ?, ?, ?)
						on conflict (indicator_id, measured_on) do update set value = excluded.value, text_value = excluded.text_value,
						  source = excluded.source, comment = excluded.comment""")
			.params(tenant.id(), indicatorId, date, value, blank(textValue), blank(source), blank(comment))
			.update();
		audit.created(tenant.id(), "meting", indicatorId + "@" + date, indicator.name(),
				List.of(FieldChange.added("datum", date),
						FieldChange.added("waarde", value != null ? value : textValue),
						FieldChange.added("bron", source)));
	}

	/**
	 * Adds an indicator to an item of the tenant.
	 * @throws RefusedValueException for missing fields or a code the item already has
	 */
	@Transactional
	public long create(Tenant tenant, long itemId, String code, String name, String kind, String unit, String direction,
			BigDecimal baseline) {
		if (code == null || code.isBlank() || name == null || name.isBlank()) {
			throw new RefusedValueException(Reason.of("plan.refused.indicatorCodeAndName"));
		}
		if (!List.of("OUTPUT", "EFFECT", "CONTEXT").contains(kind)) {
			throw new RefusedValueException(Reason.of("plan.refused.indicatorKind"));
		}
		checkNumber(baseline, Reason.of("plan.refused.what.baseline"));
		String valueType = "tekst".equalsIgnoreCase(unit == null ? "" : unit.trim()) ? "TEXT" : "NUMBER";
		long id = jdbc.sql("""
				insert into plan.indicator (tenant_id, item_id, code, name, kind, value_type, unit, direction, baseline)
				select ?, id, ?, ?, ?, ?, ?, ?, ? from plan.plan_item where id = ? and tenant_id = ?
				on conflict (tenant_id, item_id, code) do nothing returning id""")
			.params(tenant.id(), code.trim(), name.trim(), kind, valueType, blank(unit),
					direction == null ? "HIGHER" : direction, baseline, itemId, tenant.id())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.indicatorCodeTaken", code.trim())));
		audit.created(tenant.id(), "indicator", String.valueOf(id), name.trim(),
				List.of(FieldChange.added("code", code.trim()), FieldChange.added("soort", kind),
						FieldChange.added("eenheid", unit), FieldChange.added("basiswaarde", baseline)));
		return id;
	}

	/** Sets (or replaces) the target of an indicator of the tenant for one year. */
	@Transactional
	public void target(Tenant tenant, long indicatorId, int year, BigDecimal target, String textTarget) {
		Indicator indicator = jdbc.sql(SELECT + "where id = ? and tenant_id = ? and archived_at is null")
			.params(indicatorId, tenant.id())
			.query(Indicator.class)
			.optional()
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.indicatorUnknown")));
		if (year < 1900 || year > 2200) {
			throw new RefusedValueException(Reason.of("plan.refused.targetYearRange"));
		}
		checkValue(indicator, target, textTarget, Reason.of("plan.refused.what.target"));
		jdbc.sql(
				"""
						insert into plan.indicator_target (tenant_id, indicator_id, year, target, text_target) values (?, ?, ?, ?, ?)
						on conflict (indicator_id, year) do update set target = excluded.target, text_target = excluded.text_target""")
			.params(tenant.id(), indicatorId, year, target, blank(textTarget))
			.update();
		audit.updated(tenant.id(), "indicator", String.valueOf(indicatorId), indicator.name(),
				List.of(FieldChange.added("streefwaarde " + year, target != null ? target : textTarget)));
	}

	/**
	 * Adds a release (dated deliverable or milestone) to an item of the tenant; returns
	 * its id.
	 */
	@Transactional
	public long addRelease(Tenant tenant, long itemId, String title, LocalDate planned) {
		if (title == null || title.isBlank() || planned == null) {
			throw new RefusedValueException(Reason.of("plan.refused.releaseTitleAndDate"));
		}
		long id = jdbc
			.sql("""
					insert into plan.release (tenant_id, item_id, title, planned_date)
					select ?, id, ?, ? from plan.plan_item where id = ? and tenant_id = ? and archived_at is null returning id""")
			.params(tenant.id(), title.trim(), planned, itemId, tenant.id())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RefusedValueException(Reason.of("plan.refused.itemUnknown")));
		audit.created(tenant.id(), "release", String.valueOf(id), title.trim(),
				List.of(FieldChange.added("gepland", planned)));
		return id;
	}

	/** Marks a release of the tenant as realised on {@code actual}. */
	@Transactional
	public void realise(Tenant tenant, long releaseId, LocalDate actual) {
		if (actual == null) {
			throw new RefusedValueException(Reason.of("plan.refused.realisationDateRequired"));
		}
		int rows = jdbc.sql("""
				update plan.release set actual_date = ?, status = 'GEREALISEERD', version = version + 1
				where id = ? and tenant_id = ? and archived_at is null""")
			.params(actual, releaseId, tenant.id())
			.update();
		if (rows == 0) {
			throw new RefusedValueException(Reason.of("plan.refused.releaseUnknown"));
		}
		audit.updated(tenant.id(), "release", String.valueOf(releaseId), String.valueOf(releaseId), List
			.of(FieldChange.between("status", "GEPLAND", "GEREALISEERD"), FieldChange.added("gerealiseerd", actual)));
	}

	/** The (not archived) releases of an item, by planned date. */
	@Transactional(readOnly = true)
	public List<Release> releases(Tenant tenant, long itemId) {
		return jdbc
			.sql(Releases.SELECT
					+ "where r.item_id = ? and r.tenant_id = ? and r.archived_at is null order by r.planned_date")
			.params(itemId, tenant.id())
			.query(Release.class)
			.list();
	}

	/**
	 * Releases of the plan planned before {@code today} and not realised (archived ones
	 * and those of archived items left out).
	 */
	@Transactional(readOnly = true)
	public List<Release> overdue(Plan plan, LocalDate today) {
		return jdbc.sql(Releases.SELECT + """
				where i.plan_id = ? and r.tenant_id = ? and r.actual_date is null and r.planned_date < ?
				  and r.status not in ('GESCHRAPT', 'GEREALISEERD') and r.archived_at is null and i.archived_at is null
				order by r.planned_date""").params(plan.id(), plan.tenantId(), today).query(Release.class).list();
	}

	/**
	 * The largest value (in absolute terms) a plan indicator can take: beyond it a value
	 * is a typing error.
	 */
	static final BigDecimal LIMIT = new BigDecimal("1e15");

	/** The smallest value above 0 (in absolute terms): 6 decimals. */
	static final BigDecimal SMALLEST = new BigDecimal("1e-6");

	/**
	 * A number for a numeric indicator within ±10^15 with at most 6 decimals, or a text
	 * of at most 200 characters for a text indicator; anything else is refused with a
	 * reason naming {@code what}.
	 */
	private static void checkValue(Indicator indicator, BigDecimal number, String text, MessageSourceResolvable what) {
		if (number != null) {
			checkNumber(number, what);
		}
		else if (text != null && !text.isBlank()) {
			if (!"TEXT".equals(indicator.valueType())) {
				throw new RefusedValueException(Reason.of("plan.refused.valueNotNumber", what,
						indicator.unit() == null ? Reason.of("plan.refused.what.numbers") : indicator.unit()));
			}
			if (text.length() > 200) {
				throw new RefusedValueException(Reason.of("plan.refused.valueTooLong", what));
			}
		}
	}

	/**
	 * Refuses a number outside ±10^15 or with more than 6 decimals, with a reason naming
	 * {@code what} ({@code plan.refused.what.*}).
	 */
	public static void checkNumber(BigDecimal number, MessageSourceResolvable what) {
		if (number != null && (number.abs().compareTo(LIMIT) > 0 || number.scale() > 6
				|| (number.signum() != 0 && number.abs().compareTo(SMALLEST) < 0))) {
			throw new RefusedValueException(Reason.of("plan.refused.valueOutOfRange", what));
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
