package be.obmi.stats.domain;

import be.obmi.shared.tabular.ImportRejectedException;
import be.obmi.shared.tabular.ImportError;
import be.obmi.shared.BelgianNumber;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.ScopeLock;
import be.obmi.shared.tabular.SpreadsheetText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.tabular.Table;
import be.obmi.shared.tabular.TableReader;
import be.obmi.shared.Reason;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalogue export (CSV with {@code ;}, UTF-8 with BOM, or XLSX) and import into a scope:
 * all or nothing, new codes are created, existing codes of the scope updated (each change
 * in the audit history). The columns are documented in
 * {@code docs/formats/stats-catalogue.md}.
 * <p>
 * Over 300 lines because the catalogue upload is one file format with many columns, each
 * with its check.
 */
@Service
public class Catalogue {

	/** The columns of the format, in the order of the export. */
	public static final List<String> COLUMNS = List.of("code", "naam", "thema", "definitie", "eenheid", "bron", "soort",
			"teller", "noemer", "factor", "aggregatie", "decimalen", "drempel", "gepubliceerd", "demo", "naam_en",
			"thema_en", "definitie_en", "eenheid_en", "totalen");

	/**
	 * What an observation import does when a level and its sub-levels disagree
	 * ({@code stats.indicator.totals_check}).
	 */
	private static final Set<String> TOTALS = Set.of("waarschuwen", "weigeren");

	/** The optional English columns: left out of a file, they keep what is stored. */
	private static final List<String> ENGLISH = List.of("naam_en", "thema_en", "definitie_en", "eenheid_en");

	private static final Set<String> YES_NO = Set.of("ja", "nee", "1", "0", "true", "false");

	private static final Set<String> YES = Set.of("ja", "1", "true");

	private final JdbcClient jdbc;

	private final Indicators indicators;

	private final AuditTrail audit;

	private final ScopeLock lock;

	Catalogue(JdbcClient jdbc, Indicators indicators, AuditTrail audit, ScopeLock lock) {
		this.lock = lock;
		this.jdbc = jdbc;
		this.indicators = indicators;
		this.audit = audit;
	}

	public List<List<String>> rows(List<Indicator> list) {
		Map<Long, String> codes = new HashMap<>();
		list.forEach(i -> codes.put(i.id(), i.code()));
		Map<Long, String> totals = new HashMap<>();
		jdbc.sql("select id, totals_check from stats.indicator").query(rs -> {
			totals.put(rs.getLong(1), rs.getString(2));
		});
		List<List<String>> rows = new ArrayList<>();
		rows.add(COLUMNS);
		for (Indicator i : list) {
			rows.add(List.of(i.code(), i.name(), i.theme(), nz(i.definition()), nz(i.unit()), nz(i.source()), i.kind(),
					i.numeratorId() == null ? "" : codeOf(codes, i.numeratorId()),
					i.denominatorId() == null ? "" : codeOf(codes, i.denominatorId()), number(i.factor()),
					i.aggregation(), String.valueOf(i.decimals()), String.valueOf(i.threshold()),
					i.published() ? "ja" : "nee", i.demo() ? "ja" : "nee", nz(i.nameEn()), nz(i.themeEn()),
					nz(i.definitionEn()), nz(i.unitEn()), totals.getOrDefault(i.id(), "waarschuwen")));
		}
		return rows;
	}

	private String codeOf(Map<Long, String> codes, long id) {
		return codes.computeIfAbsent(id, k -> indicators.byId(k).map(Indicator::code).orElse(""));
	}

	public static byte[] csv(List<List<String>> rows) {
		StringBuilder text = new StringBuilder("\uFEFF");
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				String v = SpreadsheetText.neutralised(row.get(i));
				text.append(i == 0 ? "" : ";")
					.append(v.contains(";") || v.contains("\"") || v.contains("\n")
							? "\"" + v.replace("\"", "\"\"") + "\"" : v);
			}
			text.append("\r\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] xlsx(List<List<String>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("indicatoren");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public record Result(int created, int updated, int unchanged) {
	}

