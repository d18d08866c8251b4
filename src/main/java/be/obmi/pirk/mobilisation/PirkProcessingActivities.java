package be.obmi.pirk.mobilisation;

import java.util.List;

import be.obmi.privacy.ModuleActivities;
import be.obmi.privacy.ModuleActivity;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;

/**
 * PIRK's processing activities in a tenant's GDPR register ({@link ModuleActivities}):
 * the inventory (addresses and register entries of vacant real estate, linked to owners
 * through the registers) and the owner contacts (mobilisation cases). Proposed as drafts
 * once per tenant — when its first mobilisation case is opened, and at start for every
 * tenant with objects in its inventory — for the DPO to complete and publish.
 */
@Service
public class PirkProcessingActivities {

	/** The key of the inventory's activity. */
	public static final String INVENTORY = "pirk.inventory";

	/** The key of the owner contacts' activity. */
	public static final String OWNER_CONTACTS = "pirk.owner-contacts";

	static final ModuleActivity INVENTORY_ACTIVITY = new ModuleActivity(INVENTORY,
			"PIRK — inventaris van leegstaand en onderbenut vastgoed",
			"Leegstand, verwaarlozing en onderbenutting van gebouwen en gronden opsporen, vaststellen en opvolgen "
					+ "(Vlaamse Codex Wonen art. 2.9 en de gemeentelijke registers)",
			List.of("A6-1-c", "A6-1-e"), List.of("eigenaars en zakelijk gerechtigden", "bewoners"),
			List.of("adres- en perceelgegevens", "inschrijvingen in het bevolkingsregister (aantal, geen namen)",
					"verbruiksgegevens nutsvoorzieningen", "vaststellingen bij plaatsbezoek"),
			List.of("dienst wonen", "dienst economie", "Vlaamse Belastingdienst (heffing)"),
			"zolang het object in een register staat, daarna 5 jaar", "Wonen", List.of("OBMi — PIRK"),
			"leegstandsregister en andere gewestelijke en gemeentelijke registers, nutsbedrijven, plaatsbezoeken");

	static final ModuleActivity OWNER_ACTIVITY = new ModuleActivity(OWNER_CONTACTS,
			"PIRK — contact met eigenaars van leegstaande panden",
			"Eigenaars van leegstaande en verwaarloosde panden contacteren en begeleiden naar hergebruik "
					+ "(activering, campagnes, tijdelijk gebruik)",
			List.of("A6-1-e"), List.of("eigenaars en zakelijk gerechtigden"),
			List.of("identificatiegegevens", "contactgegevens", "notities van contacten"),
			List.of("dienst wonen (medewerkers met de functie eigenaarsgegevens)"),
			"tot 5 jaar na het afsluiten van het dossier", "Wonen", List.of("OBMi — PIRK"),
			"kadaster (patrimoniumdocumentatie), de eigenaar zelf");

	private final ModuleActivities activities;

	PirkProcessingActivities(ModuleActivities activities) {
		this.activities = activities;
	}

	/** Proposes both activities to the tenant's register (nothing when they exist). */
	public void propose(Tenant tenant, String actor) {
		activities.propose(tenant, INVENTORY_ACTIVITY, actor);
		activities.propose(tenant, OWNER_ACTIVITY, actor);
	}

}
