package be.obmi.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * client's language; htmx partials; the static files under their four folders. The cache
 * of anonymous public responses has its own configuration
 * ({@link PublicResponseCacheConfiguration}).
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
