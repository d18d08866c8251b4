package be.obmi.knowledge.demo;

import java.time.LocalDate;
import java.time.ZoneId;

import be.obmi.knowledge.newsletter.NewsletterIssues;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;

/**
 * Three sent newsletter issues in the archive, numbered just below
 * {@code obmi.knowledge.newsletter.first-number} (147–149 by default), marked demo, with
 * no deliveries and no mails; no demo subscribers. Runs only with
 * {@code obmi.demo.enabled=true}; an issue whose number exists is left as it is.
 */
@Component
class KnowledgeNewsletterDemo implements ApplicationModuleInitializer {

	private final NewsletterIssues issues;

	private final int firstNumber;

	private final boolean enabled;

	KnowledgeNewsletterDemo(NewsletterIssues issues,
			@Value("${obmi.knowledge.newsletter.first-number:150}") int firstNumber,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.issues = issues;
		this.firstNumber = firstNumber;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled || firstNumber < 4) {
			return;
		}
		LocalDate month = LocalDate.now().withDayOfMonth(1);
		archive(3, month.minusMonths(3), "Kerken delen: medegebruik in de praktijk",
				"<p>In dit nummer: hoe steden en kerkfabrieken kerken samen gebruiken, en wat het projectbureau leerde uit de haalbaarheidsstudies.</p>");
		archive(2, month.minusMonths(2), "Tijdelijk gebruik als hefboom",
				"<p>Leegstaande panden en terreinen tijdelijk openstellen: lessen uit de steden en een overzicht van de nieuwe voorbeelden.</p>");
		archive(1, month.minusMonths(1), "Halfjaarlijkse ronde woonbeleidsinstrumenten",
				"<p>De steden actualiseerden hun lokale woonbeleidsinstrumenten. Een blik op wat veranderde, en de agenda van de komende maand.</p>");
	}

	private void archive(int before, LocalDate month, String title, String intro) {
		issues.ensureArchived(firstNumber - before, "[demo] " + title, intro,
				month.plusDays(2).atTime(9, 0).atZone(ZoneId.of("Europe/Brussels")).toInstant(), "kenniscentrum", true);
	}

}
