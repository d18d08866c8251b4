package be.obmi.stats.domain;

/**
 * An area of the shared reference (gewest, provincie, gemeente, deelgemeente, wijk or
 * statistical sector).
 *
 * @param mapped false for Swing's unknown-location codes 99991/99992, which count in
 * totals but are not drawn
 */
public record Area(long id, String level, String code, String name, Long parentId, boolean mapped) {
}
