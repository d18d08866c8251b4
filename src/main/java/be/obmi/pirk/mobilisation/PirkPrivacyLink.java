package be.obmi.pirk.mobilisation;

import java.util.List;

import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, proposes PIRK's processing activities ({@link PirkProcessingActivities}) to
 * the GDPR register of every tenant that uses PIRK (objects in its inventory or
 * mobilisation cases). Runs when the application is ready, after every module's
 * initializers (the inventory's demo objects are loaded by one), and changes nothing for
 * a tenant that has them already.
 */
@Component
class PirkPrivacyLink {

	private static final Logger log = LoggerFactory.getLogger(PirkPrivacyLink.class);

	private final Tenants tenants;

	private final JdbcClient jdbc;

	private final PirkProcessingActivities activities;

	PirkPrivacyLink(Tenants tenants, JdbcClient jdbc, PirkProcessingActivities activities) {
		this.tenants = tenants;
		this.jdbc = jdbc;
		this.activities = activities;
	}

	@EventListener(ApplicationReadyEvent.class)
	void proposeForTenantsUsingPirk() {
		List<Long> using = jdbc.sql("""
				select distinct tenant_id from pirk.real_estate
				union select distinct tenant_id from pirk.owner_case""").query(Long.class).list();
		for (Tenant tenant : tenants.all()) {
			if (using.contains(tenant.id())) {
				try {
					activities.propose(tenant, "pirk");
				}
				catch (RuntimeException ex) {
					log.warn("PIRK's processing activities not proposed to {}: {}", tenant.slug(), ex.getMessage());
				}
			}
		}
	}

}
