package be.obmi.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.audit.DataGenerations;
import be.obmi.identity.ApiTokens;
import be.obmi.identity.LoginFailures;
import be.obmi.identity.SecuritySlice;
import be.obmi.identity.UserAccounts;
import be.obmi.platform.MessagesSlice;
import be.obmi.tenancy.Tenants;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * What every module's web slice ({@code @WebMvcTest} of its controllers) shares: the
 * project's real security rules ({@code identity.SecurityConfiguration} with its filters,
 * CSRF and the central route rules, and the real {@code TenantAccess}), the real message
 * bundles, the platform's advices and interceptors (picked up by the slice itself), and
 * mocks of what those need from the database (tenants, accounts, login failures, tokens,
 * data generations). The slice of Spring Boot 4 brings no security auto-configuration of
 * its own, so it is imported here.
 * <p>
 * Templates are not rendered: Thymeleaf is left out, so a page's view name resolves to a
 * forward that {@code MockMvc} records without rendering. The tests check the web layer's
 * contract (status, view name, model, redirects, JSON, content types, access checks); the
 * rendered pages are covered by the full-application and browser tests. The public
 * response cache is off, so no answer of one test is replayed to another.
 * <p>
 * Used on each module's composed annotation (e.g. {@code plan.web.PlanWebTest}), so all
 * web tests of a module share one application context.
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ActiveProfiles("test")
@TestPropertySource(properties = { "obmi.cache.public-responses.enabled=false",
		"spring.autoconfigure.exclude=org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration" })
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class })
@Import({ SecuritySlice.class, MessagesSlice.class })
@MockitoBean(types = { Tenants.class, DataGenerations.class, UserAccounts.class, LoginFailures.class, ApiTokens.class })
public @interface ObmiWebSlice {

}
