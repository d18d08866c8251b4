package be.obmi.datasources.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Period;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint data requests: a city's data team drafts one, other cities join (or leave) and
 * comment while it is a draft, the Kenniscentrum sends it and records the supplier's
 * answer, the delivery or the refusal. Each step checks the state (a wrong one is
 * {@link RefusedStateException}, 409) and the version the caller saw (two steps at the
 * same time: one wins, the other gets {@link ConcurrentChangeException}, 409); each is
 * kept in {@code request_step} and the audit trail. Who may take a step is checked by the
 * web layer.
 */
@Service
public class DataRequests {

	/** The steps the workflow allows: from a state, to these. */
	static final Map<String, Set<String>> STEPS = Map.of("DRAFT", Set.of("SENT"), "SENT", Set.of("ANSWERED", "REFUSED"),
			"ANSWERED", Set.of("DELIVERED", "REFUSED"), "DELIVERED", Set.of(), "REFUSED", Set.of());

	static final String COLUMNS = """
			id, tenant_id, title, supplier, source_id, description, detail_level, period_from, period_to, state,
			sent_at, answered_at, delivered_at, refused_at, supplier_answer, import_started, imported_at, created_by,
			created_at, demo, version""";

	/** A comment; {@code tenantId} null for the Kenniscentrum's. */
	public record Comment(long id, Long tenantId, String author, String body, OffsetDateTime createdAt) {
	}

	/** One state step. */
	public record Step(String fromState, String toState, String actor, OffsetDateTime at) {
	}

	/** A city that joined. */
	public record City(long tenantId, String joinedBy, OffsetDateTime joinedAt) {
	}

	/** The statistics import of the delivered file for one city. */
	public record CityImport(long tenantId, long statsImportId, String fileName, int rowCount, String importedBy,
			OffsetDateTime importedAt) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	DataRequests(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Every request, newest first (members of any city and the Kenniscentrum see them).
	 */
	public List<DataRequest> all() {
		return jdbc.sql("select " + COLUMNS + " from datasources.data_request order by created_at desc, id desc")
			.query(DataRequest.class)
			.list();
	}

	public Optional<DataRequest> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from datasources.data_request where id = ?")
			.param(id)
			.query(DataRequest.class)
			.optional();
	}

	public DataRequest require(long id) {
		return find(id).orElseThrow(() -> new NotFoundException(Reason.of("datasources.refused.unknownRequest")));
	}

	public List<City> cities(long requestId) {
		return jdbc
			.sql("select tenant_id, joined_by, joined_at from datasources.request_city where request_id = ? "
					+ "order by joined_at, tenant_id")
			.param(requestId)
			.query(City.class)
			.list();
	}

	public List<Comment> comments(long requestId) {
		return jdbc
			.sql("select id, tenant_id, author, body, created_at from datasources.request_comment "
					+ "where request_id = ? order by created_at, id")
			.param(requestId)
			.query(Comment.class)
			.list();
	}

	public List<Step> steps(long requestId) {
		return jdbc
			.sql("select from_state, to_state, actor, at from datasources.request_step where request_id = ? "
					+ "order by at, id")
			.param(requestId)
			.query(Step.class)
			.list();
	}

	public List<CityImport> imports(long requestId) {
		return jdbc
			.sql("select tenant_id, stats_import_id, file_name, row_count, imported_by, imported_at "
					+ "from datasources.request_import where request_id = ? order by tenant_id")
			.param(requestId)
			.query(CityImport.class)
			.list();
	}

