package be.obmi.knowledge.newsletter;

import java.util.List;

/**
 * What an editor composes: title, intro (rich text) and the chosen items as keys
 * {@code NEWS:<id>}, {@code EVENT:<id>}, {@code CASE:<id>}; {@code version} is the
 * version the editor loaded.
 */
public record IssueForm(String title, String intro, List<String> items, Integer version) {

	public IssueForm {
		items = items == null ? List.of() : List.copyOf(items);
	}

	public static IssueForm of(NewsletterIssue issue) {
		return new IssueForm(issue.title(), issue.intro(),
				issue.items().stream().map(NewsletterIssue.Item::key).toList(), issue.version());
	}

}
