package be.obmi.privacy.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import be.obmi.audit.AuditTrail;
import be.obmi.audit.Changes;
import be.obmi.audit.FieldChange;
import be.obmi.shared.ConcurrentChangeException;
import be.obmi.shared.NotFoundException;
import be.obmi.shared.Reason;
import be.obmi.shared.RefusedStateException;
import be.obmi.shared.RefusedValueException;
import be.obmi.tenancy.Tenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DPIAs of a tenant: started from a model for one of its processing activities,
 * pre-screened on the WP248 criteria, written (sections, risks, measures), given the
 * DPO's opinion and the data subjects' views, then submitted by the evaluator and
 * validated or sent back by a beheerder. Every query is bound to the tenant; every step
 * checks the version the user saw (a stale one is a {@link ConcurrentChangeException})
 * and the state. The screening's answers and what a DPIA copies from its model are
 * written by {@link DpiaDrafting}. A little over 300 lines: each of the ten steps of the
 * workflow is a public method with its own rule, and they share the state guards below.
 */
@Service
public class Dpias {

	static final String SELECT = """
			select d.id, d.tenant_id, d.activity_id, v.content ->> 'name' as activity_name, d.model_code, d.title, d.state,
			       d.required, d.screening_reasoning, d.dpo_required, d.context, d.purpose_limitation, d.minimisation,
			       d.retention, d.legal_basis, d.information, d.rights, d.dpo_opinion, d.dpo_opinion_by, d.dpo_opinion_at,
			       d.subjects_views, d.subjects_not_sought, d.evaluator, d.submitted_at, d.validator, d.validated_at,
			       d.validation_remark, d.created_by, d.demo, d.version
			from privacy.dpia d
			join privacy.processing_activity a on a.id = d.activity_id and a.tenant_id = d.tenant_id
			left join privacy.activity_version v on v.activity_id = a.id and v.number = a.current_version
			""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final DpiaModels models;

	private final DpiaDrafting drafting;

	Dpias(JdbcClient jdbc, AuditTrail audit, DpiaModels models, DpiaDrafting drafting) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.models = models;
		this.drafting = drafting;
	}

	/** A processing activity a DPIA can be about, by its current name. */
	public record ActivityChoice(long id, String name) {
	}

	/** The tenant's processing activities, by name. Never null. */
	@Transactional(readOnly = true)
	public List<ActivityChoice> activities(Tenant tenant) {
		return jdbc.sql("""
				select a.id, coalesce(v.content ->> 'name', a.public_id::text) as name
				from privacy.processing_activity a
				left join privacy.activity_version v on v.activity_id = a.id and v.number = a.current_version
				where a.tenant_id = ? order by 2, 1""").param(tenant.id()).query(ActivityChoice.class).list();
	}

	/** The tenant's DPIAs, newest first. Never null. */
	@Transactional(readOnly = true)
	public List<Dpia> all(Tenant tenant) {
		return jdbc.sql(SELECT + "where d.tenant_id = ? order by d.created_at desc, d.id desc")
			.param(tenant.id())
			.query(Dpia.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Dpia> byId(Tenant tenant, long id) {
		return jdbc.sql(SELECT + "where d.id = ? and d.tenant_id = ?")
			.params(id, tenant.id())
			.query(Dpia.class)
			.optional();
	}

	/**
	 * @throws NotFoundException for an unknown id or one of another tenant
	 */
	public Dpia require(Tenant tenant, long id) {
		return byId(tenant, id).orElseThrow(() -> new NotFoundException(Reason.of("privacy.refused.dpia.unknown")));
	}

	/**
	 * Starts a DPIA of one of the tenant's activities from a model: its criteria answered
	 * "yes" and its typical risks and measures copied, in the language of {@code locale}.
	 * @throws RefusedValueException for an activity of another tenant, an unknown model
	 * or a blank title
	 */
	@Transactional
	public long start(Tenant tenant, long activityId, String modelCode, String title, Locale locale, String actor) {
		if (activities(tenant).stream().noneMatch(a -> a.id() == activityId)) {
			throw new RefusedValueException(Reason.of("privacy.refused.dpia.activityUnknown"));
		}
		DpiaModel model = models.byCode(modelCode)
			.orElseThrow(() -> new RefusedValueException(Reason.of("privacy.refused.dpia.modelUnknown")));
		String name = title == null ? "" : title.strip();
		if (name.isEmpty() || name.length() > 300) {
			throw new RefusedValueException(Reason.of("privacy.refused.dpia.titleRequired"));
		}
		long id = jdbc.sql("""
				insert into privacy.dpia (tenant_id, activity_id, model_code, title, created_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(tenant.id(), activityId, model.code(), name, actor)
			.query(Long.class)
			.single();
		for (Wp248Criterion criterion : model.criteria()) {
			drafting.answer(tenant, id, new ScreeningAnswer(criterion, true, null));
		}
		drafting.copyModel(tenant, id, model, locale);
		audit.created(tenant.id(), "dpia", String.valueOf(id), name, List.of(FieldChange.added("titel", name),
				FieldChange.added("model", model.code()), FieldChange.added("verwerking", activityId)));
		return id;
	}