	private record Parsed(long row, String code, String name, String theme, String definition, String unit,
			String source, String kind, String numerator, String denominator, double factor, String aggregation,
			int decimals, int threshold, boolean published, boolean demo, Map<Integer, String> english) {

		/**
		 * The English text of a column (null when blank), or the stored one when the file
		 * has no such column.
		 */
		String english(int index, String stored) {
			return english.containsKey(index) ? english.get(index) : stored;
		}

	}

	@Transactional
	public Result importFile(Scope scope, byte[] bytes) {
		lock.acquire(ScopeLock.Kind.STATISTICS, scope.key());
		Table table = TableReader.read(bytes);
		List<ImportError> errors = new ArrayList<>();
		Map<String, Integer> col = new HashMap<>();
		for (int i = 0; i < table.header().size(); i++) {
			col.put(table.header().get(i).toLowerCase(Locale.ROOT), i);
		}
		for (String required : List.of("code", "naam")) {
			if (!col.containsKey(required)) {
				errors.add(new ImportError(1, required, "import.stats.catalogueColumnMissing", required));
			}
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		List<Parsed> parsed = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Map<String, String> totalsChecks = new HashMap<>();
		for (Table.Row line : table.rows()) {
			long row = line.number();
			String code = get(line, col, "code");
			String totalsCheck = get(line, col, "totalen").toLowerCase(Locale.ROOT);
			if (!totalsCheck.isEmpty()) {
				if (TOTALS.contains(totalsCheck)) {
					totalsChecks.put(code, totalsCheck);
				}
				else {
					errors.add(new ImportError(row, "totalen", "import.stats.catalogueTotalsInvalid", totalsCheck));
				}
			}
			String name = get(line, col, "naam");
			if (!code.matches("^[A-Za-z0-9][A-Za-z0-9_.-]*$") || code.length() > 80) {
				errors.add(new ImportError(row, "code", "import.stats.catalogueCodeInvalid", code));
				continue;
			}
			if (!seen.add(code)) {
				errors.add(new ImportError(row, "code", "import.stats.catalogueCodeTwice", code));
			}
			if (name.isEmpty()) {
				errors.add(new ImportError(row, "naam", "import.stats.catalogueNameMissing"));
			}
			Indicator existing = indicators.find(scope, code).orElse(null);
			if (existing != null && !Objects.equals(existing.tenantId(), scope.tenantId())) {
				errors.add(new ImportError(row, "code", "import.stats.catalogueIndicatorShared", code));
			}
			String kind = orDefault(get(line, col, "soort"), "registered");
			if (!Set.of("registered", "survey").contains(kind)) {
				errors.add(new ImportError(row, "soort", "import.stats.catalogueKindInvalid"));
			}
			String aggregation = orDefault(get(line, col, "aggregatie"), "sum");
			if (!Set.of("sum", "ratio", "none").contains(aggregation)) {
				errors.add(new ImportError(row, "aggregatie", "import.stats.catalogueAggregationInvalid"));
			}
			Double factor = BelgianNumber.parseDouble(orDefault(get(line, col, "factor"), "1"));
			if (factor == null) {
				errors.add(new ImportError(row, "factor", "import.stats.catalogueFactorNotANumber"));
			}
			Integer decimals = integer(line, col, "decimalen", aggregation.equals("sum") ? 0 : 1, 0, 6, errors);
			Integer threshold = integer(line, col, "drempel", aggregation.equals("sum") ? 5 : 0, 0, 1_000_000, errors);
			String published = orDefault(get(line, col, "gepubliceerd"), "nee").toLowerCase(Locale.ROOT);
			if (!YES_NO.contains(published)) {
				errors.add(new ImportError(row, "gepubliceerd", "import.stats.cataloguePublishedInvalid"));
			}
			String demo = orDefault(get(line, col, "demo"), "nee").toLowerCase(Locale.ROOT);
			if (!YES_NO.contains(demo)) {
				errors.add(new ImportError(row, "demo", "import.stats.catalogueDemoInvalid"));
			}
			String numerator = get(line, col, "teller");
			String denominator = get(line, col, "noemer");
			if (aggregation.equals("ratio") && (numerator.isEmpty() || denominator.isEmpty())) {
				errors.add(new ImportError(row, "teller", "import.stats.catalogueRatioIncomplete"));
			}
			parsed.add(new Parsed(row, code, name, orDefault(get(line, col, "thema"), "Overige"),
					blank(get(line, col, "definitie")), blank(get(line, col, "eenheid")), blank(get(line, col, "bron")),
					kind, numerator, denominator, factor == null ? 1 : factor, aggregation,
					decimals == null ? 0 : decimals, threshold == null ? 0 : threshold, YES.contains(published),
					YES.contains(demo), english(line, col)));
		}
		// numerators and denominators: in the scope or in this file
		for (Parsed p : parsed) {
			for (String ref : new String[] { p.numerator(), p.denominator() }) {
				if (!ref.isEmpty() && !seen.contains(ref) && indicators.find(scope, ref).isEmpty()) {
					errors.add(new ImportError(p.row(), ref.equals(p.numerator()) ? "teller" : "noemer",
							"import.stats.catalogueIndicatorUnknown", ref));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new ImportRejectedException(errors);
		}
		int created = 0, updated = 0, unchanged = 0;
		for (Parsed p : parsed) {
			Indicator old = indicators.find(scope, p.code())
				.filter(i -> Objects.equals(i.tenantId(), scope.tenantId()))
				.orElse(null);
			if (old == null) {
				long id = jdbc
					.sql("""
							insert into stats.indicator (tenant_id, code, name, theme, definition, unit, source, kind, factor,
							  aggregation, decimals, threshold, published, demo, name_en, theme_en, definition_en, unit_en,
							  published_at)
							values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end)
							returning id""")
					.params(scope.tenantId(), p.code(), p.name(), p.theme(), p.definition(), p.unit(), p.source(),
							p.kind(), p.factor(), p.aggregation(), p.decimals(), p.threshold(), p.published(), p.demo(),
							p.english(0, null), p.english(1, null), p.english(2, null), p.english(3, null),
							p.published())
					.query(Long.class)
					.single();
				audit.created(scope.tenantId(), "indicator", String.valueOf(id), p.code(),
						List.of(FieldChange.added("naam", p.name()), FieldChange.added("thema", p.theme()),
								FieldChange.added("aggregatie", p.aggregation())));
				created++;
			}
			else {
				List<FieldChange> changes = new ArrayList<>();
				for (FieldChange c : new FieldChange[] { FieldChange.between("naam", old.name(), p.name()),
						FieldChange.between("thema", old.theme(), p.theme()),
						FieldChange.between("definitie", old.definition(), p.definition()),
						FieldChange.between("eenheid", old.unit(), p.unit()),
						FieldChange.between("bron", old.source(), p.source()),
						FieldChange.between("soort", old.kind(), p.kind()),
						FieldChange.between("factor", number(old.factor()), number(p.factor())),
						FieldChange.between("aggregatie", old.aggregation(), p.aggregation()),
						FieldChange.between("decimalen", old.decimals(), p.decimals()),
						FieldChange.between("drempel", old.threshold(), p.threshold()),
						FieldChange.between("gepubliceerd", old.published(), p.published()),
						FieldChange.between("demo", old.demo(), p.demo()),
						FieldChange.between("naam_en", old.nameEn(), p.english(0, old.nameEn())),
						FieldChange.between("thema_en", old.themeEn(), p.english(1, old.themeEn())),
						FieldChange.between("definitie_en", old.definitionEn(), p.english(2, old.definitionEn())),
						FieldChange.between("eenheid_en", old.unitEn(), p.english(3, old.unitEn())) }) {
					if (c != null) {
						changes.add(c);
					}
				}
				if (changes.isEmpty()) {
					unchanged++;
				}
				else {
					int n = jdbc
						.sql("""
								update stats.indicator set name = ?, theme = ?, definition = ?, unit = ?, source = ?, kind = ?,
								  factor = ?, aggregation = ?, decimals = ?, threshold = ?, published = ?, demo = ?,
								  name_en = ?, theme_en = ?, definition_en = ?, unit_en = ?, version = version + 1,
								  published_at = case when ? and not published then now() else published_at end,
								  edited_at = case when ? then now() else edited_at end
								where id = ? and version = ?""")
						.params(p.name(), p.theme(), p.definition(), p.unit(), p.source(), p.kind(), p.factor(),
								p.aggregation(), p.decimals(), p.threshold(), p.published(), p.demo(),
								p.english(0, old.nameEn()), p.english(1, old.themeEn()),
								p.english(2, old.definitionEn()), p.english(3, old.unitEn()), p.published(),
								changes.stream().anyMatch(c -> !c.field().equals("gepubliceerd")), old.id(),
								old.version())
						.update();
					if (n == 0) {
						throw new ConcurrentChangeException(Reason.of("stats.refused.indicatorChanged", p.code()));
					}
					audit.updated(scope.tenantId(), "indicator", String.valueOf(old.id()), p.code(), changes);
					updated++;
				}
			}
		}
		// links to numerator and denominator, once every indicator exists
		for (Parsed p : parsed) {
			Long numerator = p.numerator().isEmpty() ? null : indicators.find(scope, p.numerator()).orElseThrow().id();
			Long denominator = p.denominator().isEmpty() ? null
					: indicators.find(scope, p.denominator()).orElseThrow().id();
			jdbc.sql(
					"update stats.indicator set numerator_id = ?, denominator_id = ? where code = ? and tenant_id is not distinct from ?")
				.params(numerator, denominator, p.code(), scope.tenantId())
				.update();
		}
		// what an observation import does when levels disagree, where the file says so
		totalsChecks.forEach((code, check) -> {
			List<Long> changed = jdbc.sql("""
					update stats.indicator set totals_check = ? where code = ? and tenant_id is not distinct from ?
					  and totals_check <> ? returning id""")
				.params(check, code, scope.tenantId(), check)
				.query(Long.class)
				.list();
			changed.forEach(id -> audit.updated(scope.tenantId(), "indicator", String.valueOf(id), code, List
				.of(FieldChange.between("totalen", check.equals("weigeren") ? "waarschuwen" : "weigeren", check))));
		});
		return new Result(created, updated, unchanged);
	}

	/**
	 * The texts of the English columns the file has, by their index in {@link #ENGLISH}
	 * (null when blank).
	 */
	private static Map<Integer, String> english(Table.Row line, Map<String, Integer> col) {
		Map<Integer, String> texts = new HashMap<>();
		for (int i = 0; i < ENGLISH.size(); i++) {
			if (col.containsKey(ENGLISH.get(i))) {
				texts.put(i, blank(get(line, col, ENGLISH.get(i))));
			}
		}
		return texts;
	}

	private static Integer integer(Table.Row line, Map<String, Integer> col, String name, int dflt, int min, int max,
			List<ImportError> errors) {
		String text = get(line, col, name);
		if (text.isEmpty()) {
			return dflt;
		}
		try {
			int v = Integer.parseInt(text);
			if (v < min || v > max) {
				throw new NumberFormatException();
			}
			return v;
		}
		catch (NumberFormatException ex) {
			errors.add(new ImportError(line.number(), name, "import.stats.catalogueIntegerInvalid", text, min, max));
			return null;
		}
	}

	private static String get(Table.Row line, Map<String, Integer> col, String name) {
		return line.cell(col.getOrDefault(name, -1));
	}

	private static String orDefault(String s, String dflt) {
		return s.isEmpty() ? dflt : s;
	}

	private static String blank(String s) {
		return s.isEmpty() ? null : s;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static String number(double d) {
		return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
	}

}
