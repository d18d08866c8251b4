package be.obmi.pirk.demo;

import java.time.LocalDate;
import java.util.List;

import be.obmi.knowledge.TemporaryUseCases;
import be.obmi.pirk.domain.ObjectFilter;
import be.obmi.pirk.domain.VacancyClass;
import be.obmi.pirk.mobilisation.Campaign;
import be.obmi.pirk.mobilisation.Campaigns;
import be.obmi.pirk.mobilisation.OwnerCase;
import be.obmi.pirk.mobilisation.OwnerCases;
import be.obmi.pirk.mobilisation.OwnerContacts;
import be.obmi.pirk.mobilisation.OwnerForm;
import be.obmi.pirk.mobilisation.OwnerStatus;
import be.obmi.pirk.publication.VacancyIndicators;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mobilisation for every tenant whose inventory has demo objects that are vacant and
 * no cases yet (only with {@code obmi.demo.enabled}): cases with fictitious owners
 * (marked demo, "voorbeeldgegevens"), statuses and notes, one linked to a temporary-use
 * case of the knowledge bank, a sent campaign; then the tenant's vacancy figures are
 * published to Stad in cijfers. Everything goes through the services the pages use. It
 * runs when the application is ready, after every module's initializers, because the
 * inventory's demo objects and their vacancy come from the other demo loaders of this
 * module.
 */
@Component
class PirkMobilisationDemo {

	private static final Logger log = LoggerFactory.getLogger(PirkMobilisationDemo.class);

	private static final String ACTOR = "demo";

	private static final List<OwnerForm> OWNERS = List.of(
			new OwnerForm("Jan Peeters (fictief)", "PERSON", "Voorbeeldstraat 1", "2800", "Mechelen",
					"jan.peeters@example.org", null, "volle eigendom", null),
			new OwnerForm("Vastgoed Voorbeeld nv (fictief)", "COMPANY", "Demolaan 10", "1000", "Brussel",
					"info@example.com", "+32 2 000 00 00", "volle eigendom", null),
			new OwnerForm("An Janssens (fictief)", "PERSON", "Proefweg 7", "2000", "Antwerpen", null, null,
					"1/2 blote eigendom", null),
			new OwnerForm("Els Maes (fictief)", "PERSON", "Oefenplein 3", "9000", "Gent", "els.maes@example.net", null,
					"vruchtgebruik", null));

	private static final List<OwnerStatus> STATUSES = List.of(OwnerStatus.CONTACTED, OwnerStatus.ANSWERED,
			OwnerStatus.IN_PROGRESS, OwnerStatus.SOLVED, OwnerStatus.REFUSED, OwnerStatus.NOT_CONTACTED);

	private final Tenants tenants;

	private final JdbcClient jdbc;

	private final OwnerCases cases;

	private final OwnerContacts contacts;

	private final Campaigns campaigns;

	private final TemporaryUseCases temporaryUse;

	private final VacancyIndicators indicators;

	private final boolean enabled;

	PirkMobilisationDemo(Tenants tenants, JdbcClient jdbc, OwnerCases cases, OwnerContacts contacts,
			Campaigns campaigns, TemporaryUseCases temporaryUse, VacancyIndicators indicators,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.tenants = tenants;
		this.jdbc = jdbc;
		this.cases = cases;
		this.contacts = contacts;
		this.campaigns = campaigns;
		this.temporaryUse = temporaryUse;
		this.indicators = indicators;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled) {
			return;
		}
		for (Tenant tenant : tenants.all()) {
			try {
				load(tenant);
			}
			catch (RuntimeException ex) {
				log.warn("PIRK demo mobilisation of {} not loaded: {}", tenant.slug(), ex.getMessage());
			}
		}
	}

	private void load(Tenant tenant) {
		boolean hasCases = jdbc.sql("select count(*) from pirk.owner_case where tenant_id = ?")
			.param(tenant.id())
			.query(Long.class)
			.single() > 0;
		List<Long> vacant = jdbc.sql("""
				select id from pirk.real_estate where tenant_id = ? and demo
				  and vacancy_class in ('ADMINISTRATIVE', 'VERIFIED', 'PARTLY_VACANT')
				order by vacant_since nulls last, id limit 6""").param(tenant.id()).query(Long.class).list();
		if (hasCases || vacant.isEmpty()) {
			return;
		}
		for (int i = 0; i < vacant.size(); i++) {
			OwnerCase opened = cases.open(tenant, vacant.get(i), ACTOR, true);
			contacts.add(tenant, opened.id(), OWNERS.get(i % OWNERS.size()), ACTOR);
			cases.addNote(tenant, opened.id(), "LETTER", LocalDate.now().minusMonths(2),
					"Eerste brief verstuurd (voorbeeldgegevens).", ACTOR);
			OwnerStatus status = STATUSES.get(i % STATUSES.size());
			if (status != OwnerStatus.NOT_CONTACTED) {
				cases.move(tenant, opened.id(), status, opened.version(), "voorbeeldgegevens", ACTOR);
			}
			if (i == 2) {
				temporaryUse.all()
					.stream()
					.findFirst()
					.ifPresent(t -> cases.linkTemporaryUse(tenant, opened.id(), t.publicId(),
							cases.find(tenant, opened.id()).orElseThrow().version(), ACTOR));
			}
		}
		// one wijk's verified vacancy: a campaign of a few letters
		String wijk = jdbc.sql("select wijk_code from pirk.real_estate where id = ?")
			.param(vacant.getFirst())
			.query(String.class)
			.optional()
			.orElse(null);
		Campaign campaign = campaigns.create(tenant, "Brief aan eigenaars van vastgestelde leegstand (voorbeeld)",
				new ObjectFilter(null, VacancyClass.VERIFIED, null, null, wijk, null, null, null, null), null, true,
				ACTOR);
		campaigns.send(tenant, campaign.id(), campaign.version(), ACTOR);
		indicators.publish(tenant, ACTOR);
	}

}
