package be.obmi.rights.catalogue;

import java.util.List;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of rights: a city's own and the shared ones, with their fiche and state
 * (draft, published, archived; never deleted). A city reaches its own rights and the
 * shared ones; another city's right answers 404. Every change is in the audit trail.
 */
@Service
public class Rights {

	static final String COLUMNS = "id, tenant_id, code, title, description, level, theme, target_group, "
			+ "fiche_conditions, fiche_procedure, fiche_documents, fiche_contact, fiche_advantage, legal_url, "
			+ "legal_title, valid_from, valid_to, state, demo, version";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Publication publication;

	Rights(JdbcClient jdbc, AuditTrail audit, Publication publication) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.publication = publication;
	}

	/** The rights a city's pages show: the shared ones and its own, by title. */
	public List<RightEntry> visibleTo(long tenantId) {
		return jdbc
			.sql("select " + COLUMNS + " from rights.right_entry where tenant_id is null or tenant_id = ? "
					+ "order by tenant_id nulls first, title")
			.param(tenantId)
			.query(RightEntry.class)
			.list();
	}

	/** The shared rights (the platform's). */
	public List<RightEntry> shared() {
		return jdbc.sql("select " + COLUMNS + " from rights.right_entry where tenant_id is null order by title")
			.query(RightEntry.class)
			.list();
	}

	/** A right the city may see (its own or a shared one); 404 otherwise. */
	public RightEntry require(long id, long tenantId) {
		return find(id).filter(right -> right.tenantId() == null || right.tenantId() == tenantId)
			.orElseThrow(() -> new NotFoundException(Reason.of("rights.refused.unknown")));
	}

	public Optional<RightEntry> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from rights.right_entry where id = ?")
			.param(id)
			.query(RightEntry.class)
			.optional();
	}

	public Optional<RightEntry> byCode(Long tenantId, String code) {
		return jdbc
			.sql("select " + COLUMNS + " from rights.right_entry where tenant_id is not distinct from ? and code = ?")
			.param(tenantId)
			.param(code)
			.query(RightEntry.class)
			.optional();
	}

	/** A new right in draft; {@code tenantId} null for a shared right. */
	@Transactional
	public RightEntry create(Long tenantId, RightForm form, boolean demo) {
		form.check();
		if (byCode(tenantId, form.code()).isPresent()) {
			throw new RefusedValueException(Reason.of("rights.refused.codeTaken", form.code()));
		}
		long id = jdbc.sql("""
				insert into rights.right_entry (tenant_id, code, title, description, level, theme, target_group,
				    fiche_conditions, fiche_procedure, fiche_documents, fiche_contact, fiche_advantage, legal_url,
				    legal_title, valid_from, valid_to, demo)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(tenantId, form.code(), form.title(), form.description(), form.level(), form.theme(),
					form.targetGroup(), form.ficheConditions(), form.ficheProcedure(), form.ficheDocuments(),
					form.ficheContact(), form.ficheAdvantage(), form.legalUrl(), form.legalTitle(), form.validFrom(),
					form.validTo(), demo)
			.query(Long.class)
			.single();
		audit.created(tenantId, "right", String.valueOf(id), form.title(),
				List.of(FieldChange.added("code", form.code()), FieldChange.added("level", form.level())));
		return find(id).orElseThrow();
	}

	/** Changes the fiche; refused when someone else changed it since {@code version}. */
	@Transactional
	public RightEntry update(RightEntry before, RightForm form, int version) {
		form.check();
		int changed = jdbc.sql("""
				update rights.right_entry set title = ?, description = ?, level = ?, theme = ?, target_group = ?,
				    fiche_conditions = ?, fiche_procedure = ?, fiche_documents = ?, fiche_contact = ?,
				    fiche_advantage = ?, legal_url = ?, legal_title = ?, valid_from = ?, valid_to = ?,
				    version = version + 1
				where id = ? and version = ?""")
			.params(form.title(), form.description(), form.level(), form.theme(), form.targetGroup(),
					form.ficheConditions(), form.ficheProcedure(), form.ficheDocuments(), form.ficheContact(),
					form.ficheAdvantage(), form.legalUrl(), form.legalTitle(), form.validFrom(), form.validTo(),
					before.id(), version)
			.update();
		if (changed == 0) {
			throw new ConcurrentChangeException(Reason.of("rights.refused.concurrent"));
		}
		audit.updated(before.tenantId(), "right", String.valueOf(before.id()), form.title(),
				List.of(new FieldChange("title", before.title(), form.title()),
						new FieldChange("fiche", before.ficheConditions(), form.ficheConditions())));
		return find(before.id()).orElseThrow();
	}

	/**
	 * Publishes the right: refused when it has no published rule or when one of its
	 * example households fails.
	 */
	@Transactional
	public RightEntry publish(RightEntry right) {
		List<ExampleResult> failing = publication.failingExamples(right, null);
		if (!failing.isEmpty()) {
			throw new ExamplesFailedException(failing);
		}
		return move(right, "PUBLISHED");
	}

	/** Archives the right: no longer offered, kept with its history. */
	@Transactional
	public RightEntry archive(RightEntry right) {
		return move(right, "ARCHIVED");
	}

	private RightEntry move(RightEntry right, String state) {
		if (state.equals(right.state())) {
			throw new RefusedStateException(Reason.of("rights.refused.sameState"));
		}
		jdbc.sql("update rights.right_entry set state = ?, version = version + 1 where id = ?")
			.params(state, right.id())
			.update();
		audit.updated(right.tenantId(), "right", String.valueOf(right.id()), right.title(),
				List.of(new FieldChange("state", right.state(), state)));
		return find(right.id()).orElseThrow();
	}

}