	/** The pre-screening's answers, one per WP248 criterion (unanswered: not met). */
	@Transactional(readOnly = true)
	public List<ScreeningAnswer> screening(Tenant tenant, long id) {
		return drafting.answers(tenant, id);
	}

	/**
	 * Concludes the pre-screening: two or more criteria met make the DPIA required
	 * (WP248); fewer make it "not required", which needs a reasoning. The outcome, the
	 * answers and the reasoning are kept.
	 * @return whether a DPIA is required by the criteria
	 * @throws RefusedValueException when fewer than two criteria are met and no reasoning
	 * is given
	 */
	@Transactional
	public boolean screen(Tenant tenant, long id, List<ScreeningAnswer> answers, String reasoning, int version) {
		Dpia before = editable(tenant, id, version);
		long met = answers.stream().filter(ScreeningAnswer::met).count();
		boolean required = met >= Wp248Criterion.THRESHOLD;
		String text = blankToNull(reasoning);
		if (!required && text == null) {
			throw new RefusedValueException(Reason.of("privacy.refused.dpia.reasoningRequired"));
		}
		jdbc.sql("delete from privacy.dpia_criterion where dpia_id = ? and tenant_id = ?")
			.params(id, tenant.id())
			.update();
		answers.forEach(a -> drafting.answer(tenant, id, a));
		change(tenant, before, "required = ?, screening_reasoning = ?, screened_at = now()", required, text);
		return required;
	}

	/**
	 * The DPO requires a DPIA that the criteria did not (or lifts that). The caller
	 * checks that the user is the tenant's DPO.
	 */
	@Transactional
	public void dpoRequire(Tenant tenant, long id, boolean required, int version) {
		change(tenant, editable(tenant, id, version), "dpo_required = ?", required);
	}

	/** Saves the written sections (context, necessity and proportionality). */
	@Transactional
	public void saveSections(Tenant tenant, long id, DpiaSections s) {
		Dpia before = editable(tenant, id, s.version());
		change(tenant, before, """
				context = ?, purpose_limitation = ?, minimisation = ?, retention = ?, legal_basis = ?, information = ?,
				rights = ?""", blankToNull(s.context()), blankToNull(s.purposeLimitation()),
				blankToNull(s.minimisation()), blankToNull(s.retention()), blankToNull(s.legalBasis()),
				blankToNull(s.information()), blankToNull(s.rights()));
	}

	/**
	 * Saves the data subjects' views, or why they were not sought (one of the two is
	 * needed).
	 */
	@Transactional
	public void saveViews(Tenant tenant, long id, String views, String notSought, int version) {
		Dpia before = editable(tenant, id, version);
		if (blankToNull(views) == null && blankToNull(notSought) == null) {
			throw new RefusedValueException(Reason.of("privacy.refused.dpia.viewsRequired"));
		}
		change(tenant, before, "subjects_views = ?, subjects_not_sought = ?", blankToNull(views),
				blankToNull(notSought));
	}

