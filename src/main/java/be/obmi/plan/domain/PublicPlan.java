package be.obmi.plan.domain;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public plan portal asks the database besides the tree: a search over the
 * actions' titles and descriptions and the date of the latest publication. Every query is
 * bound to the plan's tenant; which actions may be shown at all (those with a published
 * update) is decided on the {@link PlanTree}, not here.
 */
@Service
public class PublicPlan {

	static final int MAX_WORDS = 10;

	static final int MAX_LENGTH = 200;

	private final JdbcClient jdbc;

	PublicPlan(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ids of the plan's active actions whose title or description contains every word
	 * of {@code query}, case and accents ignored ({@code unaccent}, installed in the
	 * {@code public} schema by the statistics search). A blank query matches nothing;
	 * only the first {@value #MAX_WORDS} words of at most {@value #MAX_LENGTH} characters
	 * count.
	 */
	@Transactional(readOnly = true)
	public Set<Long> searchActions(Plan plan, String query) {
		Set<Long> ids = new HashSet<>();
		if (query == null || query.isBlank()) {
			return ids;
		}
		StringBuilder sql = new StringBuilder("""
				select id from plan.plan_item
				where plan_id = :plan and tenant_id = :tenant and type = 'AC' and archived_at is null""");
		String text = query.strip();
		String[] words = text.substring(0, Math.min(text.length(), MAX_LENGTH)).split("\\s+");
		for (int i = 0; i < words.length && i < MAX_WORDS; i++) {
			sql.append(" and public.unaccent(title || ' ' || coalesce(description, '')) ilike public.unaccent(:w")
				.append(i)
				.append(") escape '\\'");
		}
		JdbcClient.StatementSpec spec = jdbc.sql(sql.toString())
			.param("plan", plan.id())
			.param("tenant", plan.tenantId());
		for (int i = 0; i < words.length && i < MAX_WORDS; i++) {
			spec = spec.param("w" + i, "%" + likeEscaped(words[i]) + "%");
		}
		ids.addAll(spec.query(Long.class).list());
		return ids;
	}

	/** When an update of the plan was last published; empty before the first. */
	@Transactional(readOnly = true)
	public Optional<OffsetDateTime> lastPublished(Plan plan) {
		return jdbc.sql("""
				select max(u.published_at) from plan.status_update u join plan.status_round r on r.id = u.round_id
				where r.plan_id = ? and u.tenant_id = ? and u.state = 'GEPUBLICEERD'""")
			.params(plan.id(), plan.tenantId())
			.query(OffsetDateTime.class)
			.optional();
	}

	/** {@code text} with the wildcards of LIKE taken literally. */
	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
