package be.obmi.stats.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Theme fact sheets (steekkaart met kerncijfers per thema): a template of key figures
 * that one city's data team drafts and every city fills with its own figures and a short
 * text of its own. The key figures are indicators of the shared platform catalogue,
 * published, so that every city can show them; the template can be changed by the tenant
 * that drafted it (or a platform administrator), each tenant's text only by that tenant.
 */
@Service
public class ThemeSheets {

	/** At most this many key figures on one sheet. */
	public static final int MAX_FIGURES = 12;

	/** The longest text a city writes on a sheet. */
	public static final int MAX_TEXT = 4000;

	private static final String SELECT = """
			select s.id, s.title, s.theme, s.indicator_codes, s.drafted_by, null as drafted_by_name, s.updated_by,
			       s.updated_at, s.version
			from stats.theme_sheet s
			""";

	/** A sheet: its key figures are {@link #codes()}, in order. */
	public record ThemeSheet(long id, String title, String theme, String indicatorCodes, Long draftedBy,
			String draftedByName, String updatedBy, OffsetDateTime updatedAt, int version) {

		public List<String> codes() {
			return Arrays.stream(indicatorCodes.split(",")).filter(c -> !c.isBlank()).toList();
		}

	}

	/** A tenant's text on a sheet; {@code version} -1 when it has none yet. */
	public record SheetText(String body, String updatedBy, OffsetDateTime updatedAt, int version) {

		static SheetText none() {
			return new SheetText("", null, null, -1);
		}

		/** The paragraphs, separated by a blank line. */
		public List<String> paragraphs() {
			return Arrays.stream(body.strip().split("\\R\\s*\\R"))
				.map(String::strip)
				.filter(p -> !p.isEmpty())
				.toList();
		}

	}

	private final JdbcClient jdbc;

	private final Indicators indicators;

	private final AuditTrail audit;

	private final Tenants tenants;

	ThemeSheets(JdbcClient jdbc, Indicators indicators, AuditTrail audit, Tenants tenants) {
		this.jdbc = jdbc;
		this.indicators = indicators;
		this.audit = audit;
		this.tenants = tenants;
	}

