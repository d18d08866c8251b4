package be.obmi.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import be.obmi.identity.PublicRoutes;
import be.obmi.audit.DataGenerations;
import be.obmi.tenancy.Tenants;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Dutch by default, English on request ({@code ?lang=en}, remembered in a cookie); an API
 * request without that cookie in the language of its {@code Accept-Language}
 * ({@link ApiLanguage}), so every API answer (a refusal's reason, a field's) is in the
 * client's language; htmx partials; the cache of anonymous public responses
 * ({@link PublicResponseCache}); the static files under their four folders.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale DUTCH = Locale.forLanguageTag("nl-BE");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(PublicResponseCache.LANGUAGE_COOKIE);
		resolver.setDefaultLocale(DUTCH);
		resolver.setDefaultLocaleFunction(request -> ApiLanguage.api(request) ? ApiLanguage.of(request, DUTCH) : DUTCH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

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

	/**
	 * The static files, each folder on its own pattern instead of Spring Boot's default
	 * {@code /**} ({@code spring.web.resources.add-mappings: false}): with {@code /**}
	 * every link a page writes ({@code @{/gent/cijfers}}) was looked up as a file in four
	 * class path folders and the web jars, and a miss is not cached — a quarter of the
	 * CPU of a page render went to jar lookups (JFR, stop 32). Web jars keep their
	 * version-free URLs ({@code /webjars/leaflet/dist/leaflet.js}) through the resource
	 * chain, which adds the web jar locator itself.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true);
		for (String folder : List.of("css", "js", "images")) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.resourceChain(true);
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor localeChange = new LocaleChangeInterceptor();
		localeChange.setParamName("lang");
		localeChange.setIgnoreInvalidLocale(true);
		registry.addInterceptor(localeChange);
		registry.addInterceptor(new HtmxPartials());
		registry.addInterceptor(new FormErrorStatus());
	}

}
