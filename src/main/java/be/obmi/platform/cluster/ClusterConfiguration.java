package be.obmi.platform.cluster;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import be.obmi.audit.DataGenerations;
import be.obmi.identity.PublicRoutes;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Several application instances on one PostgreSQL, with an optional read replica
 * ({@code docs/operations.md}, "Several instances"): cache invalidation through the
 * database, and the routing of anonymous public reads to the replica when
 * {@code obmi.datasource.replica.url} is set. Without that setting nothing is routed.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

	/** The order of Spring Security's filter chain; the replica choice comes after it. */
	private static final int AFTER_SECURITY = -100 + 15;

	@Bean
	ReplicaState replicaState(Environment environment) {
		String url = environment.getProperty("obmi.datasource.replica.url", "");
		if (url.isBlank()) {
			return ReplicaState.none();
		}
		HikariDataSource replica = new HikariDataSource();
		replica.setJdbcUrl(url);
		replica.setUsername(environment.getProperty("obmi.datasource.replica.username",
				environment.getProperty("spring.datasource.username")));
		replica.setPassword(environment.getProperty("obmi.datasource.replica.password",
				environment.getProperty("spring.datasource.password")));
		replica.setPoolName("obmi-replica");
		replica.setReadOnly(true);
		replica.setMaximumPoolSize(environment.getProperty("obmi.datasource.replica.pool-size", Integer.class, 10));
		// a replica that does not answer is left for the primary at once
		replica.setConnectionTimeout(environment
			.getProperty("obmi.datasource.replica.connection-timeout", Duration.class, Duration.ofSeconds(1))
			.toMillis());
		replica.setInitializationFailTimeout(-1);
		return new ReplicaState(replica,
				environment.getProperty("obmi.datasource.replica.max-lag", Duration.class, Duration.ofSeconds(5)),
				environment.getProperty("obmi.datasource.replica.check-interval", Duration.class,
						Duration.ofSeconds(1)));
	}

	/**
	 * With a replica, the application's data source becomes the routing one; the primary
	 * stays what Spring Boot (or the embedded database) made.
	 */
	@Bean
	static BeanPostProcessor replicaRouting(ObjectProvider<ReplicaState> state) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!"dataSource".equals(beanName) || !(bean instanceof DataSource primary)
						|| bean instanceof LazyConnectionDataSourceProxy) {
					return bean;
				}
				ReplicaState replica = state.getObject();
				if (!replica.configured()) {
					return bean;
				}
				replica.primary(primary);
				return new LazyConnectionDataSourceProxy(new ReplicaRoutingDataSource(primary, replica));
			}
		};
	}

	@Bean
	@ConditionalOnExpression("!'${obmi.datasource.replica.url:}'.isBlank()")
	FilterRegistrationBean<ReplicaReadFilter> replicaReadFilter(List<PublicRoutes> routes) {
		FilterRegistrationBean<ReplicaReadFilter> registration = new FilterRegistrationBean<>(
				new ReplicaReadFilter(routes));
		registration.addUrlPatterns("/*");
		registration.setOrder(AFTER_SECURITY);
		registration.setName("replicaReads");
		return registration;
	}

	@Bean
	@ConditionalOnProperty(name = "obmi.cluster.invalidation.enabled", matchIfMissing = true)
	ClusterCacheInvalidation clusterCacheInvalidation(DataSource dataSource, DataGenerations generations,
			ReplicaState replica, Environment environment) {
		return new ClusterCacheInvalidation(dataSource, generations, replica, environment
			.getProperty("obmi.cluster.generation-check-interval", Duration.class, Duration.ofSeconds(1)));
	}

}
