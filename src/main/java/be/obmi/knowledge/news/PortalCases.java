package be.obmi.knowledge.news;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portal shows of the published cases: the latest, those of a theme, the count
 * per contributing city, and the featured study of the week (the editors' pick in
 * {@code knowledge.featured_study}, else the latest published case of collection
 * {@value #STUDIES}). Only published cases are ever read here.
 */
@Service
public class PortalCases {

	public static final String STUDIES = "studies";

	private static final String SELECT = """
			select c.public_id, c.title, c.summary, c.published_at, c.demo, col.code, col.name_nl, col.name_en
			from knowledge.knowledge_case c join knowledge.collection col on col.id = c.collection_id
			where c.status = 'PUBLISHED'\s""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	PortalCases(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A published case with its collection. */
	public record PortalCase(UUID publicId, String title, String summary, Instant publishedAt, boolean demo,
			String collectionCode, String collectionNl, String collectionEn) {

		public String collectionName(Locale locale) {
			return "en".equals(locale.getLanguage()) ? collectionEn : collectionNl;
		}

		public String path() {
			return "/kennis/collecties/" + collectionCode + "/" + publicId;
		}

	}

	private static PortalCase row(ResultSet rs, int n) throws SQLException {
		Timestamp at = rs.getTimestamp("published_at");
		return new PortalCase(rs.getObject("public_id", UUID.class), rs.getString("title"), rs.getString("summary"),
				at == null ? null : at.toInstant(), rs.getBoolean("demo"), rs.getString("code"),
				rs.getString("name_nl"), rs.getString("name_en"));
	}

	/** The latest published cases, newest first. */
	@Transactional(readOnly = true)
	public List<PortalCase> latest(int limit) {
		return jdbc.sql(SELECT + "order by c.published_at desc nulls last, c.id desc limit ?")
			.param(limit)
			.query(PortalCases::row)
			.list();
	}

	/** The published cases tagged with a theme, newest first. */
	@Transactional(readOnly = true)
	public List<PortalCase> ofTheme(String theme, int limit) {
		return jdbc.sql(SELECT + """
				and exists (select 1 from knowledge.case_theme t where t.case_id = c.id and t.theme_code = ?)
				order by c.published_at desc nulls last, c.id desc limit ?""")
			.params(theme, limit)
			.query(PortalCases::row)
			.list();
	}

	/** The published studies (collection {@value #STUDIES}), newest first. */
	@Transactional(readOnly = true)
	public List<PortalCase> studies() {
		return jdbc.sql(SELECT + "and col.code = ? order by c.published_at desc nulls last, c.id desc")
			.param(STUDIES)
			.query(PortalCases::row)
			.list();
	}

	/** The number of published cases per contributing city (tenant id). */
	@Transactional(readOnly = true)
	public Map<Long, Long> publishedPerCity() {
		return jdbc.sql("""
				select tenant_id, count(*) as n from knowledge.knowledge_case
				where status = 'PUBLISHED' and tenant_id is not null group by tenant_id""")
			.query((rs, row) -> Map.entry(rs.getLong("tenant_id"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The ISO week of a day, as {@code 2026-W49}. */
	public static String isoWeek(LocalDate day) {
		return String.format(Locale.ROOT, "%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
				day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/** The editors' pick of the week, if it is still a published study. */
	@Transactional(readOnly = true)
	public Optional<PortalCase> picked(String isoWeek) {
		return jdbc.sql(SELECT + """
				and col.code = ? and c.id = (select f.case_id from knowledge.featured_study f where f.iso_week = ?)""")
			.params(STUDIES, isoWeek)
			.query(PortalCases::row)
			.optional();
	}

	/** The featured study of the week: the pick, else the latest published study. */
	@Transactional(readOnly = true)
	public Optional<PortalCase> featured(String isoWeek) {
		return picked(isoWeek).or(() -> studies().stream().findFirst());
	}

	/**
	 * Features a published study in a week (replacing the week's pick).
	 * @throws NotFoundException when it is not a published study
	 */
	@Transactional
	public PortalCase feature(String isoWeek, UUID publicId) {
		PortalCase study = studies().stream()
			.filter(s -> s.publicId().equals(publicId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException(Reason.of("knowledge.refused.caseUnknown")));
		String before = picked(isoWeek).map(PortalCase::title).orElse(null);
		jdbc.sql("""
				insert into knowledge.featured_study (iso_week, case_id)
				values (?, (select id from knowledge.knowledge_case where public_id = ?))
				on conflict (iso_week) do update set case_id = excluded.case_id""").params(isoWeek, publicId).update();
		audit.updated(null, "kennisuitgelicht", isoWeek, isoWeek,
				List.of(FieldChange.between("studie", before, study.title())));
		return study;
	}

}