	@Transactional(readOnly = true)
	public List<ThemeSheet> all() {
		Map<Long, String> names = new HashMap<>();
		tenants.all().forEach(t -> names.put(t.id(), t.name()));
		return jdbc.sql(SELECT + "order by s.theme, s.title")
			.query(ThemeSheet.class)
			.list()
			.stream()
			.map(s -> named(s, s.draftedBy() == null ? null : names.get(s.draftedBy())))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<ThemeSheet> find(long id) {
		return jdbc.sql(SELECT + "where s.id = ?")
			.param(id)
			.query(ThemeSheet.class)
			.optional()
			.map(s -> named(s,
					s.draftedBy() == null ? null : tenants.byId(s.draftedBy()).map(Tenant::name).orElse(null)));
	}

	/**
	 * The sheet with the name of the tenant that drafted it (read through the tenancy
	 * module: once for a list, not per sheet).
	 */
	private static ThemeSheet named(ThemeSheet s, String name) {
		return new ThemeSheet(s.id(), s.title(), s.theme(), s.indicatorCodes(), s.draftedBy(), name, s.updatedBy(),
				s.updatedAt(), s.version());
	}

	/** The tenant's own text on the sheet, empty when it wrote none. */
	@Transactional(readOnly = true)
	public SheetText text(long sheetId, long tenantId) {
		return jdbc
			.sql("""
					select body, updated_by, updated_at, version from stats.theme_sheet_text where sheet_id = ? and tenant_id = ?""")
			.params(sheetId, tenantId)
			.query(SheetText.class)
			.optional()
			.orElse(SheetText.none());
	}

	/**
	 * Drafts a sheet for every city; {@code draftedBy} is the drafting tenant (null: the
	 * platform).
	 * @throws RefusedValueException for a blank or taken title, or codes that are not
	 * published indicators of the shared catalogue
	 */
	@Transactional
	public ThemeSheet create(Long draftedBy, String title, String theme, List<String> codes, String actor) {
		String name = checkedTitle(title);
		String joined = checkedCodes(codes);
		String themeName = theme == null || theme.isBlank() ? themeOf(joined) : theme.strip();
		long id;
		try {
			id = jdbc.sql("""
					insert into stats.theme_sheet (title, theme, indicator_codes, drafted_by, updated_by)
					values (?, ?, ?, ?, ?) returning id""")
				.params(name, themeName, joined, draftedBy, actor)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new RefusedValueException(Reason.of("stats.refused.sheetTitleTaken", name));
		}
		audit.created(draftedBy, "themafiche", String.valueOf(id), name, List.of(FieldChange.added("titel", name),
				FieldChange.added("thema", themeName), FieldChange.added("kerncijfers", joined)));
		return find(id).orElseThrow();
	}

	/**
	 * Changes the sheet's title and key figures.
	 * @throws RefusedValueException as {@link #create}, or when {@code tenantId} did not
	 * draft it
	 * @throws ConcurrentChangeException when it changed since {@code version}
	 */
	@Transactional
	public ThemeSheet update(Long tenantId, long id, int version, String title, List<String> codes, String actor) {
		ThemeSheet sheet = find(id)
			.orElseThrow(() -> new RefusedValueException(Reason.of("stats.refused.sheetUnknown")));
		if (tenantId != null && !tenantId.equals(sheet.draftedBy())) {
			throw new RefusedValueException(Reason.of("stats.refused.sheetNotYours", sheet.draftedByName()));
		}
		String name = checkedTitle(title);
		String joined = checkedCodes(codes);
		int changed;
		try {
			changed = jdbc.sql("""
					update stats.theme_sheet set title = ?, indicator_codes = ?, updated_by = ?, updated_at = now(),
					  version = version + 1
					where id = ? and version = ?""").params(name, joined, actor, id, version).update();
		}
		catch (DuplicateKeyException ex) {
			throw new RefusedValueException(Reason.of("stats.refused.sheetTitleTaken", name));
		}
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("stats.refused.sheetChanged", sheet.updatedBy()));
		}
		audit.updated(sheet.draftedBy(), "themafiche", String.valueOf(id), name,
				List.of(FieldChange.between("titel", sheet.title(), name),
						FieldChange.between("kerncijfers", sheet.indicatorCodes(), joined)));
		return find(id).orElseThrow();
	}

	/**
	 * Saves the tenant's own text on a sheet ({@code version} -1 for a first text).
	 * @throws ConcurrentChangeException when another editor saved it since
	 */
	@Transactional
	public void saveText(long tenantId, long sheetId, int version, String body, String actor) {
		ThemeSheet sheet = find(sheetId)
			.orElseThrow(() -> new RefusedValueException(Reason.of("stats.refused.sheetUnknown")));
		String text = body == null ? "" : body.strip();
		if (text.length() > MAX_TEXT) {
			throw new RefusedValueException(Reason.of("stats.refused.sheetTextLong", MAX_TEXT, text.length()));
		}
		SheetText old = text(sheetId, tenantId);
		int changed;
		if (version < 0) {
			changed = jdbc.sql("""
					insert into stats.theme_sheet_text (sheet_id, tenant_id, body, updated_by) values (?, ?, ?, ?)
					on conflict do nothing""").params(sheetId, tenantId, text, actor).update();
		}
		else {
			changed = jdbc
				.sql("""
						update stats.theme_sheet_text set body = ?, updated_by = ?, updated_at = now(), version = version + 1
						where sheet_id = ? and tenant_id = ? and version = ?""")
				.params(text, actor, sheetId, tenantId, version)
				.update();
		}
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("stats.refused.sheetChanged", old.updatedBy()));
		}
		audit.updated(tenantId, "themafiche-tekst", String.valueOf(sheetId), sheet.title(),
				List.of(FieldChange.between("tekst", old.body(), text)));
	}

	private static String checkedTitle(String title) {
		String name = title == null ? "" : title.strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new RefusedValueException(Reason.of("stats.refused.sheetTitle"));
		}
		return name;
	}

	private String checkedCodes(List<String> codes) {
		Set<String> distinct = new LinkedHashSet<>();
		if (codes != null) {
			codes.stream().map(String::strip).filter(c -> !c.isEmpty()).forEach(distinct::add);
		}
		if (distinct.isEmpty() || distinct.size() > MAX_FIGURES) {
			throw new RefusedValueException(Reason.of("stats.refused.sheetFigures", MAX_FIGURES));
		}
		List<String> unknown = new ArrayList<>();
		for (String code : distinct) {
			Optional<Indicator> found = indicators.find(Scope.platform(), code);
			if (found.isEmpty() || found.get().tenantId() != null || !found.get().published()) {
				unknown.add(code);
			}
		}
		if (!unknown.isEmpty()) {
			throw new RefusedValueException(Reason.of("stats.refused.sheetCodes", String.join(", ", unknown)));
		}
		return String.join(",", distinct);
	}

	private String themeOf(String joined) {
		return indicators.find(Scope.platform(), joined.split(",")[0]).map(Indicator::theme).orElse("Overige");
	}

}
