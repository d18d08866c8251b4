package be.obmi.identity;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Puts {@link OutageTolerantSessions} in front of Spring Session's JDBC repository, when
 * sessions are in PostgreSQL (after Boot's session auto-configuration, so only then).
 */
@AutoConfiguration(after = JdbcSessionAutoConfiguration.class)
@ConditionalOnBean(JdbcIndexedSessionRepository.class)
class OutageTolerantSessionsConfiguration {

	@Bean
	@Primary
	OutageTolerantSessions outageTolerantSessions(JdbcIndexedSessionRepository database,
			@Value("${server.servlet.session.timeout:30m}") Duration idle,
			@Value("${obmi.sessions.copies-in-memory:10000}") long maximum) {
		return new OutageTolerantSessions(database, idle, maximum);
	}

}
