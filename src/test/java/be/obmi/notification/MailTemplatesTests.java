package be.obmi.notification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.obmi.shared.Texts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail texts without a Spring context: every kind renders in Dutch and English with
 * its city, round, items, deadline and links, and the subjects' plural and day choices.
 */
class MailTemplatesTests {

	final MailTemplates templates = new MailTemplates(Texts.source(false));

	static final Locale ENGLISH = Locale.ENGLISH;

	static final TaskLine TASK = new TaskLine("AC01.01.01", "Schoolstraten invoeren",
			"https://obmi.example/gent/plan/rondes/7/items/11");

	Map<String, Object> common(Map<String, Object> more) {
		Map<String, Object> all = new HashMap<>(more);
		all.put("name", "Jan Peeters");
		all.put("preferencesLink", "https://obmi.example/account/meldingen");
		all.put("city", "Gent");
		all.put("round", "Opvolging voorjaar 2026");
		all.put("deadline", MailTemplates.date(LocalDate.of(2026, 1, 31)));
		return all;
	}

	@Test
	void roundOpenedListsEveryItemWithItsLinkInBothLanguages() {
		Map<String, Object> variables = common(
				Map.of("tasks", List.of(TASK, new TaskLine("AC01.01.02", "Fietspaden markeren", "https://x/12"))));
		String dutch = templates.body(Kind.ROUND_OPENED, Texts.DUTCH, variables);
		assertThat(dutch).startsWith("Beste Jan Peeters,")
			.contains("Gent heeft de statusronde \"Opvolging voorjaar 2026\" geopend. Rapporteer vóór 31/01/2026 over:")
			.contains("- AC01.01.01 Schoolstraten invoeren\n  https://obmi.example/gent/plan/rondes/7/items/11\n")
			.contains("- AC01.01.02 Fietspaden markeren\n  https://x/12\n")
			.contains("https://obmi.example/account/meldingen")
			.doesNotContain("[(", "${", "\n\n\n");
		String english = templates.body(Kind.ROUND_OPENED, ENGLISH, variables);
		assertThat(english).startsWith("Dear Jan Peeters,").contains("Please report by 31/01/2026 on:");
		assertThat(templates.subject("roundOpened.one", Texts.DUTCH, "Gent", "Opvolging voorjaar 2026", "AC01.01.01",
				"Schoolstraten invoeren", "31/01/2026"))
			.isEqualTo(
					"Gent – statusronde Opvolging voorjaar 2026: rapporteer over AC01.01.01 Schoolstraten invoeren vóór 31/01/2026");
		assertThat(templates.subject("roundOpened.many", ENGLISH, "Gent", "R", 3, "31/01/2026"))
			.isEqualTo("Gent – status round R: please report on 3 actions by 31/01/2026");
	}

	@Test
	void reminderSaysWhenTheDeadlineIs() {
		String dutch = templates.body(Kind.REMINDER, Texts.DUTCH, common(Map.of("days", 2L, "tasks", List.of(TASK))));
		assertThat(dutch).contains("is 31/01/2026 (over 2 dagen). Je hebt nog geen update ingediend voor:")
			.contains("- AC01.01.01 Schoolstraten invoeren\n  https://obmi.example/gent/plan/rondes/7/items/11\n")
			.doesNotContain("\n\n\n");
		assertThat(templates.body(Kind.REMINDER, ENGLISH, common(Map.of("days", 0L, "tasks", List.of(TASK)))))
			.contains("is 31/01/2026 (today).");
		assertThat(templates.subject("reminder", Texts.DUTCH, "Gent", "R", "31/01/2026", 1L))
			.isEqualTo("Gent – statusronde R: deadline 31/01/2026 (morgen), nog niet ingediend");
		assertThat(templates.subject("reminder", ENGLISH, "Gent", "R", "31/01/2026", 3L))
			.isEqualTo("Gent – status round R: deadline 31/01/2026 (in 3 days), not yet submitted");
	}

	@Test
	void returnedCarriesTheRemarkAndApprovedTheItem() {
		String returned = templates.body(Kind.RETURNED, ENGLISH,
				common(Map.of("task", TASK, "remark", "Give a new timing.")));
		assertThat(returned).contains("Your update for AC01.01.01 Schoolstraten invoeren in the status round")
			.contains("  Give a new timing.")
			.contains("submit it again by 31/01/2026:\nhttps://obmi.example/gent/plan/rondes/7/items/11");
		String approved = templates.body(Kind.APPROVED, Texts.DUTCH, common(Map.of("task", TASK, "remark", "")));
		assertThat(approved).contains("Je update voor AC01.01.01 Schoolstraten invoeren")
			.contains("(deadline 31/01/2026) is goedgekeurd");
	}

	@Test
	void digestCountsPerRound() {
		Map<String, Object> variables = common(
				Map.of("date", "05/01/2026", "rounds", List.of(new WeeklyDigest.RoundLine("Opvolging voorjaar 2026",
						"31/01/2026", 2, 1, 4, 7, "https://obmi.example/gent/plan/rondes/7"))));
		String dutch = templates.body(Kind.DIGEST, Texts.DUTCH, variables);
		assertThat(dutch).contains("Opvolging voorjaar 2026 (deadline 31/01/2026)\n"
				+ "  te beoordelen: 2, goedgekeurd: 1, ontbreekt nog: 4 (van 7)\n  https://obmi.example/gent/plan/rondes/7\n");
		assertThat(templates.subject("digest", ENGLISH, "Gent", "05/01/2026", 1))
			.isEqualTo("Gent – weekly overview of the status rounds on 05/01/2026: 1 open round");
	}

}
