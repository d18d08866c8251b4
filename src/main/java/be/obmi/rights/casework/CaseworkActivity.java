package be.obmi.rights.casework;

import java.util.List;
import java.util.UUID;

import be.obmi.privacy.ModuleActivities;
import be.obmi.privacy.ModuleActivity;
import be.obmi.tenancy.Tenant;

import org.springframework.stereotype.Service;

/**
 * The processing activity of the social workers' stored cases in a city's GDPR register
 * ({@link ModuleActivities}): proposed as a draft when the city's first case is stored
 * with consent, for the DPO to complete and publish. Nothing is proposed while no client
 * consented.
 */
@Service
public class CaseworkActivity {

	/** The module key of the activity. */
	public static final String KEY = "rights.client-cases";

	static final ModuleActivity ACTIVITY = new ModuleActivity(KEY, "Rechtenverkenner — dossiers van hulpverleners",
			"Een cliënt samen met een hulpverlener laten nagaan op welke sociale rechten hij of zij recht heeft, "
					+ "en het resultaat met toestemming van de cliënt bewaren om de aanvragen op te volgen",
			List.of("A6-1-a"), List.of("cliënten van hulpverleners"),
			List.of("antwoorden op de vragenlijst: woonplaats (gebied), leeftijd, gezinssamenstelling, inkomen, "
					+ "sociale statuten, woonsituatie", "resultaat per recht"),
			List.of("de hulpverlener die het dossier maakte"),
			"tot de bewaartermijn die bij de toestemming getoond is (standaard 90 dagen), daarna automatisch gewist",
			"Welzijn", List.of("OBMi — Rechtenverkenner"), "de cliënt zelf");

	private final ModuleActivities activities;

	CaseworkActivity(ModuleActivities activities) {
		this.activities = activities;
	}

	/** The city's activity, proposed now when there is none yet. */
	UUID ensure(Tenant tenant, String actor) {
		return activities.propose(tenant, ACTIVITY, actor).publicId();
	}

}
