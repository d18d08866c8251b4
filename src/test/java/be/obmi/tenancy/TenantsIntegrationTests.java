package be.obmi.tenancy;

import be.obmi.support.ObmiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seeded tenants and adding a municipality, against the real database. */
@ObmiIntegrationTest
class TenantsIntegrationTests {

	@Autowired
	Tenants tenants;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theThirteenCentrumstedenAndTheVgcAreSeededWithTheirNisCodes() {
		assertThat(tenants.all()).extracting(Tenant::slug)
			.contains("aalst", "antwerpen", "brugge", "genk", "gent", "hasselt", "kortrijk", "leuven", "mechelen",
					"oostende", "roeselare", "sint-niklaas", "turnhout", "vgc");
		assertThat(tenants.require("sint-niklaas").nisCode()).isEqualTo("46021");
		assertThat(tenants.require("antwerpen").nisCode()).isEqualTo("11002");
		assertThat(tenants.require("vgc").kind()).isEqualTo(Tenant.Kind.GEMEENSCHAPSCOMMISSIE);
		assertThat(tenants.all()).filteredOn(Tenant::centrumstad).hasSize(13);
		assertThat(tenants.require("vgc").centrumstad()).isFalse();
	}

	@Test
	void aMunicipalityIsAddedOnceWithItsNameAsSlug() {
		Tenant added = transaction.execute(s -> tenants.add("23088", null));
		assertThat(added.slug()).isEqualTo("vilvoorde");
		assertThat(added.name()).isEqualTo("Vilvoorde");
		assertThat(added.centrumstad()).isFalse();
		assertThatThrownBy(() -> transaction.execute(s -> tenants.add("23088", null)))
			.hasMessageContaining("is al een bestuur");
		assertThatThrownBy(() -> transaction.execute(s -> tenants.add("99999", null)))
			.hasMessageContaining("Onbekende NIS-code");
	}

	@Test
	void slugsAreLowercaseAsciiNames() {
		assertThat(Tenants.slugOf("Sint-Niklaas")).isEqualTo("sint-niklaas");
		assertThat(Tenants.slugOf("Kruisem")).isEqualTo("kruisem");
		assertThat(Tenants.slugOf("Tielt-Winge")).isEqualTo("tielt-winge");
		assertThat(Tenants.slugOf("Sint-Genesius-Rode")).isEqualTo("sint-genesius-rode");
		assertThat(Tenants.slugOf("Écaussinnes")).isEqualTo("ecaussinnes");
	}

	@Test
	void headerTextIsReadableOnEveryTenantColour() {
		for (Tenant tenant : tenants.all()) {
			String text = TenantColors.readableOn(tenant.primaryColor());
			assertThat(TenantColors.contrast(text, tenant.primaryColor())).as(tenant.name())
				.isGreaterThanOrEqualTo(4.5);
		}
		assertThat(TenantColors.readableOn("#f2c500")).isEqualTo("#000000");
		assertThat(TenantColors.readableOn("#1f4e79")).isEqualTo("#ffffff");
	}

}
