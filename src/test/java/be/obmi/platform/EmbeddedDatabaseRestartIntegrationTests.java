package be.obmi.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import be.obmi.Application;
import be.obmi.tenancy.Tenant;
import be.obmi.tenancy.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL keeps its data folder: a tenant added in one run is still there
 * after a stop and a new start on the same folder, and the second start neither
 * re-creates nor duplicates the demo data.
 */
class EmbeddedDatabaseRestartIntegrationTests {

	@Test
	void dataSurvivesAStopAndAStart() throws Exception {
		Path dataDir = Path.of("target", "restart-postgres-" + UUID.randomUUID());
		String[] properties = { "--obmi.embedded-database.data-dir=" + dataDir, "--server.port=0",
				"--obmi.log-dir=target/test-logs" };

		try (ConfigurableApplicationContext first = start(properties)) {
			Tenants tenants = first.getBean(Tenants.class);
			assertThat(tenants.all()).hasSize(14);
			first.getBean(TransactionTemplate.class).executeWithoutResult(s -> tenants.add("11001", "#224466"));
		}
		assertThat(Files.isDirectory(dataDir.resolve("base"))).as("PostgreSQL data folder").isTrue();

		try (ConfigurableApplicationContext second = start(properties)) {
			Tenants tenants = second.getBean(Tenants.class);
			assertThat(tenants.all()).hasSize(15);
			Tenant added = tenants.require("aartselaar");
			assertThat(added.nisCode()).isEqualTo("11001");
			assertThat(added.primaryColor()).isEqualTo("#224466");
		}
	}

	private static ConfigurableApplicationContext start(String[] properties) {
		return new SpringApplicationBuilder(Application.class).profiles("test").run(properties);
	}

}
