package be.obmi.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports observations into a scope, all or nothing: the long format ({@code indicator;gebied;periode;waarde} with
 * optional {@code niveau}, {@code n}, {@code N}, {@code voorlopig}, {@code geschat}, {@code reden} and breakdown
 * columns) and the Swing upload format ({@code period,geolevel,geoitem,<indicator>…}). Changed values are kept in
 * {@code stats.observation_change}, so an import shows in the history and can be undone as a whole.
 */
@Service
class ObservationImporter {

	static final Pattern PERIOD = Pattern.compile("^[0-9]{4}((S[12])|(Q[1-4])|(-(0[1-9]|1[0-2])))?$");

	private static final Map<String, String> SWING_MISSING = Map.of("-99999", "onbekend", "-99997", "gecensureerd",
			"-99998", "niet_van_toepassing", "-99996", "leeg");

	private static final Set<String> REASONS = Set.of("onbekend", "gecensureerd", "niet_van_toepassing", "leeg");

	private static final int MAX_ERRORS = 200;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Areas areas;

	private final Indicators indicators;

	private final AuditTrail audit;

	ObservationImporter(JdbcClient jdbc, DataSource dataSource, Areas areas, Indicators indicators, AuditTrail audit) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.areas = areas;
		this.indicators = indicators;
		this.audit = audit;
	}

	/** One value to write. {@code indicatorCode} is resolved to an id after validation. */
	record Value(long row, String indicatorCode, long areaId, String period, String breakdown, Double value,
			String missingReason, boolean provisional, boolean estimated, Integer n, Long population) {
	}

	record Summary(long importId, String format, int rows, int inserted, int updated, int unchanged,
			List<String> createdIndicators, List<String> warnings) {
	}

	private static final class Errors {

		final List<ImportError> list = new ArrayList<>();

		void add(long row, String column, String message) {
			if (list.size() < MAX_ERRORS) {
				list.add(new ImportError(row, column, message));
			}
		}

	}

	@Transactional
	Summary importFile(Scope scope, String filename, byte[] bytes, boolean createIndicators, String actor) {
		Table table = Table.read(bytes);
		Errors errors = new Errors();
		List<String> warnings = new ArrayList<>();
		List<Value> values = new ArrayList<>();
		String format;
		Set<String> lower = new HashSet<>();
		table.header().forEach(h -> lower.add(h.toLowerCase(Locale.ROOT)));
		if (table.header().isEmpty()) {
			throw new ImportRejectedException(List.of(new ImportError(1, "", "Het bestand is leeg.")));
		}
		if (lower.containsAll(List.of("period", "geolevel", "geoitem"))) {
			format = "swing";
			parseSwing(table, values, errors, warnings);
		}
		else if (lower.containsAll(List.of("indicator", "gebied", "periode", "waarde"))) {
			format = "lang";
			parseLong(table, values, errors);
		}
		else {
			throw new ImportRejectedException(List.of(new ImportError(1, "",
					"Onbekend formaat: verwacht de kolommen indicator, gebied, periode en waarde (lang formaat) of "
							+ "period, geolevel en geoitem (Swing-formaat).")));
		}
		// duplicate keys within the file
		Map<String, Long> seen = new HashMap<>();
		for (Value v : values) {
			String key = v.indicatorCode() + "|" + v.areaId() + "|" + v.period() + "|" + v.breakdown();
			Long first = seen.putIfAbsent(key, v.row());
			if (first != null) {
				errors.add(v.row(), v.indicatorCode(), "Dubbele waarde: dezelfde indicator, hetzelfde gebied en dezelfde periode staan ook op rij " + first + ".");
			}
		}
		// indicators
		Map<String, Indicator> byCode = new HashMap<>();
		Map<String, Long> unknown = new LinkedHashMap<>();
		for (Value v : values) {
			if (!byCode.containsKey(v.indicatorCode()) && !unknown.containsKey(v.indicatorCode())) {
				Optional<Indicator> found = indicators.find(scope, v.indicatorCode());
				if (found.isPresent()) {
					if (!scope.isPlatform() && found.get().tenantId() == null && !found.get().published()) {
						errors.add(v.row(), "indicator", "Indicator " + v.indicatorCode() + " is een ontwerp van het platform.");
					}
					byCode.put(v.indicatorCode(), found.get());
				}
				else {
					unknown.put(v.indicatorCode(), v.row());
				}
			}
		}
		if (!unknown.isEmpty() && !createIndicators) {
			unknown.forEach((code, row) -> errors.add(row, "swing".equals(format) ? code : "indicator",
					"Onbekende indicator '" + code + "'. Voeg ze eerst toe aan de catalogus of importeer met createIndicators=true."));
		}
		for (String code : unknown.keySet()) {
			if (!code.matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$") || code.length() > 80) {
				errors.add(unknown.get(code), code, "Ongeldige indicatorcode '" + code + "': gebruik letters, cijfers, punt, streepje of liggend streepje.");
			}
		}
		if (!errors.list.isEmpty()) {
			throw new ImportRejectedException(errors.list);
		}
		List<String> created = new ArrayList<>();
		for (String code : unknown.keySet()) {
			byCode.put(code, indicators.createDraft(scope, code));
			created.add(code);
		}
		return write(scope, filename, format, values, byCode, created, warnings, actor);
	}

	private Summary write(Scope scope, String filename, String format, List<Value> values, Map<String, Indicator> byCode,
			List<String> created, List<String> warnings, String actor) {
		long importId = jdbc.sql("""
				insert into stats.import_batch (tenant_id, filename, format, actor, row_count, inserted, updated, unchanged, created_indicators)
				values (?, ?, ?, ?, ?, 0, 0, 0, ?) returning id""")
			.params(scope.tenantId(), filename, format, actor, values.size(), created.size())
			.query(Long.class)
			.single();
		jdbc.sql("""
				create temp table import_rows (indicator_id bigint, area_id bigint, period varchar(7), breakdown varchar(200),
				  value double precision, missing_reason varchar(30), provisional boolean, estimated boolean,
				  sample_n integer, population_n bigint, margin double precision) on commit drop""").update();
		Copy.Rows rows = new Copy.Rows();
		for (Value v : values) {
			Indicator indicator = byCode.get(v.indicatorCode());
			rows.add(indicator.id()).add(v.areaId()).add(v.period()).add(v.breakdown()).add(v.value())
				.add(v.missingReason()).add(v.provisional()).add(v.estimated()).add(v.n()).add(v.population())
				.add(margin(indicator, v)).end();
		}
		if (!rows.isEmpty()) {
			Copy.in(dataSource, "import_rows (indicator_id, area_id, period, breakdown, value, missing_reason, provisional, "
					+ "estimated, sample_n, population_n, margin)", rows);
		}
		jdbc.sql("""
				insert into stats.observation_change (import_id, tenant_id, indicator_id, area_id, period, breakdown, had_old,
				  old_value, old_missing, old_provisional, old_estimated, old_sample_n, old_population_n, old_margin,
				  old_import_id, new_value, new_missing)
				select ?, ?, r.indicator_id, r.area_id, r.period, r.breakdown, o.indicator_id is not null,
				  o.value, o.missing_reason, o.provisional, o.estimated, o.sample_n, o.population_n, o.margin, o.import_id,
				  r.value, r.missing_reason
				from import_rows r
				left join stats.observation o on o.indicator_id = r.indicator_id and o.area_id = r.area_id
				  and o.period = r.period and o.breakdown = r.breakdown and coalesce(o.tenant_id, 0) = ?
				where o.indicator_id is null
				   or (o.value, o.missing_reason, o.provisional, o.estimated, o.sample_n, o.population_n, o.margin)
				      is distinct from (r.value, r.missing_reason, r.provisional, r.estimated, r.sample_n, r.population_n, r.margin)""")
			.params(importId, scope.tenantId(), scope.key())
			.update();
		jdbc.sql("""
				delete from stats.observation o using stats.observation_change c
				where c.import_id = ? and c.had_old and o.indicator_id = c.indicator_id and o.area_id = c.area_id
				  and o.period = c.period and o.breakdown = c.breakdown and coalesce(o.tenant_id, 0) = ?""")
			.params(importId, scope.key())
			.update();
		jdbc.sql("""
				insert into stats.observation (tenant_id, indicator_id, area_id, period, breakdown, value, missing_reason,
				  provisional, estimated, sample_n, population_n, margin, import_id)
				select ?, r.indicator_id, r.area_id, r.period, r.breakdown, r.value, r.missing_reason, r.provisional,
				  r.estimated, r.sample_n, r.population_n, r.margin, ?
				from import_rows r join stats.observation_change c on c.import_id = ? and c.indicator_id = r.indicator_id
				  and c.area_id = r.area_id and c.period = r.period and c.breakdown = r.breakdown""")
			.params(scope.tenantId(), importId, importId)
			.update();
		int inserted = jdbc.sql("select count(*) from stats.observation_change where import_id = ? and not had_old")
			.param(importId).query(Integer.class).single();
		int updated = jdbc.sql("select count(*) from stats.observation_change where import_id = ? and had_old")
			.param(importId).query(Integer.class).single();
		int unchanged = values.size() - inserted - updated;
		jdbc.sql("update stats.import_batch set inserted = ?, updated = ?, unchanged = ? where id = ?")
			.params(inserted, updated, unchanged, importId)
			.update();
		audit.created(scope.tenantId(), "cijferimport", String.valueOf(importId), filename == null ? "import" : filename,
				List.of(FieldChange.added("formaat", format), FieldChange.added("rijen", values.size()),
						FieldChange.added("nieuw", inserted), FieldChange.added("gewijzigd", updated),
						FieldChange.added("ongewijzigd", unchanged),
						FieldChange.added("nieuwe indicatoren", String.join(", ", created))));
		return new Summary(importId, format, values.size(), inserted, updated, unchanged, created, warnings);
	}

	/** The survey margin of a percentage: 1.96·√(p(100−p)/n)·√(1−n/N), when n is given. */
	static Double margin(Indicator indicator, Value v) {
		if (v.value() == null || v.n() == null || v.n() <= 0 || !"survey".equals(indicator.kind())) {
			return null;
		}
		double p = v.value();
		double m = 1.96 * Math.sqrt(Math.max(0, p * (100 - p)) / v.n());
		if (v.population() != null && v.population() > 0) {
			m *= Math.sqrt(Math.max(0, 1 - (double) v.n() / v.population()));
		}
		return Math.round(m * 1000) / 1000.0;
	}

	// Swing: period,geolevel,geoitem,<one column per indicator>
	private void parseSwing(Table table, List<Value> values, Errors errors, List<String> warnings) {
		List<String> header = table.header();
		int period = -1, level = -1, item = -1;
		Map<Integer, String> indicatorColumns = new TreeMap<>();
		for (int i = 0; i < header.size(); i++) {
			String h = header.get(i);
			switch (h.toLowerCase(Locale.ROOT)) {
				case "period" -> period = i;
				case "geolevel" -> level = i;
				case "geoitem" -> item = i;
				default -> {
					if (h.isBlank()) {
						warnings.add("Kolom " + (i + 1) + " heeft geen naam en is genegeerd.");
					}
					else {
						indicatorColumns.put(i, h);
					}
				}
			}
		}
		if (indicatorColumns.isEmpty()) {
			errors.add(1, "", "Het bestand heeft geen indicatorkolommen na period, geolevel en geoitem.");
		}
		for (Table.Line line : table.lines()) {
			String p = line.cell(period);
			boolean ok = true;
			if (!PERIOD.matcher(p).matches()) {
				errors.add(line.row(), "period", "Ongeldige periode '" + p + "': verwacht bv. 2024, 2024S1, 2024Q3 of 2024-06.");
				ok = false;
			}
			Optional<Area> area = resolveArea(line, line.cell(level), line.cell(item), "geolevel", "geoitem", errors);
			if (!ok || area.isEmpty()) {
				continue;
			}
			for (Map.Entry<Integer, String> column : indicatorColumns.entrySet()) {
				String raw = line.cell(column.getKey());
				if (raw.isEmpty()) {
					continue;
				}
				Value v = value(line.row(), column.getValue(), column.getValue(), area.get().id(), p, "", raw, null, false,
						false, null, null, errors);
				if (v != null) {
					values.add(v);
				}
			}
		}
	}

	private Optional<Area> resolveArea(Table.Line line, String levelText, String code, String levelColumn,
			String codeColumn, Errors errors) {
		if (code.isEmpty()) {
			errors.add(line.row(), codeColumn, "Gebiedscode ontbreekt.");
			return Optional.empty();
		}
		if (code.matches("^[0-9]+\\.0+$")) {
			code = code.substring(0, code.indexOf('.'));
		}
		if (levelText.isEmpty()) {
			Optional<Area> any = areas.findAnyLevel(code);
			if (any.isEmpty()) {
				errors.add(line.row(), codeColumn, "Onbekend gebied '" + code + "'.");
			}
			return any;
		}
		Optional<Level> level = Level.parse(levelText);
		if (level.isEmpty()) {
			errors.add(line.row(), levelColumn, "Onbekend gebiedsniveau '" + levelText
					+ "': gebruik gewest, provincie, gemeente, deelgemeente, wijk of statsec.");
			return Optional.empty();
		}
		Optional<Area> area = areas.find(level.get().code(), code);
		if (area.isEmpty()) {
			errors.add(line.row(), codeColumn, "Onbekend gebied '" + code + "' op niveau " + level.get().code() + ".");
		}
		return area;
	}

	private Value value(long row, String column, String indicatorCode, long areaId, String period, String breakdown,
			String raw, String reason, boolean provisional, boolean estimated, Integer n, Long population, Errors errors) {
		String text = raw.trim();
		String missing = SWING_MISSING.get(text.replaceAll("[.,]0+$", ""));
		if (missing != null) {
			return new Value(row, indicatorCode, areaId, period, breakdown, null, missing, provisional, estimated, n, population);
		}
		if (text.isEmpty()) {
			if (reason != null) {
				return new Value(row, indicatorCode, areaId, period, breakdown, null, reason, provisional, estimated, n, population);
			}
			errors.add(row, column, "Waarde ontbreekt: vul een getal in of geef een reden (kolom reden).");
			return null;
		}
		Double number = parseNumber(text);
		if (number == null) {
			errors.add(row, column, "'" + raw + "' is geen getal.");
			return null;
		}
		if (number <= -99990 && number >= -99999) {
			errors.add(row, column, "Onbekende ontbrekende-waardecode " + text + ": gebruik -99999, -99998, -99997 of -99996.");
			return null;
		}
		return new Value(row, indicatorCode, areaId, period, breakdown, number, null, provisional, estimated, n, population);
	}

	/** Parses {@code 1234.5}, {@code 1234,5} and {@code 1.234,5}; null when it is no finite number. */
	static Double parseNumber(String text) {
		String s = text.replace(" ", "").replace("\u00a0", "");
		if (s.contains(",") && s.contains(".")) {
			s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
		}
		else if (s.contains(",")) {
			s = s.replace(',', '.');
		}
		if (!s.matches("^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$")) {
			return null;
		}
		double d = Double.parseDouble(s);
		return Double.isFinite(d) ? d : null;
	}

	// long: indicator;gebied;periode;waarde [+ niveau, n, N, voorlopig, geschat, reden, breakdown columns]
	private void parseLong(Table table, List<Value> values, Errors errors) {
		List<String> header = table.header();
		Map<String, Integer> index = new HashMap<>();
		List<Integer> breakdownColumns = new ArrayList<>();
		Set<String> known = new LinkedHashSet<>(List.of("indicator", "gebied", "periode", "waarde", "niveau", "voorlopig",
				"geschat", "reden"));
		for (int i = 0; i < header.size(); i++) {
			String h = header.get(i);
			if (h.equals("n") || h.equals("N")) {
				index.put(h, i);
			}
			else if (known.contains(h.toLowerCase(Locale.ROOT))) {
				index.put(h.toLowerCase(Locale.ROOT), i);
			}
			else if (!h.isBlank()) {
				breakdownColumns.add(i);
			}
		}
		for (Table.Line line : table.lines()) {
			String code = line.cell(index.getOrDefault("indicator", -1));
			String p = line.cell(index.getOrDefault("periode", -1));
			boolean ok = true;
			if (code.isEmpty()) {
				errors.add(line.row(), "indicator", "Indicatorcode ontbreekt.");
				ok = false;
			}
			if (!PERIOD.matcher(p).matches()) {
				errors.add(line.row(), "periode", "Ongeldige periode '" + p + "': verwacht bv. 2024, 2024S1, 2024Q3 of 2024-06.");
				ok = false;
			}
			Optional<Area> area = resolveArea(line, line.cell(index.getOrDefault("niveau", -1)),
					line.cell(index.getOrDefault("gebied", -1)), "niveau", "gebied", errors);
			Integer n = null;
			Long population = null;
			String nText = line.cell(index.getOrDefault("n", -1));
			if (!nText.isEmpty()) {
				Double d = parseNumber(nText);
				if (d == null || d < 1 || d != Math.floor(d)) {
					errors.add(line.row(), "n", "'" + nText + "' is geen geldig aantal respondenten.");
					ok = false;
				}
				else {
					n = d.intValue();
				}
			}
			String bigN = line.cell(index.getOrDefault("N", -1));
			if (!bigN.isEmpty()) {
				Double d = parseNumber(bigN);
				if (d == null || d < 1 || d != Math.floor(d) || (n != null && d < n)) {
					errors.add(line.row(), "N", "'" + bigN + "' is geen geldige populatiegrootte (minstens n).");
					ok = false;
				}
				else {
					population = d.longValue();
				}
			}
			String reason = line.cell(index.getOrDefault("reden", -1)).toLowerCase(Locale.ROOT).replace(' ', '_');
			if (!reason.isEmpty() && !REASONS.contains(reason)) {
				errors.add(line.row(), "reden", "Onbekende reden '" + reason + "': gebruik onbekend, gecensureerd, niet_van_toepassing of leeg.");
				ok = false;
			}
			Boolean provisional = flag(line, index.getOrDefault("voorlopig", -1), "voorlopig", errors);
			Boolean estimated = flag(line, index.getOrDefault("geschat", -1), "geschat", errors);
			StringBuilder breakdown = new StringBuilder();
			for (int column : breakdownColumns) {
				String v = line.cell(column);
				if (!v.isEmpty()) {
					breakdown.append(breakdown.isEmpty() ? "" : "|").append(header.get(column)).append('=').append(v);
				}
			}
			if (breakdown.length() > 200) {
				errors.add(line.row(), header.get(breakdownColumns.get(0)), "De uitsplitsing is te lang (meer dan 200 tekens).");
				ok = false;
			}
			if (!ok || area.isEmpty() || provisional == null || estimated == null) {
				continue;
			}
			String raw = line.cell(index.getOrDefault("waarde", -1));
			if (!raw.isEmpty() && !reason.isEmpty()) {
				errors.add(line.row(), "reden", "Geef een waarde of een reden, niet beide.");
				continue;
			}
			Value v = value(line.row(), "waarde", code, area.get().id(), p, breakdown.toString(), raw,
					reason.isEmpty() ? null : reason, provisional, estimated, n, population, errors);
			if (v != null) {
				values.add(v);
			}
		}
	}

	private static Boolean flag(Table.Line line, int column, String name, Errors errors) {
		String v = line.cell(column).toLowerCase(Locale.ROOT);
		return switch (v) {
			case "", "nee", "neen", "0", "false", "n" -> false;
			case "ja", "1", "true", "j", "x" -> true;
			default -> {
				errors.add(line.row(), name, "'" + v + "' is geen ja of nee.");
				yield null;
			}
		};
	}

}
