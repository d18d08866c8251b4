package be.obmi.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import be.obmi.support.ObmiIntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11, point 9: the embedded PostgreSQL does not trust local connections; it wants
 * the generated password kept in the data folder, readable by its owner only.
 */
@ObmiIntegrationTest
class EmbeddedDatabasePasswordIntegrationTests {

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	JdbcClient jdbc;

	@Test
	void connectionsNeedTheGeneratedPasswordWhichOnlyTheOwnerCanRead() throws Exception {
		String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
		for (String password : new String[] { null, "", "postgres", "verkeerd" }) {
			Properties properties = new Properties();
			properties.setProperty("user", "postgres");
			if (password != null) {
				properties.setProperty("password", password);
			}
			assertThatThrownBy(() -> DriverManager.getConnection(url, properties).close()).as(String.valueOf(password))
				.isInstanceOf(SQLException.class);
		}
		Path data = Path.of(jdbc.sql("show data_directory").query(String.class).single());
		Path secret = data.resolve(EmbeddedPostgresConfiguration.SECRET_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
		Properties right = new Properties();
		right.setProperty("user", "postgres");
		right.setProperty("password", Files.readString(secret).strip());
		DriverManager.getConnection(url, right).close();
		assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("scram-sha-256").doesNotContain("trust");
		assertThat(jdbc.sql("select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'")
			.query(Boolean.class)
			.single()).isTrue();
	}

}
