package be.obmi.knowledge.housing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.Period;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The half-yearly update rounds of the housing-policy instruments: a Kenniscentrum editor
 * opens one (at most one is open), each city confirms, changes or ends its instruments
 * and submits them (all or nothing), the editor closes the round, which freezes a
 * snapshot of every city's instruments.
 * <p>
 * Concurrency: a submit takes the round's row {@code for share} and the city's task row
 * {@code for update} and checks the task's version, so two submits of one city run one
 * after the other and the second, read before the first, is refused; closing updates the
 * round's row, so it waits for the submits under way and refuses those that come after.
 */
@Service
public class HousingRounds {

	private static final String ROUND = """
			select id, name, period, deadline, state, opened_by, opened_at, closed_by, closed_at, demo, version
			from knowledge.housing_round""";

	private final JdbcClient jdbc;

	private final CityInstruments instruments;

	private final Tenants tenants;

	private final AuditTrail audit;

	HousingRounds(JdbcClient jdbc, CityInstruments instruments, Tenants tenants, AuditTrail audit) {
		this.jdbc = jdbc;
		this.instruments = instruments;
		this.tenants = tenants;
		this.audit = audit;
	}

	/** Every round, newest first. */
	@Transactional(readOnly = true)
	public List<HousingRound> all() {
		return jdbc.sql(ROUND + " order by opened_at desc, id desc").query(HousingRound.class).list();
	}

	/** The closed rounds, newest first. */
	@Transactional(readOnly = true)
	public List<HousingRound> closed() {
		return all().stream().filter(r -> !r.open()).toList();
	}

	@Transactional(readOnly = true)
	public Optional<HousingRound> byId(long id) {
		return jdbc.sql(ROUND + " where id = ?").param(id).query(HousingRound.class).optional();
	}

	/** The open round, if any. */
	@Transactional(readOnly = true)
	public Optional<HousingRound> openRound() {
		return jdbc.sql(ROUND + " where state = 'OPEN'").query(HousingRound.class).optional();
	}

