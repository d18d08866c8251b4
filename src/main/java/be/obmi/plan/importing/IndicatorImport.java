package be.obmi.plan.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.plan.domain.Plan;
import be.obmi.plan.domain.PlanItem;
import be.obmi.plan.domain.PlanItems;
import be.obmi.plan.domain.Plans;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.ObmiMetrics;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports indicators with their yearly targets and measurements
 * ({@code docs/formats/indicator-import.md}), all or nothing. One row may define or
 * update an indicator, set a target for a year and/or add a measurement.
 */
@Service
public class IndicatorImport {

	public static final List<String> COLUMNS = List.of("item_code", "indicator_code", "naam", "soort", "eenheid",
			"richting", "basiswaarde", "jaar", "streefwaarde", "meetdatum", "waarde", "bron", "opmerking");

	/**
	 * An optional column: the code of the Stad in cijfers indicator a (context) indicator
	 * shows; left as it is when the file has no such column.
	 */
	public static final String STATS_CODE = "stad_in_cijfers";

	private static final Pattern STATS_CODE_PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private record Definition(int row, String name, String kind, String valueType, String unit, String direction,
			BigDecimal baseline, String statsCode) {
	}

	private final JdbcClient jdbc;

	private final Plans plans;

	private final PlanItems items;

	private final AuditTrail audit;

	private final ObmiMetrics metrics;

	private final ScopeLock lock;

	IndicatorImport(JdbcClient jdbc, Plans plans, PlanItems items, AuditTrail audit, ObmiMetrics metrics,
			ScopeLock lock) {
		this.lock = lock;
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.plans = plans;
		this.items = items;
		this.audit = audit;
	}

	/**
	 * @throws ImportRejectedException with every error; nothing changes then
	 */
	@Transactional(rollbackFor = Exception.class)
	public ImportSummary importIndicators(Tenant tenant, byte[] content) {
		return metrics.timeImport("plan", tenant.slug(), ImportRejectedException.class,
				() -> storeIndicators(tenant, content), ImportSummary::rows);
	}

