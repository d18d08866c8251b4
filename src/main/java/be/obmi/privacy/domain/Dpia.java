package be.obmi.privacy.domain;

import java.time.OffsetDateTime;

/**
 * A DPIA of a processing activity with its pre-screening outcome, the sections of the
 * CNIL method, the DPO's opinion, the data subjects' views and the validation steps.
 * {@code required} is null until the pre-screening is concluded.
 */
public record Dpia(long id, long tenantId, long activityId, String activityName, String modelCode, String title,
		DpiaState state, Boolean required, String screeningReasoning, boolean dpoRequired, String context,
		String purposeLimitation, String minimisation, String retention, String legalBasis, String information,
		String rights, String dpoOpinion, String dpoOpinionBy, OffsetDateTime dpoOpinionAt, String subjectsViews,
		String subjectsNotSought, String evaluator, OffsetDateTime submittedAt, String validator,
		OffsetDateTime validatedAt, String validationRemark, String createdBy, boolean demo, int version) {

	/** Whether the DPIA must be carried out: by the criteria or because the DPO asked. */
	public boolean needed() {
		return Boolean.TRUE.equals(required) || dpoRequired;
	}

	public boolean screened() {
		return required != null;
	}

}