	/**
	 * Opens a round for every city.
	 * @throws RefusedValueException for a missing or too long name, a name taken, or a
	 * deadline missing or past
	 * @throws RefusedStateException when a round is open already
	 */
	@Transactional
	public HousingRound open(String name, LocalDate deadline, LocalDate today, String actor, boolean demo) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 40) {
			throw new RefusedValueException(Reason.of("knowledge.refused.housing.roundName"));
		}
		if (deadline == null || deadline.isBefore(today) || deadline.getYear() > 2200) {
			throw new RefusedValueException(Reason.of("knowledge.refused.housing.deadline"));
		}
		if (openRound().isPresent()) {
			throw new RefusedStateException(Reason.of("knowledge.refused.housing.roundOpen"));
		}
		if (jdbc.sql("select count(*) from knowledge.housing_round where lower(name) = lower(?)")
			.param(trimmed)
			.query(Integer.class)
			.single() > 0) {
			throw new RefusedValueException(Reason.of("knowledge.refused.housing.roundNameTaken", trimmed));
		}
		String period = Period.parse(trimmed).map(Period::code).orElse(null);
		long id = jdbc.sql("""
				insert into knowledge.housing_round (name, period, deadline, opened_by, demo) values (?, ?, ?, ?, ?)
				on conflict do nothing returning id""")
			.params(trimmed, period, deadline, actor, demo)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RefusedStateException(Reason.of("knowledge.refused.housing.roundOpen")));
		List<Tenant> cities = instruments.cities();
		for (Tenant city : cities) {
			jdbc.sql("insert into knowledge.housing_round_city (round_id, tenant_id) values (?, ?)")
				.params(id, city.id())
				.update();
		}
		audit.created(null, "woonbeleidsronde", String.valueOf(id), trimmed, List.of(FieldChange.added("naam", trimmed),
				FieldChange.added("deadline", deadline), FieldChange.added("steden", cities.size())));
		return byId(id).orElseThrow();
	}

	/** The cities' tasks in a round, by city name. */
	@Transactional(readOnly = true)
	public List<RoundCity> cities(HousingRound round) {
		Map<Long, Tenant> byId = new HashMap<>();
		tenants.all().forEach(t -> byId.put(t.id(), t));
		return jdbc.sql("""
				select tenant_id, submitted_by, submitted_at, reminded_at, reminded_by, version
				from knowledge.housing_round_city where round_id = ?""")
			.param(round.id())
			.query((rs, n) -> new RoundCity(byId.get(rs.getLong("tenant_id")), round.id(), rs.getString("submitted_by"),
					rs.getObject("submitted_at", OffsetDateTime.class),
					rs.getObject("reminded_at", OffsetDateTime.class), rs.getString("reminded_by"),
					rs.getInt("version")))
			.list()
			.stream()
			.filter(c -> c.city() != null)
			.sorted((a, b) -> a.city().name().compareToIgnoreCase(b.city().name()))
			.toList();
	}

	/** A city's task in a round. */
	@Transactional(readOnly = true)
	public Optional<RoundCity> task(HousingRound round, Tenant city) {
		return cities(round).stream().filter(c -> c.city().id() == city.id()).findFirst();
	}

	/**
	 * Saves a city's instruments and submits them for the round, all or nothing. A city
	 * may submit again while the round is open; {@code taskVersion} is the version of the
	 * task the form was read with.
	 * @throws RefusedStateException when the round is closed or the city not in it
	 * @throws ConcurrentChangeException when the city submitted (or a record changed)
	 * since the form was read
	 */
	@Transactional
	public int submit(Tenant city, long roundId, List<InstrumentForm> forms, int taskVersion, String actor) {
		String state = jdbc.sql("select state from knowledge.housing_round where id = ? for share")
			.param(roundId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new RefusedStateException(Reason.of("knowledge.refused.housing.roundClosed")));
		if (!"OPEN".equals(state)) {
			throw new RefusedStateException(Reason.of("knowledge.refused.housing.roundClosed"));
		}
		Integer version = jdbc.sql("""
				select version from knowledge.housing_round_city where round_id = ? and tenant_id = ? for update""")
			.params(roundId, city.id())
			.query(Integer.class)
			.optional()
			.orElseThrow(
					() -> new RefusedStateException(Reason.of("knowledge.refused.housing.notInRound", city.name())));
		if (version != taskVersion) {
			throw new ConcurrentChangeException(Reason.of("knowledge.refused.housing.submittedMeanwhile"));
		}
		int changed = instruments.save(city, forms, actor, false);
		jdbc.sql("""
				update knowledge.housing_round_city set submitted_by = ?, submitted_at = now(), version = version + 1
				where round_id = ? and tenant_id = ?""").params(actor, roundId, city.id()).update();
		audit.updated(city.id(), "woonbeleidsronde", String.valueOf(roundId), city.name(),
				List.of(FieldChange.added("ingediend", actor), FieldChange.added("gewijzigd", changed)));
		return changed;
	}

	/**
	 * Closes the round and freezes a snapshot of every city's instruments.
	 * @throws RefusedStateException when it is closed already
	 */
	@Transactional
	public HousingRound close(long roundId, String actor) {
		HousingRound before = byId(roundId)
			.orElseThrow(() -> new RefusedStateException(Reason.of("knowledge.refused.housing.roundClosed")));
		int rows = jdbc
			.sql("""
					update knowledge.housing_round set state = 'CLOSED', closed_by = ?, closed_at = now(), version = version + 1
					where id = ? and state = 'OPEN'""")
			.params(actor, roundId)
			.update();
		if (rows == 0) {
			throw new RefusedStateException(Reason.of("knowledge.refused.housing.roundClosed"));
		}
		int frozen = jdbc.sql("""
				insert into knowledge.housing_snapshot
				  (round_id, tenant_id, instrument_code, present, regulation_url, note, since)
				select rc.round_id, i.tenant_id, i.instrument_code, i.present, i.regulation_url, i.note, i.since
				from knowledge.housing_city_instrument i
				join knowledge.housing_round_city rc on rc.tenant_id = i.tenant_id and rc.round_id = ?""")
			.param(roundId)
			.update();
		audit.updated(null, "woonbeleidsronde", String.valueOf(roundId), before.name(),
				List.of(FieldChange.between("state", before.state(), "CLOSED"), FieldChange.added("snapshot", frozen)));
		return byId(roundId).orElseThrow();
	}

	/** A closed round's snapshot, by tenant id and instrument code. */
	@Transactional(readOnly = true)
	public Map<Long, Map<String, InstrumentState>> snapshot(HousingRound round) {
		Map<Long, Map<String, InstrumentState>> states = new HashMap<>();
		jdbc.sql("""
				select tenant_id, instrument_code, present, regulation_url, note, since
				from knowledge.housing_snapshot where round_id = ?""").param(round.id()).query(rs -> {
			states.computeIfAbsent(rs.getLong("tenant_id"), t -> new HashMap<>())
				.put(rs.getString("instrument_code"), new InstrumentState(rs.getBoolean("present"),
						rs.getString("regulation_url"), rs.getString("note"), rs.getObject("since", LocalDate.class)));
		});
		return states;
	}

	/** The tenant ids a round asked, in no order. */
	@Transactional(readOnly = true)
	public List<Long> cityIds(HousingRound round) {
		return jdbc.sql("select tenant_id from knowledge.housing_round_city where round_id = ?")
			.param(round.id())
			.query(Long.class)
			.list();
	}

}