	/**
	 * The DPO's opinion (art. 35(2)); the caller checks that the user is the tenant's
	 * DPO. Refused once the DPIA is validated.
	 */
	@Transactional
	public void saveOpinion(Tenant tenant, long id, String opinion, int version, String dpo) {
		Dpia before = current(tenant, id, version);
		if (before.state() == DpiaState.VALIDATED) {
			throw new RefusedStateException(Reason.of("privacy.refused.dpia.state", before.title()));
		}
		if (blankToNull(opinion) == null) {
			throw new RefusedValueException(Reason.of("privacy.refused.dpia.opinionRequired"));
		}
		change(tenant, before, "dpo_opinion = ?, dpo_opinion_by = ?, dpo_opinion_at = now()", opinion.strip(), dpo);
	}

	/**
	 * The evaluator submits the DPIA for validation: only a required one whose
	 * pre-screening is concluded, from DRAFT or REJECTED.
	 */
	@Transactional
	public void submit(Tenant tenant, long id, int version, String evaluator) {
		Dpia before = editable(tenant, id, version);
		if (!before.needed()) {
			throw new RefusedStateException(Reason.of("privacy.refused.dpia.notRequired", before.title()));
		}
		change(tenant, before, "state = 'SUBMITTED', evaluator = ?, submitted_at = now()", evaluator);
	}

	/**
	 * A beheerder validates a submitted DPIA, once the DPO gave an opinion.
	 */
	@Transactional
	public void validate(Tenant tenant, long id, int version, String validator) {
		Dpia before = submitted(tenant, id, version);
		if (before.dpoOpinion() == null) {
			throw new RefusedStateException(Reason.of("privacy.refused.dpia.opinionMissing", before.title()));
		}
		change(tenant, before, "state = 'VALIDATED', validator = ?, validated_at = now(), validation_remark = null",
				validator);
	}

	/** A beheerder sends a submitted DPIA back with what must change. */
	@Transactional
	public void reject(Tenant tenant, long id, String remark, int version, String validator) {
		Dpia before = submitted(tenant, id, version);
		if (blankToNull(remark) == null) {
			throw new RefusedValueException(Reason.of("privacy.refused.dpia.remarkRequired"));
		}
		change(tenant, before, "state = 'REJECTED', validator = ?, validated_at = now(), validation_remark = ?",
				validator, remark.strip());
	}

	/** The DPIA as the user saw it: a stale version is refused first. */
	Dpia current(Tenant tenant, long id, int version) {
		Dpia dpia = require(tenant, id);
		if (dpia.version() != version) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.dpia.changed", dpia.title()));
		}
		return dpia;
	}

	/** The DPIA, current and still editable (DRAFT or REJECTED). */
	Dpia editable(Tenant tenant, long id, int version) {
		Dpia dpia = current(tenant, id, version);
		if (!dpia.state().editable()) {
			throw new RefusedStateException(Reason.of("privacy.refused.dpia.state", dpia.title()));
		}
		return dpia;
	}

	/**
	 * Whether its risks and measures may change: DRAFT or REJECTED.
	 * @throws RefusedStateException otherwise
	 */
	void requireEditable(Tenant tenant, long id) {
		Dpia dpia = require(tenant, id);
		if (!dpia.state().editable()) {
			throw new RefusedStateException(Reason.of("privacy.refused.dpia.state", dpia.title()));
		}
	}

	private Dpia submitted(Tenant tenant, long id, int version) {
		Dpia dpia = current(tenant, id, version);
		if (dpia.state() != DpiaState.SUBMITTED) {
			throw new RefusedStateException(Reason.of("privacy.refused.dpia.notSubmitted", dpia.title()));
		}
		return dpia;
	}

	/**
	 * Sets the columns on the row at the version read (a concurrent step that moved it on
	 * makes this one fail) and records the change.
	 */
	private void change(Tenant tenant, Dpia before, String assignments, Object... values) {
		List<Object> params = new ArrayList<>(Arrays.asList(values));
		params.addAll(List.of(before.id(), tenant.id(), before.version()));
		int rows = jdbc
			.sql("update privacy.dpia set " + assignments
					+ ", version = version + 1 where id = ? and tenant_id = ? and version = ?")
			.params(params)
			.update();
		if (rows == 0) {
			throw new ConcurrentChangeException(Reason.of("privacy.refused.dpia.changed", before.title()));
		}
		Dpia after = require(tenant, before.id());
		audit.updated(tenant.id(), "dpia", String.valueOf(before.id()), before.title(),
				Changes.between(before, after, "version", "dpoOpinionAt", "submittedAt", "validatedAt"));
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
