package be.obmi.platform.cluster;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled work is done by one instance at a time: every {@code @Scheduled} job carries
 * ShedLock's {@code @SchedulerLock} (or, for work on an instance's own memory,
 * {@link be.obmi.shared.EveryInstance}); the instance that takes the job's row in
 * {@code platform.shedlock} runs it, the others skip that run. The lock's times are the
 * database's ({@code usingDbTime}), so the instances' clocks do not matter; a lock of an
 * instance that died is free after the job's {@code lockAtMostFor}. See
 * {@code docs/adr/0014-shared-state-in-postgresql.md}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ScheduledWorkLocks {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("platform.shedlock")
			.usingDbTime()
			.build());
	}

}
