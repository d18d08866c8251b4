package be.obmi.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import be.obmi.support.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 9: the application with its embedded PostgreSQL stops on SIGTERM within
 * seconds, the database last (after the event publication registry and the connection
 * pool), and starts again on the same data folder with the password it generated the
 * first time.
 */
class GracefulShutdownTests {

	@TempDir
	Path folder;

	@Test
	void sigtermStopsTheApplicationAndThenItsDatabaseWithinSeconds() throws Exception {
		Path data = folder.resolve("postgres");
		for (int run = 1; run <= 2; run++) {
			AppProcess app = AppProcess.startEmbedded("shutdown-" + run, data);
			assertThat(app.as("platformbeheerder").get("/actuator/health").status()).isEqualTo(200);
			Duration took = app.terminate(Duration.ofSeconds(20));
			assertThat(took).as("stopped within 20 s").isNotNull();
			assertThat(took).as("graceful shutdown took " + took).isLessThan(Duration.ofSeconds(10));
			String log = app.logTail();
			assertThat(log).as("the database outlived everything that used it")
				.doesNotContain("57P01")
				.doesNotContain("Invocation of destroy method failed");
			assertThat(data.resolve("postmaster.pid")).as("PostgreSQL stopped").doesNotExist();
			assertThat(Files.exists(data.resolve(EmbeddedPostgresConfiguration.SECRET_FILE))).isTrue();
		}
	}

}
