package be.obmi.privacy.domain;

/** The answer on one WP248 criterion of a pre-screening: met or not, with a note. */
public record ScreeningAnswer(Wp248Criterion criterion, boolean met, String note) {
}
