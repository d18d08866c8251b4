package be.obmi.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts an embedded PostgreSQL 18 when no {@code spring.datasource.url} is configured, so that a
 * newcomer needs nothing but a JDK. The data folder ({@code obmi.embedded-database.data-dir},
 * default {@code ./data/postgres}) is kept between runs. With a datasource URL the application
 * uses that server and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(Environment environment) throws IOException {
		Path dataDir = Path.of(environment.getProperty("obmi.embedded-database.data-dir", "data/postgres"))
			.toAbsolutePath();
		Files.createDirectories(dataDir);
		int port = environment.getProperty("obmi.embedded-database.port", Integer.class, 0);
		log.info("Embedded PostgreSQL starts with data folder {}", dataDir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "128MB")
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8");
		if (port > 0) {
			builder.setPort(port);
		}
		return builder.start();
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, Environment environment) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("obmi-embedded");
		dataSource.setMaximumPoolSize(environment.getProperty("obmi.embedded-database.pool-size", Integer.class, 10));
		// how long a caller waits for a connection; tests shorten it because at JVM exit the embedded server's own
		// shutdown hook may stop PostgreSQL before the pool closes, and late callers would wait this long
		dataSource.setConnectionTimeout(environment.getProperty("obmi.embedded-database.connection-timeout",
				Duration.class, Duration.ofSeconds(30)).toMillis());
		return dataSource;
	}

}
