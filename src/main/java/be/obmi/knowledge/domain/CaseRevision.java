package be.obmi.knowledge.domain;

import java.time.Instant;
import java.util.List;

import be.obmi.audit.FieldChange;

/**
 * One saved state of a case on its history page, with what changed since the state before
 * (all values for the first).
 */
public record CaseRevision(int version, Instant savedAt, String savedBy, CaseStatus status, List<FieldChange> changes) {
}
