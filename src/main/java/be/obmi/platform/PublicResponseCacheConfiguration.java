package be.obmi.platform;

import java.time.Duration;
import java.util.List;

import be.obmi.audit.DataGenerations;
import be.obmi.identity.PublicRoutes;
import be.obmi.tenancy.Tenants;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * The cache of anonymous public responses ({@link PublicResponseCache}, ADR 0011 and
 * 0018): the filter, its files for sendfile, the count of the most visited pages and
 * their warm-up. A configuration of its own, not part of {@link WebConfiguration}: the
 * web slices of the tests include every {@code WebMvcConfigurer} with its beans, and
 * these need the database.
 */
@Configuration(proxyBeanMethods = false)
class PublicResponseCacheConfiguration {

	@Bean
	PublicResponseCache publicResponseCache(List<PublicRoutes> routes, Tenants tenants, DataGenerations generations,
			@Value("${obmi.cache.public-responses.enabled:true}") boolean enabled,
			@Value("${obmi.cache.public-responses.max-size:128MB}") DataSize maxSize,
			@Value("${obmi.cache.public-responses.max-entry-size:4MB}") DataSize maxEntrySize,
			@Value("${obmi.cache.public-responses.publication-grace:10s}") Duration grace, ResponseBodyFiles files,
			PopularPublicPages pages, PublicPageWarmUp warmUp) {
		return new PublicResponseCache(routes, tenants, generations, enabled, maxSize, maxEntrySize, files, pages,
				warmUp, grace);
	}

	/** The most visited public pages, counted by the cache, saved for the next start. */
	@Bean
	PopularPublicPages popularPublicPages(JdbcClient jdbc) {
		return new PopularPublicPages(jdbc);
	}

	/** Renders the most visited pages after a change and at start (ADR 0018). */
	@Bean
	PublicPageWarmUp publicPageWarmUp(PopularPublicPages pages, Tenants tenants,
			@Value("${obmi.cache.public-responses.warm-up-pages:50}") int pagesPerChange,
			@Value("${obmi.cache.public-responses.warm-up-at-start-pages:100}") int pagesAtStart,
			@Value("${obmi.cache.public-responses.warm-up-at-start-budget:60s}") Duration startBudget) {
		return new PublicPageWarmUp(pages, tenants, pagesPerChange, pagesAtStart, startBudget);
	}

	/** The cache's large answers as files, sent with sendfile; removed at shutdown. */
	@Bean(destroyMethod = "close")
	ResponseBodyFiles responseBodyFiles(
			@Value("${obmi.cache.public-responses.sendfile-min-size:48KB}") DataSize minSize) {
		return new ResponseBodyFiles(minSize.toBytes());
	}

	/**
	 * Before Spring Security and the anonymous API rate limit: a hit is answered with the
	 * headers stored from its render (security headers included) and is not counted by
	 * the rate limit, which guards what costs work.
	 */
	@Bean
	FilterRegistrationBean<PublicResponseCache> publicResponseCacheRegistration(PublicResponseCache cache) {
		FilterRegistrationBean<PublicResponseCache> registration = new FilterRegistrationBean<>(cache);
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		registration.setName("publicResponseCache");
		return registration;
	}

}
