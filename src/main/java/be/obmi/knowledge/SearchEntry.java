package be.obmi.knowledge;

import java.time.LocalDate;

/**
 * A public record another module adds to the knowledge bank's search (a published
 * Schillenboek fiche): anonymous visitors find it, so only public content belongs here.
 *
 * @param source the contributing part, lower case ({@code schillenboek}); shown as the
 * hit's collection with the label of its {@link SearchContribution}
 * @param key the record's stable key within the source (a process code)
 * @param title the title; required
 * @param summary plain text, may be empty
 * @param body plain text, may be empty
 * @param date the publication date, may be null
 * @param path the public path of the record's page
 */
public record SearchEntry(String source, String key, String title, String summary, String body, LocalDate date,
		String path) {
}
