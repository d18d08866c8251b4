package be.obmi.rights.usage;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;

import be.obmi.shared.DailyCounts;
import be.obmi.shared.EveryInstance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymous use of a city's public questionnaire: per day how many questionnaires were
 * started and finished, how often each question was shown and answered (the difference is
 * where people drop off), and which rights were shown as eligible or maybe. Counted in
 * memory and added to {@code rights.use_count} every second (as the knowledge portal
 * counts its page views): nothing about a visitor is kept — no answer, address, cookie or
 * session. The social workers' questionnaire is not counted.
 */
@Service
public class QuestionnaireUse {

	static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

	/** What is counted. */
	public enum Event {

		/** The first page of the questionnaire. */
		STARTED,
		/** The result shown. */
		FINISHED,
		/** A question shown (item: the question). */
		STEP,
		/** A question answered (item: the question). */
		ANSWERED,
		/** A right shown as eligible or maybe (item: the right's code). */
		SHOWN

	}

	/** The use of a city over a period. */
	public record Summary(long started, long finished, List<Step> steps, List<Shown> shown) {
	}

	/** A question: how often shown and answered; the rest dropped off there. */
	public record Step(String question, long shown, long answered) {

		public long droppedOff() {
			return Math.max(0, shown - answered);
		}

	}

	/** A right's code and how often it was shown. */
	public record Shown(String code, long times) {
	}

	private final JdbcClient jdbc;

	private final DailyCounts<Key> pending = new DailyCounts<>();

	QuestionnaireUse(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts one event today, in memory. */
	public void count(long tenantId, Event event, String item) {
		String key = item == null ? "" : item.length() > 100 ? item.substring(0, 100) : item;
		pending.add(LocalDate.now(ZONE), new Key(tenantId, event.name(), key));
	}

	/**
	 * Adds the counts since the last flush to the table; every
	 * {@code obmi.rights.use.flush-delay} (1 s) and at shutdown.
	 */
	@Scheduled(fixedDelayString = "${obmi.rights.use.flush-delay:PT1S}")
	@EveryInstance("adds this instance's in-memory counts of the questionnaire's use to the table")
	@PreDestroy
	public void flush() {
		pending.drain(LocalDate.now(ZONE),
				(counted, added) -> jdbc.sql("""
						insert into rights.use_count (tenant_id, day, event, item, count) values (?, ?, ?, ?, ?)
						on conflict (tenant_id, day, event, item) do update set count = rights.use_count.count + ?""")
					.params(counted.key().tenantId(), counted.day(), counted.key().event(), counted.key().item(), added,
							added)
					.update());
	}

	/** The city's use from {@code since} to today. */
	@Transactional(readOnly = true)
	public Summary of(long tenantId, LocalDate since) {
		Map<String, Long> totals = new LinkedHashMap<>();
		Map<String, long[]> steps = new LinkedHashMap<>();
		List<Shown> shown = new ArrayList<>();
		jdbc.sql("""
				select event, item, sum(count) as total from rights.use_count where tenant_id = ? and day >= ?
				group by event, item order by total desc, item""").params(tenantId, since).query(rs -> {
			String event = rs.getString("event");
			String item = rs.getString("item");
			long total = rs.getLong("total");
			switch (Event.valueOf(event)) {
				case STARTED, FINISHED -> totals.merge(event, total, Long::sum);
				case STEP -> steps.computeIfAbsent(item, k -> new long[2])[0] += total;
				case ANSWERED -> steps.computeIfAbsent(item, k -> new long[2])[1] += total;
				case SHOWN -> shown.add(new Shown(item, total));
			}
		});
		List<Step> ordered = new ArrayList<>();
		steps.forEach((question, counts) -> ordered.add(new Step(question, counts[0], counts[1])));
		return new Summary(totals.getOrDefault("STARTED", 0L), totals.getOrDefault("FINISHED", 0L), ordered,
				shown.size() > 20 ? shown.subList(0, 20) : shown);
	}

	private record Key(long tenantId, String event, String item) {
	}

}
