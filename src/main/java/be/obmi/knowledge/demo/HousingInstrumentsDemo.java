package be.obmi.knowledge.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import be.obmi.knowledge.housing.CityInstruments;
import be.obmi.knowledge.housing.HousingCatalogue;
import be.obmi.knowledge.housing.HousingInstrument;
import be.obmi.knowledge.housing.HousingRound;
import be.obmi.knowledge.housing.HousingRounds;
import be.obmi.knowledge.housing.InstrumentForm;
import be.obmi.tenancy.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo housing-policy instruments (K4), only with {@code obmi.demo.enabled=true}: every
 * city gets a plausible, varied set of instruments (marked demo), the round
 * {@code 2025 S2} is opened, submitted by every city and closed (its snapshot), and Gent
 * changes two instruments afterwards, so the diff between that round and now is not
 * empty. Goes through the services the pages use; runs once (the round's name is the
 * mark).
 */
@Component
class HousingInstrumentsDemo implements ApplicationModuleInitializer {

	private static final Logger log = LoggerFactory.getLogger(HousingInstrumentsDemo.class);

	static final String ROUND = "2025 S2";

	/** Instruments nearly every Flemish city uses. */
	static final Set<String> COMMON = Set.of("1.A.1", "1.A.2", "2.A.1", "2.A.2", "5.A.1", "5.A.3", "6.A.1", "6.A.2",
			"8.A.1");

	private final HousingCatalogue catalogue;

	private final CityInstruments instruments;

	private final HousingRounds rounds;

	private final TransactionTemplate transaction;

	private final boolean enabled;

	HousingInstrumentsDemo(HousingCatalogue catalogue, CityInstruments instruments, HousingRounds rounds,
			TransactionTemplate transaction, @Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.catalogue = catalogue;
		this.instruments = instruments;
		this.rounds = rounds;
		this.transaction = transaction;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		if (!enabled || rounds.all().stream().anyMatch(r -> ROUND.equals(r.name()))) {
			return;
		}
		if (rounds.openRound().isPresent()) {
			log.info("Demo housing instruments skipped: a round is open");
			return;
		}
		catalogue.initialize();
		List<HousingInstrument> list = catalogue.instruments();
		transaction.executeWithoutResult(status -> {
			List<Tenant> cities = instruments.cities();
			for (Tenant city : cities) {
				instruments.save(city, forms(city, list), "redacteur (demo)", true);
			}
			LocalDate deadline = LocalDate.of(2025, 12, 15);
			HousingRound round = rounds.open(ROUND, deadline, deadline.minusDays(45), "kenniscentrum (demo)", true);
			for (Tenant city : cities) {
				rounds.submit(city, round.id(), List.of(), 0, "redacteur." + city.slug());
			}
			rounds.close(round.id(), "kenniscentrum (demo)");
			cities.stream().filter(c -> "gent".equals(c.slug())).findFirst().ifPresent(this::laterChange);
		});
		log.info("Demo housing instruments and round {} made", ROUND);
	}

	/**
	 * A varied but plausible set for the city: the common ones and about a third of the
	 * others.
	 */
	static List<InstrumentForm> forms(Tenant city, List<HousingInstrument> list) {
		List<InstrumentForm> forms = new ArrayList<>();
		for (HousingInstrument instrument : list) {
			boolean present = COMMON.contains(instrument.code())
					|| Math.floorMod((city.slug() + instrument.code()).hashCode(), 3) == 0;
			if (present) {
				forms.add(new InstrumentForm(instrument.code(), true, link(city, instrument), null,
						LocalDate.of(2012 + Math.floorMod((city.slug() + instrument.code()).hashCode(), 12), 1, 1),
						-1));
			}
		}
		return forms;
	}

	private static String link(Tenant city, HousingInstrument instrument) {
		return "https://www." + city.slug() + ".be/reglementen/wonen-" + instrument.code().replace('.', '-');
	}

	/**
	 * Gent adds the register of neglected dwellings (or ends it) and renews a regulation.
	 */
	private void laterChange(Tenant gent) {
		var records = instruments.of(gent);
		var register = records.get("6.A.3");
		var rules = records.get("5.A.1");
		List<InstrumentForm> forms = new ArrayList<>();
		forms.add(register == null
				? new InstrumentForm("6.A.3", true, "https://www.gent.be/reglementen/verwaarlozing-2026", null,
						LocalDate.of(2026, 1, 1), -1)
				: new InstrumentForm("6.A.3", !register.present(), register.regulationUrl(), register.note(),
						register.since(), register.version()));
		if (rules != null) {
			forms.add(new InstrumentForm("5.A.1", rules.present(), rules.regulationUrl() + "-2026",
					"Nieuw reglement vanaf 2026 (demo).", rules.since(), rules.version()));
		}
		instruments.save(gent, forms, "redacteur.gent", true);
	}

}
