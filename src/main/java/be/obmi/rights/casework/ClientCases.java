package be.obmi.rights.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import be.obmi.audit.AuditTrail;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A social worker's stored client cases. A case is stored only with the client's explicit
 * consent (the text shown is stored with it) and with a retention date; the first one of
 * a city proposes the processing activity to its GDPR register
 * ({@link CaseworkActivity}). Only the worker who stored a case reopens or deletes it
 * (any other answers 404); cases past their retention date are deleted every night. The
 * audit trail notes that a case was stored or deleted, never its answers.
 */
@Service
public class ClientCases {

	static final String ENTITY = "rights-client-case";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, List<String>>> FIELDS = new TypeReference<>() {
	};

	private static final TypeReference<List<ClientCase.Result>> RESULTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final CaseworkActivity activity;

	private final int retentionDays;

	private final Clock clock;

	private final TransactionTemplate transaction;

	ClientCases(JdbcClient jdbc, AuditTrail audit, CaseworkActivity activity, PlatformTransactionManager transactions,
			@Value("${obmi.rights.cases.retention-days:90}") int retentionDays) {
		this.transaction = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
		this.audit = audit;
		this.activity = activity;
		this.retentionDays = retentionDays;
		this.clock = Clock.systemDefaultZone();
	}

	/** How many days a case is kept after the consent (shown in the consent text). */
	public int retentionDays() {
		return retentionDays;
	}

	/**
	 * Stores a case with the client's consent.
	 * @param consented whether the client ticked the consent; without it nothing is
	 * stored and the call is refused
	 * @throws RefusedValueException without consent
	 */
	@Transactional
	public ClientCase store(Tenant tenant, String worker, String label, Map<String, List<String>> answers,
			List<ClientCase.Result> results, boolean consented, String consentText) {
		if (!consented) {
			throw new RefusedValueException(Reason.of("rights.casework.refused.consent"));
		}
		String cleanLabel = label == null ? "" : label.strip();
		if (cleanLabel.length() > 100) {
			throw new RefusedValueException(Reason.of("rights.casework.refused.label"));
		}
		UUID activityId = activity.ensure(tenant, worker);
		Instant now = clock.instant();
		LocalDate until = LocalDate.now(clock).plusDays(retentionDays);
		UUID publicId = jdbc.sql("""
				insert into rights.client_case (tenant_id, worker, label, answers, results, consent_text,
				  consented_at, retain_until, activity_id)
				values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?) returning public_id""")
			.params(tenant.id(), worker, cleanLabel, JSON.writeValueAsString(answers), JSON.writeValueAsString(results),
					consentText, Timestamp.from(now), until, activityId)
			.query(UUID.class)
			.single();
		audit.created(tenant.id(), ENTITY, publicId.toString(), "dossier", List.of());
		return require(tenant, worker, publicId);
	}

	/** The worker's own cases in the city, newest first. */
	@Transactional(readOnly = true)
	public List<ClientCase> of(Tenant tenant, String worker) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from rights.client_case where tenant_id = ? and worker = ? order by consented_at desc, id desc")
			.params(tenant.id(), worker)
			.query(ClientCases::row)
			.list();
	}

	/** The worker's own case; 404 for another worker's or city's case. */
	@Transactional(readOnly = true)
	public ClientCase require(Tenant tenant, String worker, UUID publicId) {
		return find(tenant, worker, publicId)
			.orElseThrow(() -> new NotFoundException(Reason.of("rights.casework.refused.unknown")));
	}

	private Optional<ClientCase> find(Tenant tenant, String worker, UUID publicId) {
		return jdbc
			.sql("select " + COLUMNS + " from rights.client_case where tenant_id = ? and worker = ? and public_id = ?")
			.params(tenant.id(), worker, publicId)
			.query(ClientCases::row)
			.optional();
	}

	/** Deletes the worker's own case (404 for another's). */
	@Transactional
	public void delete(Tenant tenant, String worker, UUID publicId) {
		require(tenant, worker, publicId);
		jdbc.sql("delete from rights.client_case where tenant_id = ? and worker = ? and public_id = ?")
			.params(tenant.id(), worker, publicId)
			.update();
		audit.deleted(tenant.id(), ENTITY, publicId.toString(), "dossier", List.of());
	}

	/** Deletes the expired cases every night ({@link #purgeExpired}). */
	@Scheduled(cron = "${obmi.rights.cases.purge-cron:0 15 3 * * *}")
	@SchedulerLock(name = "rights.purge-client-cases", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	public void nightlyPurge() {
		purgeExpired();
	}

	/**
	 * Deletes every case whose retention date has passed, in every city, in one
	 * transaction with its audit entries.
	 * @return the number deleted
	 */
	public int purgeExpired() {
		return transaction.execute(status -> {
			List<Map<String, Object>> expired = jdbc
				.sql("delete from rights.client_case where retain_until < ? returning tenant_id, public_id")
				.param(LocalDate.now(clock))
				.query()
				.listOfRows();
			for (Map<String, Object> row : expired) {
				audit.deleted(((Number) row.get("tenant_id")).longValue(), ENTITY, String.valueOf(row.get("public_id")),
						"dossier (bewaartermijn verstreken)", List.of());
			}
			return expired.size();
		});
	}

	private static final String COLUMNS = "public_id, worker, label, answers::text as answers, "
			+ "results::text as results, consent_text, consented_at, retain_until, activity_id";

	private static ClientCase row(ResultSet rs, int n) throws SQLException {
		return new ClientCase(rs.getObject("public_id", UUID.class), rs.getString("worker"), rs.getString("label"),
				JSON.readValue(rs.getString("answers"), FIELDS), JSON.readValue(rs.getString("results"), RESULTS),
				rs.getString("consent_text"), rs.getTimestamp("consented_at").toInstant(),
				rs.getDate("retain_until").toLocalDate(), rs.getObject("activity_id", UUID.class));
	}

}
