package be.obmi.plan.domain;

/** A project through which an action is realised. */
public record Project(long id, long itemId, String name, String description) {
}
