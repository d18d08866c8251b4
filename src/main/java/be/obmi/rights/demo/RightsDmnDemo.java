package be.obmi.rights.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import be.obmi.rights.catalogue.ExampleHouseholds;
import be.obmi.rights.catalogue.RightEntry;
import be.obmi.rights.catalogue.RightForm;
import be.obmi.rights.catalogue.Rights;
import be.obmi.rights.catalogue.RuleVersion;
import be.obmi.rights.catalogue.RuleVersions;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.ApplicationModuleInitializer;
import org.springframework.stereotype.Component;

/**
 * A demo right decided by a DMN decision table (only with
 * {@code obmi.demo.enabled=true}), marked as sample data: Antwerpen's energietoelage,
 * whose table ({@code rights/demo/energietoelage.dmn}) decides on household size and
 * income with the ceiling as the rule parameter {@code plafond}, with example households.
 * Amounts are illustrative. Loaded once.
 */
@Component
class RightsDmnDemo implements ApplicationModuleInitializer {

	static final LocalDate FROM = LocalDate.of(2025, 1, 1);

	static final String CODE = "energietoelage-dmn";

	private final Rights rights;

	private final RuleVersions versions;

	private final ExampleHouseholds examples;

	private final Tenants tenants;

	private final boolean enabled;

	RightsDmnDemo(Rights rights, RuleVersions versions, ExampleHouseholds examples, Tenants tenants,
			@Value("${obmi.demo.enabled:true}") boolean enabled) {
		this.rights = rights;
		this.versions = versions;
		this.examples = examples;
		this.tenants = tenants;
		this.enabled = enabled;
	}

	@Override
	public void initialize() {
		Tenant city = tenants.bySlug("antwerpen").orElse(null);
		if (!enabled || city == null || rights.byCode(city.id(), CODE).isPresent()) {
			return;
		}
		RightEntry right = rights.create(city.id(), new RightForm(CODE, "Energietoelage (beslissingstabel)",
				"Een jaarlijkse toelage in de energiekosten voor gezinnen met een laag inkomen.", "LOKAAL", "Energie",
				"Gezinnen met een laag inkomen",
				"Een gezinsinkomen onder het plafond; grote gezinnen (vier of meer personen) hebben een hoger plafond.",
				"Aanvragen bij het Sociaal Huis.", "Identiteitskaart; aanslagbiljet van de personenbelasting.",
				"Sociaal Huis", "200 of 300 euro per jaar", "https://www.antwerpen.be/energietoelage",
				"Reglement energietoelage", null, null), true);
		examples.save(right, city.id(), "Koppel onder het plafond",
				"{\"adults\": 2, \"childAges\": [], \"yearlyIncome\": 24000}", FROM.plusMonths(6), "ELIGIBLE");
		examples.save(right, city.id(), "Koppel boven het plafond",
				"{\"adults\": 2, \"childAges\": [], \"yearlyIncome\": 27000}", FROM.plusMonths(6), "NOT_ELIGIBLE");
		examples.save(right, city.id(), "Groot gezin boven het gewone plafond",
				"{\"adults\": 2, \"childAges\": [4, 8], \"yearlyIncome\": 30000}", FROM.plusMonths(6), "ELIGIBLE");
		examples.save(right, city.id(), "Inkomen nog onbekend", "{\"adults\": 2, \"childAges\": []}",
				FROM.plusMonths(6), "MAYBE");
		RuleVersion version = versions.draft(right, FROM, null, "{\"parameters\": {\"plafond\": 25000}}", dmn(),
				"https://www.antwerpen.be/energietoelage", "demo");
		versions.publish(right, version.id());
		rights.publish(right);
	}

	private static String dmn() {
		try (InputStream in = RightsDmnDemo.class.getClassLoader()
			.getResourceAsStream("rights/demo/energietoelage.dmn")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