	private ImportSummary storeIndicators(Tenant tenant, byte[] content) {
		lock.acquire(ScopeLock.Kind.PLAN, tenant.id());
		Table file = TableReader.read(content, COLUMNS);
		Plan plan = plans.current(tenant).orElseThrow(() -> ImportRejectedException.at(1, "", "import.plan.noPlan"));
		Map<String, PlanItem> byCode = new HashMap<>();
		items.all(plan).forEach(i -> byCode.put(i.code(), i));
		Map<String, Long> existing = new HashMap<>();
		Map<String, String> valueTypes = new HashMap<>();
		Set<String> archived = new HashSet<>();
		jdbc.sql(
				"""
						select i.code || '|' || d.code as k, d.id, d.value_type, d.archived_at is not null as archived
						from plan.indicator d join plan.plan_item i on i.id = d.item_id where d.tenant_id = ? and i.plan_id = ?""")
			.params(tenant.id(), plan.id())
			.query((rs, n) -> {
				valueTypes.put(rs.getString(1), rs.getString(3));
				if (rs.getBoolean(4)) {
					archived.add(rs.getString(1));
				}
				return Map.entry(rs.getString(1), rs.getLong(2));
			})
			.list()
			.forEach(e -> existing.put(e.getKey(), e.getValue()));
		boolean withStatsCode = file.hasColumn(STATS_CODE);
		List<ImportError> errors = new ArrayList<>();
		Map<String, Definition> definitions = new HashMap<>();
		for (Table.Row line : file.rows()) {
			int row = line.number();
			String itemCode = line.value("item_code");
			String code = line.value("indicator_code");
			if (itemCode == null) {
				errors.add(new ImportError(row, "item_code", "import.plan.required", "item_code"));
			}
			else if (!byCode.containsKey(itemCode)) {
				errors.add(new ImportError(row, "item_code", "import.plan.itemCodeUnknown", itemCode));
			}
			if (code == null) {
				errors.add(new ImportError(row, "indicator_code", "import.plan.required", "indicator_code"));
				continue;
			}
			String key = itemCode + "|" + code;
			if (archived.contains(key)) {
				errors.add(new ImportError(row, "indicator_code", "import.plan.indicatorArchived", code, itemCode));
				continue;
			}
			String name = line.value("naam");
			if (name != null && !definitions.containsKey(key)) {
				String kind = upper(line.value("soort"));
				if (kind == null || !List.of("OUTPUT", "EFFECT", "CONTEXT").contains(kind)) {
					errors.add(new ImportError(row, "soort", "import.plan.indicatorKindInvalid", line.value("soort")));
				}
				String direction = line.value("richting") == null ? "HIGHER"
						: switch (line.value("richting").toLowerCase(Locale.ROOT)) {
							case "hoger", "stijgend", "hoger is beter" -> "HIGHER";
							case "lager", "dalend", "lager is beter" -> "LOWER";
							case "geen", "neutraal" -> "NONE";
							default -> null;
						};
				if (direction == null) {
					errors.add(new ImportError(row, "richting", "import.plan.indicatorDirectionInvalid",
							line.value("richting")));
				}
				String unit = line.value("eenheid");
				String valueType = "tekst".equalsIgnoreCase(unit) ? "TEXT" : "NUMBER";
				BigDecimal baseline = number(line, "basiswaarde", errors);
				String statsCode = withStatsCode ? line.value(STATS_CODE) : null;
				if (statsCode != null && !STATS_CODE_PATTERN.matcher(statsCode).matches()) {
					errors.add(new ImportError(row, STATS_CODE, "import.plan.statsCodeInvalid", statsCode));
				}
				definitions.put(key, new Definition(row, name, kind, valueType, unit, direction, baseline, statsCode));
				valueTypes.put(key, valueType);
			}
			else if (name == null && !definitions.containsKey(key) && !existing.containsKey(key)) {
				errors.add(new ImportError(row, "naam", "import.plan.indicatorNameRequired", code));
			}
			String year = line.value("jaar");
			if (year != null && !year.matches("\\d{4}")) {
				errors.add(new ImportError(row, "jaar", "import.plan.yearInvalid", year));
			}
			if ((year == null) != (line.value("streefwaarde") == null)) {
				errors.add(new ImportError(row, year == null ? "jaar" : "streefwaarde", "import.plan.yearAndTarget"));
			}
			// a numeric indicator refuses text, as on the item page
			if ("NUMBER".equals(valueTypes.get(key))) {
				number(line, "streefwaarde", errors);
				number(line, "waarde", errors);
			}
			String date = line.value("meetdatum");
			if (date != null && DateText.parse(date) == null) {
				errors.add(new ImportError(row, "meetdatum", "import.plan.dateInvalid", date));
			}
			if ((date == null) != (line.value("waarde") == null)) {
				errors.add(new ImportError(row, date == null ? "meetdatum" : "waarde", "import.plan.dateAndValue"));
			}
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		int created = 0;
		int updated = 0;
		for (Table.Row line : file.rows()) {
			String key = line.value("item_code") + "|" + line.value("indicator_code");
			Definition d = definitions.remove(key);
			Long id = existing.get(key);
			if (d != null) {
				PlanItem item = byCode.get(line.value("item_code"));
				if (id == null) {
					id = jdbc
						.sql("""
								insert into plan.indicator (tenant_id, item_id, code, name, kind, value_type, unit, direction, baseline,
								  stats_code)
								values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
						.params(tenant.id(), item.id(), line.value("indicator_code"), d.name(), d.kind(), d.valueType(),
								d.unit(), d.direction(), d.baseline(), d.statsCode())
						.query(Long.class)
						.single();
					existing.put(key, id);
					created++;
					audit.created(tenant.id(), "indicator", String.valueOf(id), d.name(),
							List.of(FieldChange.added("item", item.code()), FieldChange.added("soort", d.kind())));
				}
				else {
					int rows = jdbc
						.sql("""
								update plan.indicator set name = ?, kind = ?, value_type = ?, unit = ?, direction = ?, baseline = ?
								where id = ? and tenant_id = ? and (name, kind, value_type, coalesce(unit, ''), direction, coalesce(baseline, -1))
								  is distinct from (?, ?, ?, coalesce(?, ''), ?, coalesce(?, -1))""")
						.params(d.name(), d.kind(), d.valueType(), d.unit(), d.direction(), d.baseline(), id,
								tenant.id(), d.name(), d.kind(), d.valueType(), d.unit(), d.direction(), d.baseline())
						.update();
					if (withStatsCode) {
						rows += jdbc.sql("""
								update plan.indicator set stats_code = ?
								where id = ? and tenant_id = ? and stats_code is distinct from ?""")
							.params(d.statsCode(), id, tenant.id(), d.statsCode())
							.update();
					}
					if (rows > 0) {
						updated++;
						audit.updated(tenant.id(), "indicator", String.valueOf(id), d.name(),
								List.of(FieldChange.added("import", "definitie")));
					}
				}
			}
			if (line.value("jaar") != null) {
				String target = line.value("streefwaarde");
				BigDecimal numeric = BelgianNumber.parse(target).orElse(null);
				int rows = jdbc
					.sql("""
							insert into plan.indicator_target (tenant_id, indicator_id, year, target, text_target) values (?, ?, ?, ?, ?)
							on conflict (indicator_id, year) do update set target = excluded.target, text_target = excluded.text_target
							where (plan.indicator_target.target, plan.indicator_target.text_target) is distinct from (excluded.target, excluded.text_target)""")
					.params(tenant.id(), id, Integer.parseInt(line.value("jaar")), numeric,
							numeric == null ? target : null)
					.update();
				updated += rows;
			}
			if (line.value("meetdatum") != null) {
				String value = line.value("waarde");
				BigDecimal numeric = BelgianNumber.parse(value).orElse(null);
				LocalDate date = DateText.parse(line.value("meetdatum"));
				int rows = jdbc
					.sql("""
							insert into plan.measurement (tenant_id, indicator_id, measured_on, value, text_value, source, comment)
							values (?, ?, ?, ?, ?, ?, ?)
							on conflict (indicator_id, measured_on) do update set value = excluded.value, text_value = excluded.text_value,
							  source = excluded.source, comment = excluded.comment
							where (plan.measurement.value, plan.measurement.text_value, plan.measurement.source, plan.measurement.comment)
							  is distinct from (excluded.value, excluded.text_value, excluded.source, excluded.comment)""")
					.params(tenant.id(), id, date, numeric, numeric == null ? value : null, line.value("bron"),
							line.value("opmerking"))
					.update();
				if (rows > 0) {
					updated++;
					audit.created(tenant.id(), "meting", id + "@" + date, line.value("indicator_code"),
							List.of(FieldChange.added("waarde", value), FieldChange.added("bron", line.value("bron"))));
				}
			}
		}
		int rows = file.rows().size();
		return new ImportSummary(rows, created, updated, Math.max(0, rows - created - updated), 0,
				plan.currentVersion());
	}

	private static String upper(String text) {
		return text == null ? null : text.trim().toUpperCase(Locale.ROOT);
	}

	private static BigDecimal number(Table.Row line, String column, List<ImportError> errors) {
		String text = line.value(column);
		if (text == null) {
			return null;
		}
		BigDecimal value = BelgianNumber.parse(text).orElse(null);
		if (value == null) {
			errors.add(new ImportError(line.number(), column, "import.plan.numberInvalid", text));
		}
		return value;
	}

}