	/** A new draft of the city; the city joins it. */
	@Transactional
	public DataRequest create(long tenantId, RequestForm form, boolean demo, String actor) {
		form.check();
		long id = jdbc.sql("""
				insert into datasources.data_request (tenant_id, title, supplier, source_id, description,
				    detail_level, period_from, period_to, created_by, demo)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenantId, form.title(), form.supplier(), form.sourceId(), form.description(), form.detailLevel(),
					code(form.periodFrom()), code(form.periodTo()), actor, demo)
			.query(Long.class)
			.single();
		jdbc.sql("insert into datasources.request_city (request_id, tenant_id, joined_by) values (?, ?, ?)")
			.params(id, tenantId, actor)
			.update();
		step(id, null, "DRAFT", actor);
		audit.created(tenantId, "data_request", String.valueOf(id), form.title(),
				List.of(FieldChange.added("supplier", form.supplier()), FieldChange.added("state", "DRAFT")));
		return require(id);
	}

	/**
	 * Changes a draft; refused once sent (409) or when it changed since {@code version}.
	 */
	@Transactional
	public DataRequest update(DataRequest before, RequestForm form, int version, String actor) {
		form.check();
		requireState(before, "DRAFT");
		int changed = jdbc.sql("""
				update datasources.data_request set title = ?, supplier = ?, source_id = ?, description = ?,
				    detail_level = ?, period_from = ?, period_to = ?, version = version + 1
				where id = ? and version = ? and state = 'DRAFT'""")
			.params(form.title(), form.supplier(), form.sourceId(), form.description(), form.detailLevel(),
					code(form.periodFrom()), code(form.periodTo()), before.id(), version)
			.update();
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("datasources.refused.concurrent"));
		}
		audit.updated(before.tenantId(), "data_request", String.valueOf(before.id()), form.title(),
				List.of(new FieldChange("title", before.title(), form.title()),
						new FieldChange("description", before.description(), form.description()),
						new FieldChange("period", before.periodFrom() + "–" + before.periodTo(),
								code(form.periodFrom()) + "–" + code(form.periodTo()))));
		return require(before.id());
	}

	/** The city joins a draft. */
	@Transactional
	public DataRequest join(long requestId, long tenantId, String actor) {
		DataRequest request = lockDraft(requestId);
		boolean joined = jdbc
			.sql("insert into datasources.request_city (request_id, tenant_id, joined_by) values (?, ?, ?) "
					+ "on conflict do nothing")
			.params(requestId, tenantId, actor)
			.update() == 1;
		if (!joined) {
			throw new RefusedStateException(Reason.of("datasources.refused.alreadyJoined"));
		}
		audit.updated(tenantId, "data_request", String.valueOf(requestId), request.title(),
				List.of(new FieldChange("joined", null, String.valueOf(tenantId))));
		return require(requestId);
	}

	/** The city leaves a draft; the drafting city cannot. */
	@Transactional
	public DataRequest leave(long requestId, long tenantId, String actor) {
		DataRequest request = lockDraft(requestId);
		if (request.tenantId() == tenantId) {
			throw new RefusedStateException(Reason.of("datasources.refused.initiatorStays"));
		}
		int left = jdbc.sql("delete from datasources.request_city where request_id = ? and tenant_id = ?")
			.params(requestId, tenantId)
			.update();
		if (left == 0) {
			throw new RefusedStateException(Reason.of("datasources.refused.notJoined"));
		}
		audit.updated(tenantId, "data_request", String.valueOf(requestId), request.title(),
				List.of(new FieldChange("joined", String.valueOf(tenantId), null)));
		return require(requestId);
	}

	/** A comment of a city (or of the Kenniscentrum: {@code tenantId} null). */
	@Transactional
	public Comment comment(long requestId, Long tenantId, String body, String actor) {
		DataRequest request = require(requestId);
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw new RefusedValueException(Reason.of("datasources.refused.required.comment"));
		}
		if (text.length() > 4000) {
			throw new RefusedValueException(Reason.of("datasources.refused.tooLong"));
		}
		long id = jdbc
			.sql("insert into datasources.request_comment (request_id, tenant_id, author, body) values (?, ?, ?, ?) "
					+ "returning id")
			.params(requestId, tenantId, actor, text)
			.query(Long.class)
			.single();
		audit.created(tenantId == null ? request.tenantId() : tenantId, "data_request_comment", String.valueOf(id),
				request.title(), List.of(FieldChange.added("comment", text)));
		return comments(requestId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
	}

	/**
	 * Moves the request to {@code to} ({@code SENT}, {@code ANSWERED}, {@code DELIVERED},
	 * {@code REFUSED}) with the supplier's answer (required for {@code ANSWERED} and
	 * {@code REFUSED}; kept when blank otherwise).
	 * @param version the version the caller saw; null: the current one
	 * @throws RefusedStateException (409) when the state does not allow the step
	 * @throws ConcurrentChangeException (409) when the request changed since
	 * {@code version} (another step won)
	 */
	@Transactional
	public DataRequest move(long requestId, String to, Integer version, String answer, String actor) {
		DataRequest before = require(requestId);
		if (!STEPS.containsKey(to) || "DRAFT".equals(to)) {
			throw new RefusedValueException(Reason.of("datasources.refused.unknownState", to));
		}
		if (!STEPS.get(before.state()).contains(to)) {
			throw new RefusedStateException(Reason.of("datasources.refused.step", before.state(), to));
		}
		String text = answer == null ? "" : answer.strip();
		if (text.length() > 4000) {
			throw new RefusedValueException(Reason.of("datasources.refused.tooLong"));
		}
		if (text.isEmpty() && ("ANSWERED".equals(to) || "REFUSED".equals(to))) {
			throw new RefusedValueException(Reason.of("datasources.refused.required.answer"));
		}
		String stamp = switch (to) {
			case "SENT" -> "sent_at";
			case "ANSWERED" -> "answered_at";
			case "DELIVERED" -> "delivered_at";
			default -> "refused_at";
		};
		int changed = jdbc
			.sql("update datasources.data_request set state = ?, " + stamp + " = now(), "
					+ "supplier_answer = case when ? = '' then supplier_answer else ? end, version = version + 1 "
					+ "where id = ? and version = ? and state = ?")
			.params(to, text, text, requestId, version == null ? before.version() : version, before.state())
			.update();
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("datasources.refused.concurrent"));
		}
		step(requestId, before.state(), to, actor);
		audit.updated(before.tenantId(), "data_request", String.valueOf(requestId), before.title(),
				List.of(new FieldChange("state", before.state(), to), new FieldChange("supplierAnswer",
						before.supplierAnswer(), text.isEmpty() ? before.supplierAnswer() : text)));
		return require(requestId);
	}

	/**
	 * Claims the import of the delivered file, so two never run side by side (a claim
	 * older than 15 minutes is taken as abandoned).
	 * @throws RefusedStateException when the request is not delivered or its file was
	 * imported already
	 * @throws ConcurrentChangeException when another import of it is running
	 */
	@Transactional
	public DataRequest claimImport(long requestId) {
		DataRequest request = require(requestId);
		if (!"DELIVERED".equals(request.state())) {
			throw new RefusedStateException(Reason.of("datasources.refused.notDelivered"));
		}
		if (request.importedAt() != null) {
			throw new RefusedStateException(Reason.of("datasources.refused.imported"));
		}
		int claimed = jdbc.sql("""
				update datasources.data_request set import_started = now(), version = version + 1
				where id = ? and state = 'DELIVERED' and imported_at is null
				  and (import_started is null or import_started < now() - interval '15 minutes')""")
			.param(requestId)
			.update();
		if (claimed == 0) {
			throw new ConcurrentChangeException(Reason.of("datasources.refused.importBusy"));
		}
		return require(requestId);
	}

	/**
	 * Ends a claimed import: with the cities' imports when it succeeded, else released.
	 */
	@Transactional
	public void finishImport(long requestId, List<CityImport> imports, String actor) {
		DataRequest request = require(requestId);
		for (CityImport i : imports) {
			jdbc.sql("""
					insert into datasources.request_import (request_id, tenant_id, stats_import_id, file_name,
					    row_count, imported_by)
					values (?, ?, ?, ?, ?, ?)""")
				.params(requestId, i.tenantId(), i.statsImportId(), i.fileName(), i.rowCount(), actor)
				.update();
		}
		jdbc.sql("update datasources.data_request set import_started = null, imported_at = "
				+ (imports.isEmpty() ? "imported_at" : "now()") + ", version = version + 1 where id = ?")
			.param(requestId)
			.update();
		if (!imports.isEmpty()) {
			audit.updated(request.tenantId(), "data_request", String.valueOf(requestId), request.title(),
					List.of(new FieldChange("imported", null, imports.size() + " cities")));
		}
	}

	private DataRequest lockDraft(long requestId) {
		DataRequest request = require(requestId);
		int locked = jdbc
			.sql("update datasources.data_request set version = version + 1 where id = ? and state = 'DRAFT'")
			.param(requestId)
			.update();
		if (locked == 0) {
			throw new RefusedStateException(Reason.of("datasources.refused.notDraft"));
		}
		return request;
	}

	private static void requireState(DataRequest request, String state) {
		if (!state.equals(request.state())) {
			throw new RefusedStateException(Reason.of("datasources.refused.notDraft"));
		}
	}

	private void step(long requestId, String from, String to, String actor) {
		jdbc.sql("insert into datasources.request_step (request_id, from_state, to_state, actor) values (?, ?, ?, ?)")
			.params(requestId, from, to, actor)
			.update();
	}

	private static String code(String period) {
		return Period.parse(period).map(Period::code).orElse(period);
	}

}
