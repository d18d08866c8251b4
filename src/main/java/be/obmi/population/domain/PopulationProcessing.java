package be.obmi.population.domain;

import java.util.List;

import be.obmi.privacy.ModuleActivities;
import be.obmi.privacy.ModuleActivity;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;

/**
 * The processing activity of the population microdata in the tenant's GDPR register
 * ({@link ModuleActivities}): proposed as a draft at the tenant's first extract import,
 * for the DPO to complete and publish; later proposals change nothing.
 */
@Service
public class PopulationProcessing {

	/** The key of the activity. */
	public static final String KEY = "population.statistics";

	static final ModuleActivity ACTIVITY = new ModuleActivity(KEY,
			"Bevolkingsstatistiek uit het bevolkingsregister (gepseudonimiseerde microdata)",
			"Statistieken over de bevolking per statistische sector, wijk en stad afleiden en publiceren "
					+ "(leeftijd, geslacht, nationaliteitsgroep, huishoudens, verhuizingen, geboorten en overlijdens) "
					+ "voor beleidsplanning en Stad in cijfers; verdere verwerking voor statistische doeleinden "
					+ "(art. 89 AVG)",
			List.of("A6-1-e"), List.of("inwoners ingeschreven in het bevolkingsregister van de stad"),
			List.of("gepseudonimiseerde persoons-, huishouden- en adressleutel", "geboortemaand en leeftijd",
					"geslacht", "nationaliteitsgroep", "huishoudtype en positie in het huishouden",
					"postcode en statistische sector", "burgerlijke staat",
					"data en reden van inschrijving en afvoering"),
			List.of("analisten van de stad (functie analist); het publiek krijgt enkel aggregaten met "
					+ "statistische geheimhouding"),
			"elke momentopname 10 jaar na de peildatum (instelling obmi.population.retention-years), "
					+ "daarna automatisch gewist; de afgeleide cijfers blijven",
			"Data en analyse", List.of("OBMi — bevolkingsstatistiek"),
			"bevolkingsregister van de stad (extract per peildatum); rijksregisternummers worden geweigerd");

	private final ModuleActivities activities;

	PopulationProcessing(ModuleActivities activities) {
		this.activities = activities;
	}

	/** Proposes the activity to the tenant's register (nothing when it exists). */
	public void propose(Tenant tenant, String actor) {
		activities.propose(tenant, ACTIVITY, actor);
	}

}
