package be.obmi.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import be.obmi.audit.AuditTrail;
import be.obmi.support.ObmiWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of identity: all its controllers; all its web tests share one context.
 * {@link UserAccounts} and {@link ApiTokens} are mocked by {@link ObmiWebSlice} already.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { AccountApiController.class, AccountController.class, ApiTokenController.class,
		LoginController.class, PlatformAccountsController.class, TenantAdministrationController.class,
		SsoAdministrationController.class })
@ObmiWebSlice
@MockitoBean(types = { TenantMembers.class, AuditTrail.class, SsoProviders.class, SsoAccounts.class })
@interface IdentityWebTest {

}
